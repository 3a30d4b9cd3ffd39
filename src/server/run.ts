import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/load.js';
import { OverdueScheduler } from '../cycle/overdue.js';
import { buildApp } from '../http/app.js';
import { MediaScheduler } from '../humas/media/schedule.js';
import { engagementSchedule } from '../humas/news/engagement-job.js';
import { type Background, HarvestScheduler } from '../jobs/schedule.js';
import { MailOutbox } from '../notify/mail-outbox.js';
import { ruangKendaliSchedule } from '../ruang-kendali/job.js';
import type { Notice } from './first-admin.js';
import { lockDataDir } from './lock.js';
import { openServices, type Step } from './services.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly firstStart: boolean;
  /** Stops accepting, finishes in-flight requests, closes the stores and the data-dir lock. */
  stop(): Promise<void>;
}

/** How long in-flight requests get after a stop signal before open connections are cut. */
const DRAIN_MS = 3000;

/** Opens the stores, builds the app and listens. */
export async function startServer(config: Config, step?: Step, notice?: Notice): Promise<RunningServer> {
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let opened: Awaited<ReturnType<typeof openServices>>;
  try {
    opened = await openServices(config, step, notice);
  } catch (e) {
    unlock();
    throw e;
  }
  const app = await buildApp({ registry: opened.registry, services: opened.services });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await app.close();
    await opened.close();
    unlock();
    throw e;
  }
  // What runs beside the requests (not with one-off CLI commands on the data directory): cron
  // harvests and media fetches, overdue Daftar Data periods (at start and daily), notification
  // e-mail when SMTP is set, Ruang Kendali evaluations (every 15 minutes and after new versions)
  // and the daily Humas engagement table.
  const { catalog, jobs } = opened.services;
  const background: Background[] = [
    new HarvestScheduler(catalog, jobs),
    new MediaScheduler(catalog, jobs),
    new OverdueScheduler(catalog, { mail: !!config.smtpUrl }),
    ...(config.smtpUrl
      ? [new MailOutbox(catalog, { smtpUrl: config.smtpUrl, from: config.mailFrom, baseUrl: config.baseUrl })]
      : []),
    ruangKendaliSchedule(opened.services),
    engagementSchedule(catalog, jobs),
  ];
  for (const b of background) b.start();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await Promise.all(background.map((b) => b.stop()));
      const cut = setTimeout(() => app.server.closeAllConnections(), DRAIN_MS);
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
        await opened.close();
        unlock();
      }
    })();
    return stopping;
  };
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return { app, url: `http://${host}:${port}`, firstStart: opened.firstStart, stop };
}
