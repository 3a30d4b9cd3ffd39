/**
 * Typo correction in process, as `corrections` does it in SQL: every word the catalog uses
 * (kept once seen, as the `search_word` table keeps it), and for a query word that is not one
 * of them the known word with the highest pg_trgm similarity, if that is at least 0.45 (ties:
 * the alphabetically first word).
 */
import { similarity, trigrams } from '../lexemes.js';

const MIN_SIMILARITY = 0.45;
const CACHE_MAX = 10_000;

/** The value PostgreSQL prints for a float4 (shortest round-trip decimal), as the SQL path reads it. */
function asPrinted(f: number): number {
  for (let p = 1; p <= 9; p++) {
    const d = Number(f.toPrecision(p));
    if (Math.fround(d) === f) return d;
  }
  return f;
}

export class Vocabulary {
  readonly #index = new Map<string, number>();
  readonly #words: string[] = [];
  readonly #trigramCount: number[] = [];
  readonly #byTrigram = new Map<string, number[]>();
  readonly #cache = new Map<string, string | null>();

  has(word: string): boolean {
    return this.#index.has(word);
  }

  get size(): number {
    return this.#words.length;
  }

  add(word: string): void {
    if (this.#index.has(word)) return;
    const n = this.#words.length;
    this.#index.set(word, n);
    this.#words.push(word);
    const grams = trigrams(word);
    this.#trigramCount.push(grams.length);
    for (const g of grams) {
      const list = this.#byTrigram.get(g);
      if (list) list.push(n);
      else this.#byTrigram.set(g, [n]);
    }
    if (this.#cache.size) this.#cache.clear();
  }

  /** The correction of `word`, or undefined (known word, too short, a number, nothing close enough). */
  correct(word: string): string | undefined {
    if (word.length < 4 || /^\d+$/.test(word) || this.#index.has(word)) return undefined;
    let hit = this.#cache.get(word);
    if (hit === undefined) {
      hit = this.#closest(word);
      if (this.#cache.size >= CACHE_MAX) this.#cache.clear();
      this.#cache.set(word, hit);
    }
    return hit ?? undefined;
  }

  #closest(word: string): string | null {
    const grams = trigrams(word);
    const shared = new Map<number, number>();
    for (const g of grams)
      for (const n of this.#byTrigram.get(g) ?? []) shared.set(n, (shared.get(n) ?? 0) + 1);
    let best: string | null = null;
    let bestSim = -1;
    for (const [n, count] of shared) {
      const s = similarity(count, grams.length, this.#trigramCount[n] as number);
      const w = this.#words[n] as string;
      if (s > bestSim || (s === bestSim && best !== null && w < best)) {
        best = w;
        bestSim = s;
      }
    }
    // pg_trgm's `%` keeps similarities ≥ 0.3; the SQL path then compares the printed float4.
    return best !== null && bestSim >= 0.3 && asPrinted(bestSim) >= MIN_SIMILARITY ? best : null;
  }
}
