/**
 * Catalog test databases on both engines. `CATALOG_ENGINES` lists them; `openTestCatalog`
 * gives each test its own migrated database: a PGlite copied from a migrated template (initdb
 * once per worker), or a fresh PostgreSQL database on the local server, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  type CatalogKind,
  type CatalogStore,
  migrateCatalog,
  openCatalog,
  openCatalogRaw,
} from '../../src/catalog/store.js';

export const CATALOG_ENGINES: readonly CatalogKind[] = ['pglite', 'postgres'];

/** The PostgreSQL server tests use: its maintenance database; each test creates its own. */
export const TEST_PG_URL =
  process.env.KENDALI_TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

let template: Promise<Blob> | undefined;

function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const store = await openCatalogRaw({ kind: 'pglite' });
    await migrateCatalog(store);
    const blob = await store.pglite!.dumpDataDir('none');
    await store.close();
    return blob;
  })();
  return template;
}

export interface TestCatalog {
  readonly store: CatalogStore;
  /** For PostgreSQL: the URL of this test's own database. */
  readonly url?: string;
  cleanup(): Promise<void>;
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty PostgreSQL database on the test server; returns its URL and a drop function. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kendali_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export async function openTestCatalog(kind: CatalogKind): Promise<TestCatalog> {
  if (kind === 'pglite') {
    const store = await openCatalog({ kind: 'pglite', loadDataDir: await pgliteTemplate() });
    return { store, cleanup: () => store.close() };
  }
  const db = await createTestDatabase();
  const store = await openCatalog({ kind: 'postgres', url: db.url });
  return {
    store,
    url: db.url,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
}
