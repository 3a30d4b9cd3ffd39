/** The two catalog engines for the search benchmark, each with a direct line for the peer's SQL. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type CatalogStore, migrateCatalog, openCatalogRaw } from '../../src/catalog/store.js';

const DEFAULT_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

export type Engine = 'pglite' | 'postgres';
export type Query = (text: string, values: unknown[]) => Promise<unknown>;

export interface Opened {
  readonly label: string;
  readonly store: CatalogStore;
  /** The peer: SQL straight on the database (PGlite itself; a pg pool of `clients` connections). */
  readonly peer: Query;
  readonly version: string;
  close(): Promise<void>;
}

export async function openEngine(engine: Engine, dir: string, clients: number): Promise<Opened> {
  if (engine === 'pglite') {
    const store = await openCatalogRaw({ kind: 'pglite', dataDir: dir });
    await migrateCatalog(store);
    const lite = store.pglite;
    if (!lite) throw new Error('no PGlite handle');
    const v = await lite.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return {
      label: 'PGlite',
      store,
      peer: (text, values) => lite.query(text, values),
      version: `PGlite (PostgreSQL ${v.rows[0]?.v}), on disk`,
      close: () => store.close(),
    };
  }
  const url = process.env.KENDALI_BENCH_DATABASE_URL ?? DEFAULT_URL;
  const name = `kendali_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = await openCatalogRaw({ kind: 'postgres', url: dbUrl.toString() });
  await migrateCatalog(store);
  const pool = new pg.Pool({ connectionString: dbUrl.toString(), max: clients });
  pool.on('error', () => {});
  const v = await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  return {
    label: 'PostgreSQL',
    store,
    peer: (text, values) => pool.query(text, values),
    version: `PostgreSQL ${v.rows[0]?.v.split(' ')[0]}`,
    close: async () => {
      await pool.end();
      await store.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
