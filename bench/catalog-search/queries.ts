/**
 * The fixed query mix: stemmed words, several words, typos, facets, fq filters, sorts and
 * pages, as package_search URLs for Kendali and as one hand-written PostgreSQL full-text SQL
 * statement each for the peer (same matching rules: stemmed `indonesian` tsquery, words ANDed,
 * a word ORed with its closest known word by trigram similarity ≥ 0.45).
 */
import { type Random, seededRandom } from '../../src/core/random.js';
import type { Generated } from './generate.js';
import { zipf } from './generate.js';

export interface Filter {
  readonly field:
    | 'organization'
    | 'groups'
    | 'tags'
    | 'res_format'
    | 'license_id'
    | 'metadata_modified'
    | 'region'
    | 'data_prioritas'
    | 'frekuensi_pemutakhiran';
  readonly value: string;
  readonly negate?: boolean;
}

export interface BenchQuery {
  readonly kind: string;
  readonly q: string;
  readonly filters: readonly Filter[];
  readonly sort?: 'metadata_modified desc' | 'title_string asc';
  readonly start: number;
  readonly facets: readonly string[];
}

const STEMMED = [
  'kemiskinan',
  'membangun',
  'pendidikan',
  'kesehatan',
  'pertanian',
  'penduduk',
  'pengangguran',
  'perikanan',
  'dibangun',
  'sekolah',
  'pelajaran',
  'petani',
  'kesejahteraan',
  'menanam',
  'pengelolaan',
  'wisatawan',
  'kendaraan',
  'bencana',
  'pelayanan',
  'perumahan',
];
const PHRASES = [
  'penduduk miskin',
  'angka kematian bayi',
  'air minum',
  'jalan desa',
  'produksi padi',
  'jawa barat',
  'kabupaten bogor',
  'tenaga kesehatan',
  'pertumbuhan ekonomi',
  'sekolah dasar',
  'sampah terangkut',
  'bantuan sosial',
];
const CKAN_FACETS = ['organization', 'groups', 'tags', 'res_format', 'license_id'];
const PROVINCES = ['11', '31', '32', '33', '35', '51', '64', '73', '94'];

/** A typo a person makes: a letter dropped, doubled or two swapped. */
function typo(word: string, rng: Random): string {
  const i = 2 + Math.floor(rng.next() * (word.length - 3));
  const roll = rng.next();
  if (roll < 0.4) return word.slice(0, i) + word.slice(i + 1);
  if (roll < 0.7) return word.slice(0, i) + (word[i] ?? '') + word.slice(i);
  return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
}

export function queryMix(data: Generated, count = 400, seed = 7): BenchQuery[] {
  const rng = seededRandom(seed);
  const pickStem = zipf(STEMMED.length, 0.8, rng);
  const pickOrg = zipf(data.institutions.length, 0.7, rng);
  const word = () => STEMMED[pickStem()] as string;
  const filter = (): Filter => {
    const r = rng.next();
    if (r < 0.25) return { field: 'organization', value: data.institutions[pickOrg()] as string };
    if (r < 0.4) return { field: 'groups', value: rng.pick(data.groups) };
    if (r < 0.5)
      return {
        field: 'tags',
        value: rng.pick(['kesehatan', 'pendidikan', 'kemiskinan', 'air minum', 'jalan']),
      };
    if (r < 0.6) return { field: 'res_format', value: rng.pick(['CSV', 'XLSX', 'JSON']) };
    if (r < 0.7)
      return {
        field: 'metadata_modified',
        value: rng.pick(['2024-01-01T00:00:00Z', '2022-06-30T00:00:00Z']),
      };
    if (r < 0.78) return { field: 'license_id', value: 'notspecified', negate: true };
    if (r < 0.88) return { field: 'region', value: rng.pick(PROVINCES) };
    if (r < 0.94) return { field: 'data_prioritas', value: 'true' };
    return { field: 'frekuensi_pemutakhiran', value: rng.pick(['tahunan', 'bulanan']) };
  };
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    const facets = rng.next() < 0.5 ? CKAN_FACETS : [];
    const start = rng.next() < 0.15 ? 10 * (1 + Math.floor(rng.next() * 3)) : 0;
    if (r < 0.22) out.push({ kind: 'stemmed word', q: word(), filters: [], start, facets });
    else if (r < 0.36) out.push({ kind: 'words', q: rng.pick(PHRASES), filters: [], start, facets });
    else if (r < 0.5) out.push({ kind: 'typo', q: typo(word(), rng), filters: [], start, facets });
    else if (r < 0.9) {
      const filters = rng.next() < 0.3 ? [filter(), filter()] : [filter()];
      const q = rng.next() < 0.5 ? word() : '';
      const sort = q ? undefined : rng.next() < 0.5 ? 'title_string asc' : undefined;
      out.push({ kind: 'fq filter', q, filters, ...(sort ? { sort } : {}), start, facets });
    } else
      out.push({
        kind: 'browse',
        q: '',
        filters: [],
        sort: 'metadata_modified desc',
        start,
        facets: CKAN_FACETS,
      });
  }
  return out;
}

const fqText = (f: Filter) => {
  const v =
    f.field === 'metadata_modified' ? `[${f.value} TO *]` : /\s/.test(f.value) ? `"${f.value}"` : f.value;
  return `${f.negate ? '-' : ''}${f.field}:${v}`;
};

/** The package_search URL path for Kendali (GET, as CKAN clients call it). */
export function searchPath(q: BenchQuery): string {
  const p = new URLSearchParams({ rows: '10', start: String(q.start) });
  if (q.q) p.set('q', q.q);
  if (q.filters.length) p.set('fq', q.filters.map(fqText).join(' '));
  if (q.sort) p.set('sort', q.sort);
  if (q.facets.length) p.set('facet.field', JSON.stringify(q.facets));
  return `/api/3/action/package_search?${p}`;
}

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
