/**
 * The fixed query mix: stemmed words, several words, typos, facets, fq filters, sorts and
 * pages, as package_search URLs for Kendali and as one hand-written PostgreSQL full-text SQL
 * statement each for the peer (same matching rules: stemmed `indonesian` tsquery, words ANDed,
 * a word ORed with its closest known word by trigram similarity ≥ 0.45).
 */
import { type Random, seededRandom } from '../../src/core/random.js';
import { zipf } from './bulk.js';
import type { Generated } from './generate.js';

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

export function queryMix(data: Generated, count = 2000, seed = 7): BenchQuery[] {
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

/**
 * The calls as clients make them: `length` draws from the distinct queries with a Zipf
 * popularity (s = 0.9, as search logs show: a few queries often, a long tail once).
 */
export function callSequence<T>(distinct: readonly T[], length = 20_000, seed = 11): T[] {
  const rng = seededRandom(seed);
  const pick = zipf(distinct.length, 0.9, rng);
  return Array.from({ length }, () => distinct[pick()] as T);
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
