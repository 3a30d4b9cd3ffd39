/**
 * Matching and ranking free text over the postings. Words are ANDed; a word and its typo
 * correction are ORed (the better of the two counts). Score: BM25 over the weighted counts,
 * squeezed below 1, plus 1 when every word occurs in the title, plus 1 more when the whole text
 * (of several words) occurs in that title, as the SQL path's bonus — so title matches come
 * first on both paths.
 */
import type { Bits } from './bits.js';
import type { Docs } from './docs.js';
import type { Posting, Postings } from './postings.js';

/** Per-query scratch space, reused; a stamp per slot tells which query and word last touched it. */
export class Scratch {
  mark = new Int32Array(0);
  titleMark = new Int32Array(0);
  titleWords = new Int32Array(0);
  sum = new Float64Array(0);
  word = new Float64Array(0);
  score = new Float64Array(0);
  hits = new Int32Array(0);
  first = new Int32Array(0);
  #base = 1;

  /** Makes room for `slots` and reserves `words` fresh stamps. */
  begin(slots: number, words: number): number {
    if (this.mark.length < slots) {
      const n = Math.max(slots, this.mark.length * 2, 1024);
      this.mark = new Int32Array(n);
      this.titleMark = new Int32Array(n);
      this.titleWords = new Int32Array(n);
      this.sum = new Float64Array(n);
      this.word = new Float64Array(n);
      this.score = new Float64Array(n);
      this.hits = new Int32Array(n);
      this.first = new Int32Array(n);
      this.#base = 1;
    }
    if (this.#base > 2 ** 30) {
      this.mark.fill(0);
      this.titleMark.fill(0);
      this.#base = 1;
    }
    const base = this.#base;
    this.#base += words + 1;
    return base;
  }
}

/**
 * Writes into `scratch.hits` the slots in `allowed` whose text has every word (each word: its
 * lexeme alternatives), their scores into `scratch.score`; returns how many.
 */
export function matchText(
  d: Docs,
  postings: Postings,
  scratch: Scratch,
  allowed: Bits,
  words: readonly (readonly string[])[],
  phrase: string,
): number {
  const lists = words.map((alts) => alts.map((lx) => postings.get(lx)).filter((p): p is Posting => !!p));
  if (lists.some((l) => l.length === 0)) return 0;
  const size = (l: Posting[]) => l.reduce((n, p) => n + p.length, 0);
  lists.sort((a, b) => size(a) - size(b));
  const base = scratch.begin(d.slots, lists.length);
  const { mark, titleMark, titleWords, sum, word, score, hits, first } = scratch;
  const allow = allowed.words;
  const n = postings.docs;
  const norms = postings.currentNorms();
  let firsts = 0;
  for (let g = 0; g < lists.length; g++) {
    const here = base + g;
    for (const p of lists[g] as Posting[]) {
      const idf = Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5)) * 2.2;
      const { slots, weights, inTitle } = p;
      for (let k = 0; k < p.length; k++) {
        const s = slots[k] as number;
        const m = mark[s] as number;
        // New for this word: for the first word if allowed, for a later one if it matched the word before.
        if (m !== here && (g === 0 ? ((allow[s >>> 5] as number) & (1 << (s & 31))) === 0 : m !== here - 1))
          continue;
        const w = weights[k] as number;
        const c = (idf * w) / (w + (norms[s] as number));
        if (m === here) {
          if (c > (word[s] as number)) {
            sum[s] = (sum[s] as number) + c - (word[s] as number);
            word[s] = c;
          }
        } else {
          if (g === 0) {
            sum[s] = 0;
            titleWords[s] = 0;
            first[firsts++] = s;
          }
          mark[s] = here;
          sum[s] = (sum[s] as number) + c;
          word[s] = c;
        }
        if (inTitle[k] === 1 && titleMark[s] !== here) {
          titleMark[s] = here;
          titleWords[s] = (titleWords[s] as number) + 1;
        }
      }
    }
  }
  const last = base + lists.length - 1;
  const several = lists.length > 1 && phrase !== '';
  let out = 0;
  for (let i = 0; i < firsts; i++) {
    const s = first[i] as number;
    if (mark[s] !== last) continue;
    const bm25 = sum[s] as number;
    const inTitle = titleWords[s] === lists.length;
    score[s] =
      (inTitle ? 1 : 0) +
      (inTitle && several && (d.titles[s] as string).includes(phrase) ? 1 : 0) +
      bm25 / (bm25 + 1);
    hits[out++] = s;
  }
  return out;
}

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

/**
 * The first `k` of `hits[0…n)` in comparator order. `primary` (the first key's numbers, when it
 * is numeric) rejects most slots without calling the comparator.
 */
export function topK(
  hits: Int32Array,
  n: number,
  k: number,
  cmp: (a: number, b: number) => number,
  primary?: SortColumn,
): number[] {
  if (k <= 0 || n === 0) return [];
  if (k >= n || k > 200) return Array.from(hits.subarray(0, n)).sort(cmp).slice(0, k);
  const values = primary && 'values' in primary ? primary.values : null;
  const desc = primary?.sign === -1;
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = hits[i] as number;
    if (top.length === k) {
      const worst = top[k - 1] as number;
      if (values) {
        const [x, y] = [values[s] as number, values[worst] as number];
        if (desc ? x < y : x > y) continue;
        if (x === y && cmp(s, worst) >= 0) continue;
      } else if (cmp(s, worst) >= 0) continue;
    }
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
