/**
 * The inverted index: lexeme → datasets (slots, ascending, in typed arrays) with the weighted
 * count of the lexeme in each (PostgreSQL's ts_rank weights: title 1.0; tags, institution and
 * groups 0.4; Satu Data fields 0.2; notes 0.1) and whether it occurs in the title.
 */
import { lexeme, words } from '../lexemes.js';

export const WEIGHT = { A: 1, B: 0.4, C: 0.2, D: 0.1 } as const;
const K1 = 1.2;
const B = 0.75;

export class Posting {
  slots = new Int32Array(4);
  weights = new Float32Array(4);
  inTitle = new Uint8Array(4);
  length = 0;

  #room(): void {
    if (this.length < this.slots.length) return;
    const n = this.slots.length * 2;
    const [s, w, t] = [new Int32Array(n), new Float32Array(n), new Uint8Array(n)];
    s.set(this.slots);
    w.set(this.weights);
    t.set(this.inTitle);
    [this.slots, this.weights, this.inTitle] = [s, w, t];
  }

  /** First index not below `slot`. */
  find(slot: number): number {
    let [lo, hi] = [0, this.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.slots[mid] as number) < slot) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(slot: number, weight: number, title: boolean): void {
    this.#room();
    const at =
      this.length > 0 && (this.slots[this.length - 1] as number) < slot ? this.length : this.find(slot);
    if (at < this.length) {
      this.slots.copyWithin(at + 1, at, this.length);
      this.weights.copyWithin(at + 1, at, this.length);
      this.inTitle.copyWithin(at + 1, at, this.length);
    }
    this.slots[at] = slot;
    this.weights[at] = weight;
    this.inTitle[at] = title ? 1 : 0;
    this.length++;
  }

  remove(slot: number): void {
    const at = this.find(slot);
    if (at >= this.length || this.slots[at] !== slot) return;
    this.slots.copyWithin(at, at + 1, this.length);
    this.weights.copyWithin(at, at + 1, this.length);
    this.inTitle.copyWithin(at, at + 1, this.length);
    this.length--;
  }
}

/** One dataset's lexemes: weighted count of each, and those in the title. */
export interface Terms {
  readonly weights: Map<string, number>;
  readonly inTitle: Set<string>;
}

/** The terms of one dataset's weighted texts (the first text is the title). */
export function weigh(texts: readonly (readonly [string, number])[]): Terms {
  const weights = new Map<string, number>();
  const inTitle = new Set<string>();
  texts.forEach(([text, weight], i) => {
    for (const word of words(text)) {
      const lx = lexeme(word);
      weights.set(lx, (weights.get(lx) ?? 0) + weight);
      if (i === 0) inTitle.add(lx);
    }
  });
  return { weights, inTitle };
}

export class Postings {
  readonly #byLexeme = new Map<string, Posting>();
  /** Each slot's lexemes, to take it out again. */
  readonly #lexemesOf: (string[] | undefined)[] = [];
  /** Each slot's weighted length and BM25 length norm k1·(1 − b + b·length/average). */
  lengths = new Float64Array(1024);
  norms = new Float64Array(1024);
  #normAverage = 0;
  #totalLength = 0;
  docs = 0;

  get(lx: string): Posting | undefined {
    const p = this.#byLexeme.get(lx);
    return p && p.length > 0 ? p : undefined;
  }

  /** The length norms, recomputed when the average length has drifted more than 2%. */
  currentNorms(): Float64Array {
    const avg = this.docs ? this.#totalLength / this.docs : 1;
    if (Math.abs(avg - this.#normAverage) > 0.02 * avg) {
      this.#normAverage = avg;
      for (let s = 0; s < this.#lexemesOf.length; s++)
        this.norms[s] = K1 * (1 - B + (B * (this.lengths[s] as number)) / avg);
    }
    return this.norms;
  }

  add(slot: number, terms: Terms): void {
    this.remove(slot);
    if (slot >= this.lengths.length) {
      const n = Math.max(slot + 1, this.lengths.length * 2);
      const [l, m] = [new Float64Array(n), new Float64Array(n)];
      l.set(this.lengths);
      m.set(this.norms);
      [this.lengths, this.norms] = [l, m];
    }
    let length = 0;
    for (const [lx, w] of terms.weights) {
      let p = this.#byLexeme.get(lx);
      if (!p) {
        p = new Posting();
        this.#byLexeme.set(lx, p);
      }
      p.insert(slot, w, terms.inTitle.has(lx));
      length += w;
    }
    this.#lexemesOf[slot] = [...terms.weights.keys()];
    this.lengths[slot] = length;
    const avg = this.#normAverage || length || 1;
    this.norms[slot] = K1 * (1 - B + (B * length) / avg);
    this.#totalLength += length;
    this.docs++;
  }

  remove(slot: number): void {
    const lexemes = this.#lexemesOf[slot];
    if (!lexemes) return;
    for (const lx of lexemes) this.#byLexeme.get(lx)?.remove(slot);
    this.#lexemesOf[slot] = undefined;
    this.#totalLength -= this.lengths[slot] as number;
    this.docs--;
  }
}
