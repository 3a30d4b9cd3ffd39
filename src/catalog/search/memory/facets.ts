/** Facet counts over the matched slots, ordered and cut as the SQL facets are (count desc, then name). */
import type { FacetField } from '../facets.js';
import type { FacetItem } from '../search.js';
import { type Docs, MULTI, type MultiField, SINGLE, type SingleField } from './docs.js';

const isMulti = (f: FacetField): f is MultiField => (MULTI as readonly string[]).includes(f);
const isSingle = (f: FacetField): f is SingleField => (SINGLE as readonly string[]).includes(f);

export function facetItems(
  d: Docs,
  field: FacetField,
  hits: Int32Array,
  n: number,
  limit: number,
  mincount: number,
): FacetItem[] {
  const values = d.values[field];
  const counts = new Int32Array(values.size);
  if (isMulti(field)) {
    const { start, count, pool } = d.multi[field];
    for (let i = 0; i < n; i++) {
      const s = hits[i] as number;
      const from = start[s] as number;
      const to = from + (count[s] as number);
      for (let j = from; j < to; j++) counts[pool[j] as number] = (counts[pool[j] as number] as number) + 1;
    }
  } else if (isSingle(field)) {
    const col = d.single[field];
    for (let i = 0; i < n; i++) {
      const x = col[hits[i] as number] as number;
      if (x >= 0) counts[x] = (counts[x] as number) + 1;
    }
  }
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
