import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/load.js';
import { buildApp } from '../http/app.js';
import { HarvestScheduler } from '../jobs/schedule.js';
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
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      scheduler.stop();
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
