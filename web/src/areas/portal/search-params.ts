/**
 * The search page's URL, CKAN's way: `q`, one parameter per facet value (`organization=bps`,
 * repeated for more), `sort` and `page`; and the package_search input it stands for.
 */
export const FACETS = [
  'organization',
  'groups',
  'res_format',
  'tags',
  'cakupan_wilayah_tingkat',
  'region',
] as const;
export type Facet = (typeof FACETS)[number];
export const ROWS = 10;
export const FACET_SHOWN = 6;

export const SORTS = [
  { value: '', key: 'sortRelevance' },
  { value: 'metadata_modified desc', key: 'sortModified' },
  { value: 'metadata_created desc', key: 'sortCreated' },
  { value: 'title_string asc', key: 'sortTitle' },
  { value: 'quality desc', key: 'sortQuality' },
] as const;

const quote = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** The package_search input for the URL's parameters. */
export function searchInput(params: URLSearchParams): Record<string, unknown> {
  const fq = FACETS.flatMap((f) => params.getAll(f).map((v) => `${f}:${quote(v)}`)).join(' ');
  const page = pageOf(params);
  const q = params.get('q')?.trim();
  const sort = params.get('sort');
  return {
    ...(q ? { q } : {}),
    ...(fq ? { fq } : {}),
    ...(sort ? { sort } : {}),
    rows: ROWS,
    start: (page - 1) * ROWS,
    'facet.field': JSON.stringify(FACETS),
    'facet.limit': 50,
  };
}

/** The 1-based page number in the URL (anything else reads as 1). */
export const pageOf = (params: URLSearchParams): number =>
  Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
