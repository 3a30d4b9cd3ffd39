/**
 * Facet counts over the matched slots, ordered and cut as the SQL facets are (count desc, then
 * name). When the matches are most of what anyone may find, the counts are the kept public
 * counts minus those of the few public datasets not matched.
 */
import type { FacetField } from '../facets.js';
import type { FacetItem } from '../search.js';
import type { Docs } from './docs.js';
import { MULTI, type MultiField, SINGLE, type SingleField } from './fields.js';

const isMulti = (f: FacetField): f is MultiField => (MULTI as readonly string[]).includes(f);
const isSingle = (f: FacetField): f is SingleField => (SINGLE as readonly string[]).includes(f);

/** Adds `sign` to each value's count for the slots `slots[0…n)`. */
function tally(
  d: Docs,
  field: FacetField,
  counts: Int32Array,
  slots: Int32Array,
  n: number,
  sign: number,
): void {
  if (isMulti(field)) {
    const { start, count, pool } = d.multi[field];
    for (let i = 0; i < n; i++) {
      const s = slots[i] as number;
      const from = start[s] as number;
      const to = from + (count[s] as number);
      for (let j = from; j < to; j++)
        counts[pool[j] as number] = (counts[pool[j] as number] as number) + sign;
    }
  } else if (isSingle(field)) {
    const col = d.single[field];
    for (let i = 0; i < n; i++) {
      const x = col[slots[i] as number] as number;
      if (x >= 0) counts[x] = (counts[x] as number) + sign;
    }
  }
}

/** Matched slots `hits[0…n)`; or, when `missing` is given, all public slots except `missing[0…m)`. */
export interface Matched {
  readonly hits: Int32Array;
  readonly n: number;
  readonly missing?: { readonly slots: Int32Array; readonly m: number };
}

export function facetItems(
  d: Docs,
  field: FacetField,
  matched: Matched,
  limit: number,
  mincount: number,
): FacetItem[] {
  const values = d.values[field];
  const counts = new Int32Array(values.size);
  if (matched.missing) {
    counts.set(d.publicCounts[field].subarray(0, values.size));
    tally(d, field, counts, matched.missing.slots, matched.missing.m, -1);
  } else tally(d, field, counts, matched.hits, matched.n, 1);
  const items: FacetItem[] = [];
  const min = Math.max(1, mincount);
  for (let x = 0; x < counts.length; x++) {
    const count = counts[x] as number;
    if (count >= min)
      items.push({ name: values.names[x] as string, display_name: values.displays[x] as string, count });
  }
  items.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return limit >= 0 ? items.slice(0, limit) : items;
}
