/** Reads what the in-process index holds from the catalog: datasets (all states), institutions, groups, region names. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CatalogSchema } from '../../schema.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

export interface IndexRow {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  /** The first 20000 characters, as the search vector takes them. */
  readonly notes: string;
  readonly organization_id: string;
  readonly private: boolean;
  readonly state: string;
  readonly license_id: string | null;
  readonly creator_user_id: string | null;
  readonly tags: string[];
  readonly quality_score: number;
  readonly sdi: Record<string, unknown>;
  /** Microseconds since 1970, as PostgreSQL keeps them. */
  readonly modified_us: number;
  readonly created_us: number;
  readonly group_ids: string[];
  /** Upper-cased formats of the active resources, each once. */
  readonly formats: string[];
}

export interface Named {
  readonly id: string;
  readonly name: string;
  readonly title: string;
}

const ROW = sql`d.id::text AS id, d.name, d.title, left(d.notes, 20000) AS notes,
  d.organization_id::text AS organization_id, d.private, d.state, d.license_id, d.creator_user_id, d.tags,
  d.quality_score::int AS quality_score, d.sdi,
  (extract(epoch FROM d.modified) * 1000000)::float8 AS modified_us,
  (extract(epoch FROM d.created) * 1000000)::float8 AS created_us,
  COALESCE((SELECT array_agg(dg.group_id::text) FROM dataset_group dg WHERE dg.dataset_id = d.id), '{}') AS group_ids,
  COALESCE((SELECT array_agg(DISTINCT upper(r.format)) FROM resource r
    WHERE r.dataset_id = d.id AND r.state = 'active' AND r.format <> ''), '{}') AS formats`;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** dataset_id → values, from one JSON array of [dataset_id, value] pairs. */
async function pairs(
  db: Db,
  query: ReturnType<typeof sql<{ j: string | null }>>,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const r = await query.execute(db);
  for (const [id, v] of JSON.parse(r.rows[0]?.j ?? '[]') as [string, string][]) {
    const list = out.get(id);
    if (list) list.push(v);
    else out.set(id, [v]);
  }
  return out;
}

/**
 * Every dataset, handed to `each` in chunks of the table's pages (TID range scans, PostgreSQL
 * ≥ 14), each chunk one JSON text: PGlite hands over one value much faster than many columns.
 * A row changed while this runs may be missed or seen twice; the index applies every change
 * committed after its build started once the build is done, so it ends up current.
 */
export async function loadAll(db: Db, each: (rows: IndexRow[]) => void, chunkPages = 4000): Promise<void> {
  const groups = await pairs(
    db,
    sql`SELECT json_agg(json_build_array(dataset_id, group_id))::text AS j FROM dataset_group`,
  );
  const formats = await pairs(
    db,
    sql`SELECT json_agg(DISTINCT jsonb_build_array(dataset_id, upper(format)))::text AS j
      FROM resource WHERE state = 'active' AND format <> ''`,
  );
  const size = await sql<{
    n: number;
  }>`SELECT (pg_relation_size('dataset') / current_setting('block_size')::int)::int AS n`.execute(db);
  const pages = size.rows[0]?.n ?? 0;
  for (let from = 0; from <= pages; from += chunkPages) {
    const r = await sql<{ j: string | null }>`SELECT json_agg(json_build_array(d.id, d.name, d.title,
        left(d.notes, 20000), d.organization_id, d.private, d.state, d.license_id, d.creator_user_id, d.tags,
        d.quality_score, d.sdi, extract(epoch FROM d.modified) * 1000000, extract(epoch FROM d.created) * 1000000))::text AS j
      FROM dataset d WHERE d.ctid >= ${`(${from},0)`}::tid AND d.ctid < ${`(${from + chunkPages},0)`}::tid`.execute(
      db,
    );
    const rows = (JSON.parse(r.rows[0]?.j ?? '[]') as Json[][]).map((x): IndexRow => {
      const id = x[0] as string;
      return {
        id,
        name: x[1] as string,
        title: x[2] as string,
        notes: x[3] as string,
        organization_id: x[4] as string,
        private: x[5] as boolean,
        state: x[6] as string,
        license_id: x[7] as string | null,
        creator_user_id: x[8] as string | null,
        tags: (x[9] ?? []) as string[],
        quality_score: x[10] as number,
        sdi: (x[11] ?? {}) as Record<string, unknown>,
        modified_us: x[12] as number,
        created_us: x[13] as number,
        group_ids: groups.get(id) ?? [],
        formats: formats.get(id) ?? [],
      };
    });
    each(rows);
  }
}

/** The datasets with these ids (missing ones are left out: deleted from the table). */
export async function loadRows(db: Db, ids: readonly string[]): Promise<IndexRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<IndexRow>`SELECT ${ROW} FROM dataset d
    WHERE d.id IN (${sql.join(ids.map((id) => sql`${id}::uuid`))})`.execute(db);
  return r.rows;
}

/** Ids of an institution's datasets (its title is part of their searchable text). */
export async function datasetIdsOf(db: Db, orgId: string): Promise<string[]> {
  const r = await sql<{
    id: string;
  }>`SELECT id::text AS id FROM dataset WHERE organization_id = ${orgId}::uuid`.execute(db);
  return r.rows.map((x) => x.id);
}

export async function loadOrganizations(db: Db, ids?: readonly string[]): Promise<Named[]> {
  let q = db.selectFrom('organization').select(['id', 'name', 'title']);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

export const loadGroups = (db: Db): Promise<Named[]> =>
  db.selectFrom('group').select(['id', 'name', 'title']).execute();

export async function loadRegionNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('region').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
