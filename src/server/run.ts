import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/load.js';
import { OverdueScheduler } from '../cycle/overdue.js';
import { buildApp } from '../http/app.js';
import { MediaScheduler } from '../humas/media/schedule.js';
import { scheduleEngagement } from '../humas/news/engagement-job.js';
import { HarvestScheduler } from '../jobs/schedule.js';
import { MailOutbox } from '../notify/mail-outbox.js';
import { RuangKendaliScheduler } from '../ruang-kendali/job.js';
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
  // Scheduled harvests run with the server (not with one-off CLI commands on the data directory).
  const scheduler = new HarvestScheduler(opened.services.catalog, opened.services.jobs);
  scheduler.start();
  // Media feeds (Humas) are fetched on their sources' schedules, as harvests are.
  const media = new MediaScheduler(opened.services.catalog, opened.services.jobs);
  media.start();
  // Overdue Daftar Data periods: found at start and daily; notification e-mails when SMTP is set.
  const overdue = new OverdueScheduler(opened.services.catalog, { mail: !!config.smtpUrl });
  overdue.start();
  const outbox = config.smtpUrl
    ? new MailOutbox(opened.services.catalog, {
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        baseUrl: config.baseUrl,
      })
    : undefined;
  outbox?.start();
  // Ruang Kendali: indicators and alerts evaluated every 15 minutes (and after new versions).
  const ruangKendali = new RuangKendaliScheduler(opened.services);
  ruangKendali.start();
  // Humas news: reader engagement published daily as the humas-keterlibatan table.
  const engagement = scheduleEngagement(opened.services.catalog, opened.services.jobs);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      scheduler.stop();
      media.stop();
      ruangKendali.stop();
      engagement.stop();
      await overdue.stop();
      await outbox?.stop();
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
