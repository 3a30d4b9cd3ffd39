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

/** One batch of datasets in id order, after `after` (keyset paging, so a build never holds the database long). */
export async function loadBatch(db: Db, after: string | null, limit: number): Promise<IndexRow[]> {
  const r = await sql<IndexRow>`SELECT ${ROW} FROM dataset d
    ${after === null ? sql`` : sql`WHERE d.id > ${after}::uuid`} ORDER BY d.id LIMIT ${limit}`.execute(db);
  return r.rows;
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
  const r = await sql<{ id: string }>`SELECT id::text AS id FROM dataset WHERE organization_id = ${orgId}::uuid`.execute(db);
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
