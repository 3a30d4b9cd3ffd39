/**
 * The peer: each call of the query mix as one hand-written PostgreSQL full-text SQL statement
 * (count, page, facets), with the same matching rules as Kendali's — stemmed `indonesian`
 * tsquery, words ANDed, a word ORed with its closest known word by trigram similarity ≥ 0.45 —
 * for an anonymous visitor; and package_show's as one jsonb row.
 */
import type { BenchQuery, Filter } from './queries.js';

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function filterSql(f: Filter, arg: (v: unknown, type?: string) => string): string {
  const v = arg(f.value);
  const cond = {
    organization: `d.organization_id = (SELECT id FROM organization WHERE name = ${v})`,
    groups: `EXISTS (SELECT 1 FROM dataset_group dg JOIN "group" g ON g.id = dg.group_id WHERE dg.dataset_id = d.id AND g.name = ${v})`,
    tags: `${v} = ANY(d.tags)`,
    res_format: `EXISTS (SELECT 1 FROM resource r WHERE r.dataset_id = d.id AND r.state = 'active' AND upper(r.format) = ${v})`,
    license_id: `d.license_id = ${v}`,
    metadata_modified: `d.modified >= ${v}::timestamptz`,
    region: `EXISTS (SELECT 1 FROM jsonb_array_elements_text(d.sdi->'cakupan_wilayah') rc WHERE rc = ${v} OR rc LIKE ${v} || '.%')`,
    data_prioritas: `COALESCE((d.sdi->>'data_prioritas')::boolean, false) = ${v}::boolean`,
    frekuensi_pemutakhiran: `d.sdi->>'frekuensi_pemutakhiran' = ${v}`,
  }[f.field];
  return f.negate ? `NOT (${cond})` : cond;
}

const FACET_SQL: Record<string, string> = {
  organization:
    'SELECT o.name, count(*) AS n FROM hits h JOIN dataset d ON d.id = h.id JOIN organization o ON o.id = d.organization_id GROUP BY o.name',
  groups:
    'SELECT g.name, count(*) AS n FROM hits h JOIN dataset_group dg ON dg.dataset_id = h.id JOIN "group" g ON g.id = dg.group_id GROUP BY g.name',
  tags: 'SELECT t AS name, count(*) AS n FROM hits h JOIN dataset d ON d.id = h.id, unnest(d.tags) t GROUP BY t',
  res_format:
    "SELECT f AS name, count(*) AS n FROM (SELECT DISTINCT r.dataset_id, upper(r.format) AS f FROM hits h JOIN resource r ON r.dataset_id = h.id WHERE r.state = 'active' AND r.format <> '') x GROUP BY f",
  license_id:
    'SELECT d.license_id AS name, count(*) AS n FROM hits h JOIN dataset d ON d.id = h.id WHERE d.license_id IS NOT NULL GROUP BY d.license_id',
};

/** One SQL statement answering the query: count, the page (id, name, title) and the facets, for an anonymous visitor. */
export function peerSql(q: BenchQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const arg = (v: unknown, type = 'text') => {
    values.push(v);
    return `$${values.length}::${type}`;
  };
  const parts = words(q.q).map((w) => {
    const a = arg(w);
    if (w.length < 4 || /^\d+$/.test(w)) return `plainto_tsquery('indonesian', ${a})`;
    return `(plainto_tsquery('indonesian', ${a}) || plainto_tsquery('indonesian', COALESCE((SELECT word FROM search_word WHERE word % ${a} AND similarity(word, ${a}) >= 0.45 ORDER BY similarity(word, ${a}) DESC, word LIMIT 1), ${a})))`;
  });
  const tsq = parts.length ? parts.join(' && ') : null;
  const where = ["d.state = 'active'", 'NOT d.private', ...q.filters.map((f) => filterSql(f, arg))];
  if (tsq) where.push('d.search_vector @@ q.query');
  const score = tsq
    ? `ts_rank(d.search_vector, q.query) + CASE WHEN position(${arg(q.q.trim().toLowerCase())} IN lower(d.title)) > 0 THEN 1.0 ELSE 0 END`
    : '0';
  const order =
    q.sort === 'title_string asc'
      ? 'lower(d.title), d.name'
      : tsq && !q.sort
        ? 'h.score DESC, d.modified DESC, d.name'
        : 'd.modified DESC, d.name';
  const facets = q.facets.map(
    (f) =>
      `(SELECT json_agg(x) FROM (SELECT * FROM (${FACET_SQL[f]}) y ORDER BY n DESC, name LIMIT 50) x) AS ${f}`,
  );
  const text = `WITH ${tsq ? `q AS (SELECT ${tsq} AS query),` : ''}
    hits AS (SELECT d.id, ${score} AS score FROM dataset d${tsq ? ', q' : ''} WHERE ${where.join(' AND ')})
    SELECT (SELECT count(*) FROM hits)::int AS count,
      (SELECT json_agg(p) FROM (SELECT d.id, d.name, d.title FROM hits h JOIN dataset d ON d.id = h.id ORDER BY ${order} LIMIT 10 OFFSET ${arg(q.start, 'int')}) p) AS results
      ${facets.length ? `, ${facets.join(', ')}` : ''}`;
  return { text, values };
}

/** package_show's peer: the dataset with its institution, groups and active resources, in one statement. */
export const PEER_SHOW_SQL = `SELECT to_jsonb(d) - 'search_vector' || jsonb_build_object(
    'organization', (SELECT to_jsonb(o) FROM organization o WHERE o.id = d.organization_id),
    'groups', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', g.id, 'name', g.name, 'title', g.title) ORDER BY g.name), '[]') FROM dataset_group dg JOIN "group" g ON g.id = dg.group_id WHERE dg.dataset_id = d.id),
    'resources', (SELECT COALESCE(jsonb_agg(to_jsonb(r) ORDER BY r.position), '[]') FROM resource r WHERE r.dataset_id = d.id AND r.state = 'active')) AS dict
  FROM dataset d WHERE d.name = $1::text AND d.state = 'active' AND NOT d.private`;
