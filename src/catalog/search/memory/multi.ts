/**
 * A multi-valued column (tags, groups, formats, regions) packed in one Int32Array: each slot's
 * values are a run `pool[start … start+count)`. A changed slot is rewritten in place when its
 * values fit, else appended; the pool is compacted when half of it is garbage. Facet counting
 * walks runs in slot order, so it reads memory mostly in sequence.
 */
export class MultiColumn {
  start = new Int32Array(1024);
  count = new Int32Array(1024);
  pool = new Int32Array(4096);
  #used = 0;
  #garbage = 0;

  get(slot: number): Int32Array {
    const s = this.start[slot] ?? 0;
    return this.pool.subarray(s, s + (this.count[slot] ?? 0));
  }

  set(slot: number, values: readonly number[]): void {
    if (slot >= this.start.length) {
      const n = Math.max(slot + 1, this.start.length * 2);
      const [s, c] = [new Int32Array(n), new Int32Array(n)];
      s.set(this.start);
      c.set(this.count);
      [this.start, this.count] = [s, c];
    }
    const had = this.count[slot] as number;
    if (values.length > had) {
      this.#garbage += had;
      if (this.#used + values.length > this.pool.length) this.#grow(values.length);
      this.start[slot] = this.#used;
      this.#used += values.length;
    } else this.#garbage += had - values.length;
    this.pool.set(values, this.start[slot] as number);
    this.count[slot] = values.length;
  }

  #grow(extra: number): void {
    if (this.#garbage > this.#used / 2) {
      const next = new Int32Array(Math.max(this.pool.length, (this.#used - this.#garbage + extra) * 2));
      let at = 0;
      for (let s = 0; s < this.start.length; s++) {
        const c = this.count[s] as number;
        if (c === 0) continue;
        next.set(this.get(s), at);
        this.start[s] = at;
        at += c;
      }
      [this.pool, this.#used, this.#garbage] = [next, at, 0];
      if (this.#used + extra <= this.pool.length) return;
    }
    const next = new Int32Array(Math.max(this.pool.length * 2, this.#used + extra));
    next.set(this.pool.subarray(0, this.#used));
    this.pool = next;
  }
}
