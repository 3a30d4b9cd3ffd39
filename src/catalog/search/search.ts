/** package_search over PostgreSQL full-text search (both catalog engines). */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../actions/types.js';
import { type DatasetRow, type PackageDict, packageDicts } from '../datasets.js';
import type { CatalogSchema } from '../schema.js';
import { facetSql } from './facets.js';
import { fqSql, visibleSql } from './filters.js';
import { resolveSearch, type SearchParams, type SortField, type SortKey, sortKeys } from './params.js';
import { corrections, tsquery } from './text.js';

export type { SearchParams } from './params.js';

export interface FacetItem {
  readonly name: string;
  readonly display_name: string;
  readonly count: number;
}

export interface SearchResult {
  readonly count: number;
  readonly results: PackageDict[];
  readonly sort: string;
  readonly facets: Record<string, Record<string, number>>;
  readonly search_facets: Record<string, { title: string; items: FacetItem[] }>;
}

const SORT_SQL: Record<SortField, string> = {
  score: 'score',
  modified: 'd.modified',
  created: 'd.created',
  name: 'd.name',
  title: 'lower(d.title)',
  quality: 'd.quality_score',
};

const orderBy = (keys: readonly SortKey[]): RawBuilder<unknown> =>
  sql.join(keys.map((k) => sql.raw(`${SORT_SQL[k.field]} ${k.desc ? 'DESC' : 'ASC'}`)));

export async function searchDatasets(
  db: Kysely<CatalogSchema>,
  actor: Actor | null,
  p: SearchParams,
): Promise<SearchResult> {
  const { words, phrase, clauses, facetFields, sort } = resolveSearch(p);
  const tsq = tsquery(words, await corrections(db, words));
  const score = tsq
    ? sql`ts_rank(d.search_vector, q.query) + CASE WHEN position(${phrase} IN lower(d.title)) > 0 THEN 1.0 ELSE 0 END`
    : sql`0`;
  const where = sql`${visibleSql(actor, p.includePrivate, p.includeDrafts)} AND ${fqSql(clauses)} ${tsq ? sql`AND d.search_vector @@ q.query` : sql``}`;
  const from = tsq ? sql`dataset d, (SELECT ${tsq} AS query) q` : sql`dataset d`;
  const order = orderBy(sortKeys(sort, tsq !== null));
  const hits = sql`hits AS (SELECT d.id, ${score} AS score FROM ${from} WHERE ${where})`;

  const countRow = await sql<{ n: number }>`WITH ${hits} SELECT count(*)::int AS n FROM hits`.execute(db);
  const page = await sql<DatasetRow>`WITH ${hits}
    SELECT d.*, h.score FROM hits h JOIN dataset d ON d.id = h.id
    ORDER BY ${order}
    LIMIT ${p.rows} OFFSET ${p.start}`.execute(db);

  const facets: Record<string, Record<string, number>> = {};
  const search_facets: Record<string, { title: string; items: FacetItem[] }> = {};
  for (const f of facetFields) {
    const rows = await sql<FacetItem>`WITH ${hits} SELECT * FROM (${facetSql(f)}) x
      WHERE count >= ${p.facetMincount} ORDER BY count DESC, name ${p.facetLimit >= 0 ? sql`LIMIT ${p.facetLimit}` : sql``}`.execute(
      db,
    );
    facets[f] = Object.fromEntries(rows.rows.map((r) => [r.name, r.count]));
    search_facets[f] = {
      title: f,
      items: rows.rows.map((r) => ({ name: r.name, display_name: r.display_name, count: r.count })),
    };
  }
  return {
    count: countRow.rows[0]?.n ?? 0,
    results: await packageDicts(db, page.rows),
    sort,
    facets,
    search_facets,
  };
}
