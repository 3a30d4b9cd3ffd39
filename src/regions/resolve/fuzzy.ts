/** Edit distance for typos, bounded so that far-off names cost little. */

/** Most edits accepted for a name of this many letters (spaces removed): none below 6. */
export function maxEdits(length: number): number {
  if (length < 6) return 0;
  if (length < 10) return 1;
  if (length < 16) return 2;
  return 3;
}

let prevPrev = new Int32Array(64);
let prev = new Int32Array(64);
let curr = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or `max + 1` as soon as
 * the distance is known to exceed `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (a === b) return 0;
  if (prev.length <= m) {
    prevPrev = new Int32Array(m + 1);
    prev = new Int32Array(m + 1);
    curr = new Int32Array(m + 1);
  }
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      curr[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prevPrev;
    prevPrev = prev;
    prev = curr;
    curr = t;
  }
  return prev[m]!;
}

/** Confidence of a match at `distance` edits on a name of `length` letters. */
export const fuzzyConfidence = (distance: number, length: number): number =>
  Math.round(Math.max(0.5, 0.9 - (distance / Math.max(length, 1)) * 1.5) * 100) / 100;

/** Letter counts of a key (a–z, 0–9), a cheap lower bound on edit distance. */
export function letterBag(key: string, into = new Uint8Array(36), at = 0): Uint8Array {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const slot = c >= 97 ? c - 97 : c - 48 + 26;
    if (slot >= 0 && slot < 36 && into[at + slot]! < 255) into[at + slot]!++;
  }
  return into;
}

/**
 * Keys with their letter counts side by side in one array, so a scan first skips keys whose letters
 * differ by more than `2 × max` (the distance must then exceed `max`) before computing any distance.
 */
export class FuzzyBucket<T> {
  private readonly keys: string[] = [];
  private readonly values: T[] = [];
  private bags = new Uint8Array(36 * 64);

  add(key: string, value: T): void {
    const n = this.keys.length;
    if ((n + 1) * 36 > this.bags.length) {
      const grown = new Uint8Array(this.bags.length * 2);
      grown.set(this.bags);
      this.bags = grown;
    }
    letterBag(key, this.bags, n * 36);
    this.keys.push(key);
    this.values.push(value);
  }

  /** Calls `found` for every key within `max` edits of `key`. */
  scan(key: string, max: number, found: (value: T, distance: number) => void): void {
    const bag = letterBag(key);
    const limit = 2 * max;
    const bags = this.bags;
    for (let i = 0, at = 0; i < this.keys.length; i++, at += 36) {
      let diff = 0;
      for (let j = 0; j < 36 && diff <= limit; j++) diff += Math.abs(bag[j]! - bags[at + j]!);
      if (diff > limit) continue;
      const d = boundedDistance(key, this.keys[i]!, max);
      if (d <= max) found(this.values[i]!, d);
    }
  }
}
