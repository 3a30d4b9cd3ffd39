/**
 * Titles and names as ranks (their position in byte order, as PostgreSQL's C collation sorts),
 * so sorting by them compares numbers. Recomputed after changes, at most every 30 seconds
 * (a sort of every title); until then sorting compares the strings themselves.
 */
import type { Docs } from './docs.js';

const MIN_INTERVAL_MS = 30_000;

export class Ranks {
  #version = -1;
  #at = -Infinity;
  title = new Float64Array(0);
  name = new Float64Array(0);

  /** Fresh ranks, or null while they are stale (recomputed when allowed). */
  of(d: Docs): { title: Float64Array; name: Float64Array } | null {
    if (this.#version === d.version) return this;
    if (performance.now() - this.#at < MIN_INTERVAL_MS) return null;
    const slots = Array.from({ length: d.slots }, (_, i) => i);
    const rank = (text: string[]) => {
      const order = slots.slice().sort((a, b) => {
        const [x, y] = [text[a] ?? '', text[b] ?? ''];
        return x < y ? -1 : x > y ? 1 : 0;
      });
      const out = new Float64Array(d.slots);
      let r = 0;
      order.forEach((s, i) => {
        if (i > 0 && text[s] !== text[order[i - 1] as number]) r = i;
        out[s] = r;
      });
      return out;
    };
    this.title = rank(d.titles);
    this.name = rank(d.names);
    this.#version = d.version;
    this.#at = performance.now();
    return this;
  }
}
