/**
 * What a package_search call asks, read once for both answer paths (the in-process index and
 * PostgreSQL full-text search): free text and its words, filter clauses from q, fq and
 * fq_list, facet fields and sort keys, each refused by name when unknown.
 */
import { validation } from '../../core/errors.js';
import { FACET_FIELDS, type FacetField } from './facets.js';
import { type FqClause, parseFq, splitQuery } from './fq.js';
import { queryWords } from './text.js';

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

export type SortField = 'score' | 'modified' | 'created' | 'name' | 'title' | 'quality';
export interface SortKey {
  readonly field: SortField;
  readonly desc: boolean;
}

const SORTS: Record<string, SortField> = {
  score: 'score',
  relevance: 'score',
  metadata_modified: 'modified',
  metadata_created: 'created',
  name: 'name',
  title_string: 'title',
  title: 'title',
  quality: 'quality',
};

export interface ResolvedSearch {
  readonly words: string[];
  /** The free text, trimmed and lowercased: a dataset whose title contains it ranks higher. */
  readonly phrase: string;
  readonly clauses: FqClause[];
  readonly facetFields: FacetField[];
  /** The sort as given or defaulted (echoed in the result). */
  readonly sort: string;
}

export function resolveSearch(p: SearchParams): ResolvedSearch {
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
  const sort = p.sort ?? (words.length ? 'score desc, metadata_modified desc' : 'metadata_modified desc');
  return { words, phrase: text.trim().toLowerCase(), clauses, facetFields, sort };
}

/** The sort keys, then `name asc` as the last tie-break; score is left out when there is no text. */
export function sortKeys(sort: string, hasText: boolean): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of sort
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name = '', dir = 'asc'] = part.split(/\s+/);
    const field = SORTS[name];
    if (!field || !['asc', 'desc'].includes(dir))
      throw validation(
        { sort: [`cannot sort by "${part}"; use ${Object.keys(SORTS).join(', ')} with asc or desc`] },
        'Search Query Error',
      );
    if (field !== 'score' || hasText) keys.push({ field, desc: dir === 'desc' });
  }
  return [...keys, { field: 'name', desc: false }];
}
