import { mkdirSync } from 'node:fs';
import { createRegistry } from '../actions/index.js';
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import { jsonb } from '../catalog/json.js';
import { searchIndexOf } from '../catalog/search/search-index.js';
import { openCatalog } from '../catalog/store.js';
import type { Config } from '../config/load.js';
import { openDuckDbDatastore } from '../datastore/duckdb/index.js';
import { lazySqlSandbox } from '../datastore/sql-sandbox/lazy.js';
import { seedHumasDemo } from '../demo/humas.js';
import { seedDemo } from '../demo/seed.js';
import { registerJobHandlers } from '../jobs/handlers.js';
import { JobRunner } from '../jobs/runner.js';
import { configureOutbound } from '../net/outbound.js';
import { seedRegions } from '../regions/seed.js';
import { checkAdminPassword, createFirstAdmin, type Notice, stderrNotice } from './first-admin.js';
import { sweepLeftovers } from './sweep.js';

export type Step = (label: string, done?: number, total?: number) => void;

export interface OpenedServices {
  readonly services: Services;
  readonly registry: ActionRegistry;
  /** True when this open initialised a new catalog (and seeded the demo if enabled). */
  readonly firstStart: boolean;
  close(): Promise<void>;
}

/**
 * Opens both stores, migrates, and on first start loads reference regions, (unless off) the
 * demo, and creates the sysadmin `admin` (a generated password goes to `notice`, once).
 */
export async function openServices(
  config: Config,
  step: Step = () => {},
  notice: Notice = stderrNotice,
  /**
   * `swept`: the caller swept the leftovers already (and may have started work since).
   * `warmSearch` (default true): build the in-process search index in the background at once; a
   * command off (the CLI's) leaves it to the first search, and reads datasets from the catalog.
   */
  options: { readonly swept?: boolean; readonly warmSearch?: boolean } = {},
): Promise<OpenedServices> {
  checkAdminPassword(config.adminPassword);
  configureOutbound(config.outboundAllow);
  mkdirSync(config.dataDir, { recursive: true });
  // Embedded mode: the caller holds the data directory's lock, so leftovers are a dead process's.
  if (!config.databaseUrl && !options.swept) await sweepLeftovers(config.dataDir);
  step(
    config.databaseUrl
      ? 'catalog: PostgreSQL; datastore: DuckDB'
      : 'catalog: PGlite (embedded); datastore: DuckDB',
  );
  const [c, d] = await Promise.allSettled([
    openCatalog(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl }
        : { kind: 'pglite', dataDir: config.dataDir },
    ),
    openDuckDbDatastore(config.dataDir),
  ]);
  if (c.status === 'rejected' || d.status === 'rejected') {
    await Promise.allSettled([
      c.status === 'fulfilled' && c.value.close(),
      d.status === 'fulfilled' && d.value.close(),
    ]);
    throw c.status === 'rejected' ? c.reason : (d as PromiseRejectedResult).reason;
  }
  const catalog = c.value;
  const datastore = d.value;
  const registry = createRegistry();
  const jobs = new JobRunner(catalog);
  const services: Services = {
    config,
    catalog,
    datastore,
    actions: registry,
    sql: lazySqlSandbox(config.dataDir),
    jobs,
  };
  registerJobHandlers(jobs, registry, services);
  try {
    const init = await catalog.db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', 'initialized')
      .executeTakeFirst();
    const firstStart = !init;
    if (firstStart) {
      step('wilayah: provinsi dan kabupaten/kota');
      await seedRegions(catalog.db);
      if (config.demo) {
        await seedDemo(catalog.db, datastore, (done, total, label) => step(`demo: ${label}`, done, total));
        await seedHumasDemo(catalog.db, config.dataDir, jobs);
      }
      await createFirstAdmin(registry, services, notice);
      await catalog.db
        .insertInto('setting')
        .values({ key: 'initialized', value: jsonb({ at: new Date().toISOString(), demo: config.demo }) })
        .execute();
    }
    const recovered = await jobs.start();
    for (const job of recovered)
      step(
        `tugas ${job.kind} ${job.target}: ${job.state === 'queued' ? 'dilanjutkan' : 'ditandai gagal'} (${job.error ?? ''})`,
      );
    // The in-process search index builds in the background; a search before it is ready waits.
    if (options.warmSearch !== false)
      searchIndexOf(catalog)
        .ready()
        .catch(() => {});
    return {
      services,
      registry,
      firstStart,
      close: async () => {
        await jobs.stop();
        await Promise.allSettled([catalog.close(), datastore.close(), services.sql.close()]);
      },
    };
  } catch (e) {
    await Promise.allSettled([catalog.close(), datastore.close()]);
    throw e;
  }
}
