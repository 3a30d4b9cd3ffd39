/** A set of slots as a bitset (32 slots a word): filters, visibility and facet values combine as word-wise AND/OR. */
export class Bits {
  words: Uint32Array;

  constructor(slots = 0) {
    this.words = new Uint32Array(Math.max(1, (slots + 31) >>> 5));
  }

  #room(slot: number): void {
    const need = (slot >>> 5) + 1;
    if (need > this.words.length) {
      const next = new Uint32Array(Math.max(need, this.words.length * 2));
      next.set(this.words);
      this.words = next;
    }
  }

  set(slot: number): this {
    this.#room(slot);
    this.words[slot >>> 5] = (this.words[slot >>> 5] as number) | (1 << (slot & 31));
    return this;
  }

  clear(slot: number): void {
    const i = slot >>> 5;
    if (i < this.words.length) this.words[i] = (this.words[i] as number) & ~(1 << (slot & 31));
  }

  has(slot: number): boolean {
    const w = this.words[slot >>> 5];
    return w !== undefined && (w & (1 << (slot & 31))) !== 0;
  }

  /** A copy sized for `slots`. */
  copy(slots: number): Bits {
    const b = new Bits(slots);
    b.words.set(this.words.subarray(0, Math.min(this.words.length, b.words.length)));
    return b;
  }

  and(o: Bits): this {
    const [a, b] = [this.words, o.words];
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) & (b[i] ?? 0);
    return this;
  }

  or(o: Bits): this {
    const [a, b] = [this.words, o.words];
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) a[i] = (a[i] as number) | (b[i] as number);
    return this;
  }

  andNot(o: Bits): this {
    const [a, b] = [this.words, o.words];
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) a[i] = (a[i] as number) & ~(b[i] as number);
    return this;
  }

  /** Writes the slots in ascending order into `out`; returns how many. */
  slots(out: Int32Array): number {
    let n = 0;
    const w = this.words;
    for (let i = 0; i < w.length; i++) {
      let x = w[i] as number;
      while (x !== 0) {
        const low = x & -x;
        out[n++] = (i << 5) + 31 - Math.clz32(low);
        x ^= low;
      }
    }
    return n;
  }
}
