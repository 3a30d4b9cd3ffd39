import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '../../src/actions/index.js';
import type { ActionRegistry } from '../../src/actions/registry.js';
import type { Services } from '../../src/actions/types.js';
import type { CatalogKind } from '../../src/catalog/store.js';
import { loadConfig } from '../../src/config/load.js';
import { openDuckDbDatastore } from '../../src/datastore/duckdb/index.js';
import { lazySqlSandbox } from '../../src/datastore/sql-sandbox/lazy.js';
import { registerJobHandlers } from '../../src/jobs/handlers.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { seedRegions } from '../../src/regions/seed.js';
import { openTestCatalog } from './catalog.js';

export interface TestServices {
  readonly services: Services;
  readonly registry: ActionRegistry;
  readonly dataDir: string;
  cleanup(): Promise<void>;
}

/** Real services for a test: its own catalog (PGlite or PostgreSQL), a DuckDB datastore in a temp dir. */
export async function openTestServices(
  engine: CatalogKind,
  opts: { regions?: boolean } = {},
): Promise<TestServices> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kendali-test-'));
  const catalog = await openTestCatalog(engine);
  const datastore = await openDuckDbDatastore(dataDir);
  if (opts.regions) await seedRegions(catalog.store.db);
  const config = loadConfig({ KENDALI_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '8080' });
  const registry = createRegistry();
  const jobs = new JobRunner(catalog.store);
  const services: Services = {
    config,
    catalog: catalog.store,
    datastore,
    actions: registry,
    sql: lazySqlSandbox(dataDir),
    jobs,
  };
  registerJobHandlers(jobs, registry, services);
  return {
    services,
    registry,
    dataDir,
    cleanup: async () => {
      await jobs.stop();
      await services.sql.close();
      await datastore.close();
      await catalog.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
