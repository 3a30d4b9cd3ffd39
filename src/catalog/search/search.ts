/** package_search over PostgreSQL full-text search (both catalog engines). */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../actions/types.js';
import { validation } from '../../core/errors.js';
import { type DatasetRow, type PackageDict, packageDicts } from '../datasets.js';
import type { CatalogSchema } from '../schema.js';
import { FACET_FIELDS, type FacetField, facetSql } from './facets.js';
import { fqSql, visibleSql } from './filters.js';
import { type FqClause, parseFq, splitQuery } from './fq.js';
import { corrections, queryWords, tsquery } from './text.js';

export interface SearchParams {
  readonly q?: string;
  readonly fq?: string;
  readonly fq_list?: readonly string[];
  readonly sort?: string;
  readonly rows: number;
  readonly start: number;
  readonly facetFields: readonly string[];
  readonly facetLimit: number;
  readonly facetMincount: number;
  readonly includePrivate: boolean;
  readonly includeDrafts: boolean;
}

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

const SORTS: Record<string, string> = {
  score: 'score',
  relevance: 'score',
  metadata_modified: 'd.modified',
  metadata_created: 'd.created',
  name: 'd.name',
  title_string: 'lower(d.title)',
  title: 'lower(d.title)',
  quality: 'd.quality_score',
};

function orderBy(sort: string, hasText: boolean): RawBuilder<unknown> {
  const parts = sort
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const items = parts.map((p) => {
    const [field = '', dir = 'asc'] = p.split(/\s+/);
    const col = SORTS[field];
    if (!col || !['asc', 'desc'].includes(dir))
      throw validation(
        { sort: [`cannot sort by "${p}"; use ${Object.keys(SORTS).join(', ')} with asc or desc`] },
        'Search Query Error',
      );
    if (col === 'score' && !hasText) return null;
    return sql.raw(`${col} ${dir.toUpperCase()}`);
  });
  const kept = items.filter((x): x is RawBuilder<unknown> => x !== null);
  return sql.join([...kept, sql.raw('d.name ASC')]);
}

export async function searchDatasets(
  db: Kysely<CatalogSchema>,
  actor: Actor | null,
  p: SearchParams,
): Promise<SearchResult> {
  const { text, clauses: fromQ } = splitQuery(p.q ?? '');
  const clauses: FqClause[] = [
    ...fromQ,
    ...(p.fq ? parseFq(p.fq) : []),
    ...(p.fq_list ?? []).flatMap((f) => parseFq(f, 'fq_list')),
  ];
  const facetFields = p.facetFields.map((f) => {
    if (!(FACET_FIELDS as readonly string[]).includes(f))
      throw validation({ 'facet.field': [`cannot facet on "${f}"; use ${FACET_FIELDS.join(', ')}`] });
    return f as FacetField;
  });
  const words = queryWords(text);
  const tsq = tsquery(words, await corrections(db, words));
  const phrase = text.trim().toLowerCase();
  const score = tsq
    ? sql`ts_rank(d.search_vector, q.query) + CASE WHEN position(${phrase} IN lower(d.title)) > 0 THEN 1.0 ELSE 0 END`
    : sql`0`;
  const where = sql`${visibleSql(actor, p.includePrivate, p.includeDrafts)} AND ${fqSql(clauses)} ${tsq ? sql`AND d.search_vector @@ q.query` : sql``}`;
  const from = tsq ? sql`dataset d, (SELECT ${tsq} AS query) q` : sql`dataset d`;
  const sort = p.sort ?? (tsq ? 'score desc, metadata_modified desc' : 'metadata_modified desc');
  const hits = sql`hits AS (SELECT d.id, ${score} AS score FROM ${from} WHERE ${where})`;

  const countRow = await sql<{ n: number }>`WITH ${hits} SELECT count(*)::int AS n FROM hits`.execute(db);
  const page = await sql<DatasetRow>`WITH ${hits}
    SELECT d.*, h.score FROM hits h JOIN dataset d ON d.id = h.id
    ORDER BY ${orderBy(sort, tsq !== null)}
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
