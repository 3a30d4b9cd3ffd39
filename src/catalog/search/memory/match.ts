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
  /** 1 where the phrase bonus is still to be settled (every word in the title, several words). */
  maybe = new Uint8Array(0);
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
      this.maybe = new Uint8Array(n);
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
 * lexeme alternatives) and their scores without the phrase bonus into `scratch.score`, marking
 * in `scratch.maybe` those that may still get it (see `phraseBonus`); returns how many.
 */
export function matchText(
  d: Docs,
  postings: Postings,
  scratch: Scratch,
  allowed: Bits,
  words: readonly (readonly string[])[],
  several: boolean,
): number {
  const lists = words.map((alts) => alts.map((lx) => postings.get(lx)).filter((p): p is Posting => !!p));
  if (lists.some((l) => l.length === 0)) return 0;
  const size = (l: Posting[]) => l.reduce((n, p) => n + p.length, 0);
  lists.sort((a, b) => size(a) - size(b));
  const base = scratch.begin(d.slots, lists.length);
  const { mark, titleMark, titleWords, sum, word, score, hits, first, maybe } = scratch;
  const allow = allowed.words;
  const n = postings.docs;
  const norms = postings.currentNorms();
  if (lists.length === 1 && lists[0]?.length === 1) {
    // One word without a correction (the common case): no stamps needed.
    const p = lists[0][0] as Posting;
    const idf = Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5)) * 2.2;
    const { slots, weights, inTitle } = p;
    let out = 0;
    for (let k = 0; k < p.length; k++) {
      const s = slots[k] as number;
      if (((allow[s >>> 5] as number) & (1 << (s & 31))) === 0) continue;
      const w = weights[k] as number;
      const bm25 = (idf * w) / (w + (norms[s] as number));
      score[s] = (inTitle[k] as number) + bm25 / (bm25 + 1);
      maybe[s] = 0;
      hits[out++] = s;
    }
    return out;
  }
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
  let out = 0;
  for (let i = 0; i < firsts; i++) {
    const s = first[i] as number;
    if (mark[s] !== last) continue;
    const bm25 = sum[s] as number;
    const inTitle = titleWords[s] === lists.length;
    score[s] = (inTitle ? 1 : 0) + bm25 / (bm25 + 1);
    maybe[s] = inTitle && several ? 1 : 0;
    hits[out++] = s;
  }
  return out;
}

/** Settles the phrase bonus of one slot: its score gains 1 if its title has the whole text. */
export function phraseBonus(d: Docs, scratch: Scratch, s: number, phrase: string): void {
  if (scratch.maybe[s] !== 1) return;
  scratch.maybe[s] = 0;
  if ((d.titles[s] as string).includes(phrase)) scratch.score[s] = (scratch.score[s] as number) + 1;
}
