import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { internal } from '../core/errors.js';
import { migrationProvider } from './migrations/index.js';
import { PGlitePool } from './pglite-pool.js';
import type { CatalogSchema } from './schema.js';

export type CatalogKind = 'pglite' | 'postgres';

/** The catalog database: PostgreSQL's dialect, embedded (PGlite) or on a server. */
export interface CatalogStore {
  readonly kind: CatalogKind;
  readonly db: Kysely<CatalogSchema>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type CatalogTarget =
  | { readonly kind: 'pglite'; readonly dataDir?: string; readonly loadDataDir?: Blob | File }
  | { readonly kind: 'postgres'; readonly url: string };

const INT8 = 20;

function makeStore(kind: CatalogKind, db: Kysely<CatalogSchema>, onClose: () => Promise<void>): CatalogStore {
  let closed = false;
  return {
    kind,
    db,
    async ping() {
      if (closed) return false;
      try {
        await sql`SELECT 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await onClose();
    },
  };
}

/** Opens (creating if needed) the catalog, without migrating. */
export async function openCatalogRaw(target: CatalogTarget): Promise<CatalogStore & { pglite?: PGlite }> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      // bigint counts as JS numbers, as PGlite returns them.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on next use.
    pool.on('error', () => {});
    const db = new Kysely<CatalogSchema>({ dialect: new PostgresDialect({ pool }) });
    return makeStore('postgres', db, async () => {});
  }
  let dataDir: string | undefined;
  if (target.dataDir) {
    dataDir = join(target.dataDir, 'catalog');
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({ dataDir, loadDataDir: target.loadDataDir, extensions: { pg_trgm } });
  const db = new Kysely<CatalogSchema>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
  const store = makeStore('pglite', db, async () => {
    if (!pglite.closed) await pglite.close();
  });
  return Object.assign(store, { pglite });
}

/** True when every known migration is already recorded (one cheap query, for fast restarts). */
async function upToDate(store: CatalogStore): Promise<boolean> {
  const known = Object.keys(await migrationProvider.getMigrations());
  try {
    const r = await sql<{ name: string }>`SELECT name FROM kendali_migration`.execute(store.db);
    const applied = new Set(r.rows.map((x) => x.name));
    return known.every((k) => applied.has(k));
  } catch {
    return false;
  }
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateCatalog(store: CatalogStore): Promise<string[]> {
  if (await upToDate(store)) return [];
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider,
    migrationTableName: 'kendali_migration',
    migrationLockTableName: 'kendali_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error)
    throw internal(`catalog migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, error);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Opens the catalog and brings its schema up to date. */
export async function openCatalog(target: CatalogTarget): Promise<CatalogStore> {
  const store = await openCatalogRaw(target);
  try {
    await migrateCatalog(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
