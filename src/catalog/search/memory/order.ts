/** Ordering matched slots: sort keys as numbers (or strings), and the first k without sorting them all. */
import type { Docs } from './docs.js';

/** A sort key: a number per slot (or, while ranks are stale, a string) and a direction. */
export type SortColumn =
  | { readonly values: ArrayLike<number>; readonly sign: 1 | -1 }
  | { readonly strings: readonly string[]; readonly sign: 1 | -1 };

/** Compares two slots by the keys, then by name (the SQL path's last key). */
export function comparator(d: Docs, keys: readonly SortColumn[]): (a: number, b: number) => number {
  const nums = keys.map((k) => ('values' in k ? k.values : null));
  const strs = keys.map((k) => ('strings' in k ? k.strings : null));
  const signs = keys.map((k) => k.sign);
  const names = d.names;
  return (a, b) => {
    for (let i = 0; i < signs.length; i++) {
      const v = nums[i];
      const x = v ? (v[a] as number) : ((strs[i] as string[])[a] as string);
      const y = v ? (v[b] as number) : ((strs[i] as string[])[b] as string);
      if (x !== y) return x < y ? -(signs[i] as number) : (signs[i] as number);
    }
    const [x, y] = [names[a] as string, names[b] as string];
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Settles a slot's score before it is compared; `pending` is what settling may still add. */
export interface Settle {
  readonly pending: Uint8Array;
  readonly run: (s: number) => void;
}

/**
 * The first `k` of `hits[0…n)` in comparator order. `primary` (the first key's numbers, when it
 * is numeric) rejects most slots without calling the comparator; with `settle` (first key score
 * descending) a slot is settled only when its score could reach the page.
 */
export function topK(
  hits: Int32Array,
  n: number,
  k: number,
  cmp: (a: number, b: number) => number,
  primary?: SortColumn,
  settle?: Settle,
): number[] {
  if (k <= 0 || n === 0) return [];
  if (k >= n || k > 200) {
    if (settle) for (let i = 0; i < n; i++) settle.run(hits[i] as number);
    return Array.from(hits.subarray(0, n)).sort(cmp).slice(0, k);
  }
  const values = primary && 'values' in primary ? primary.values : null;
  const desc = primary?.sign === -1;
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = hits[i] as number;
    if (top.length === k) {
      const worst = top[k - 1] as number;
      if (values) {
        const y = values[worst] as number;
        const bound = (values[s] as number) + (settle?.pending[s] ?? 0);
        if (desc ? bound < y : bound > y) continue;
        settle?.run(s);
        const x = values[s] as number;
        if (desc ? x < y : x > y) continue;
        if (x === y && cmp(s, worst) >= 0) continue;
      } else if (cmp(s, worst) >= 0) continue;
    } else settle?.run(s);
    let [lo, hi] = [0, top.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(top[mid] as number, s) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, s);
    if (top.length > k) top.pop();
  }
  return top;
}
