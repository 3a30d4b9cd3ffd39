import { Type } from '@sinclair/typebox';
import { searchCatalog } from '../../catalog/search/catalog-search.js';
import { validation } from '../../core/errors.js';
import { publicPolicy } from '../policy.js';
import { defineAction } from '../types.js';

const StringList = Type.Union([
  Type.String({ maxLength: 2000 }),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 }),
]);

/** `facet.field` arrives as a JSON list in a string (CKAN's form) or as an array. */
function list(value: string | string[] | undefined, field: string): string[] {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
  } catch {
    // fall through
  }
  throw validation({ [field]: ['must be a JSON list of strings, e.g. ["organization","tags"]'] });
}

export const packageSearch = defineAction({
  name: 'package_search',
  doc: 'Searches datasets in Bahasa Indonesia (stemmed, typo-tolerant), with CKAN’s q, fq, fq_list, sort, rows, start and facets.',
  readOnly: true,
  schema: Type.Object({
    q: Type.Optional(
      Type.String({ maxLength: 1000, description: 'Free text; field:value clauses are read as filters' }),
    ),
    fq: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Filter, e.g. organization:bps tags:kesehatan' }),
    ),
    fq_list: Type.Optional(StringList),
    sort: Type.Optional(
      Type.String({ maxLength: 200, description: 'e.g. score desc, metadata_modified desc' }),
    ),
    rows: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, default: 10 })),
    start: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    facet: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
    'facet.field': Type.Optional(StringList),
    'facet.limit': Type.Optional(Type.Integer({ minimum: -1, default: 50 })),
    'facet.mincount': Type.Optional(Type.Integer({ minimum: 0, default: 1 })),
    include_private: Type.Optional(Type.Boolean({ default: false })),
    include_drafts: Type.Optional(Type.Boolean({ default: false })),
  }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const facetOff = input.facet === false || input.facet === 'false';
    return searchCatalog(ctx.services.catalog, ctx.actor, {
      q: input.q,
      fq: input.fq,
      fq_list: list(input.fq_list, 'fq_list'),
      sort: input.sort,
      rows: input.rows ?? 10,
      start: input.start ?? 0,
      facetFields: facetOff ? [] : list(input['facet.field'], 'facet.field'),
      facetLimit: input['facet.limit'] ?? 50,
      facetMincount: input['facet.mincount'] ?? 1,
      includePrivate: input.include_private ?? false,
      includeDrafts: input.include_drafts ?? false,
    });
  },
});
