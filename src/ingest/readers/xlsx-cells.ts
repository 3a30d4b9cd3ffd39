/** XLSX cell helpers: references, values as text, dates, and the merged ranges of a sheet. */
import type { DateKind } from './xlsx-parts.js';

/** `AB12` → 0-based column 27, row 12. Undefined when the reference is not a cell. */
export function parseRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (m === null) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

export const columnLetters = (col: number): string => {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A number cell as text: plain decimals exactly as stored, anything else (`1E-3`) as JavaScript writes it. */
export function numberText(v: string): string {
  if (/^-?\d+(\.\d+)?$/.test(v)) return v;
  const n = Number(v);
  return Number.isFinite(n) ? String(n) : v;
}

const DAY_MS = 86_400_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31

/**
 * An Excel serial date as ISO 8601: `2024-01-05`, `2024-01-05T10:30:00`, or `10:30:00` for a
 * time of day. Serials below 61 account for Excel's phantom 1900-02-29.
 */
export function serialToIso(serial: number, kind: DateKind, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return undefined;
  const seconds = Math.round(serial * 86_400);
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
  if (kind === 'time' && serial < 1) return iso(seconds * 1000).slice(11);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const shift = !date1904 && serial < 61 ? DAY_MS : 0;
  const text = iso(epoch + shift + seconds * 1000);
  return kind === 'date' && seconds % 86_400 === 0 ? text.slice(0, 10) : text;
}

export interface Merge {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export const MAX_MERGES = 100_000;
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;

/** Finds `<mergeCell ref="A1:B2"/>` in streamed sheet XML (they follow the rows, so a pass is needed). */
export class MergeScanner {
  readonly merges: Merge[] = [];
  truncated = false;
  private carry = '';

  push(text: string): void {
    const data = this.carry + text;
    const cut = data.lastIndexOf('>') + 1;
    this.scan(data.slice(0, cut));
    this.carry = data.slice(cut).slice(-4096);
  }

  private scan(text: string): void {
    if (!text.includes('mergeCell')) return;
    for (const m of text.matchAll(MERGE)) {
      const [a, b] = m[1]!.split(':');
      const from = parseRef(a ?? '');
      const to = parseRef(b ?? a ?? '');
      if (from === undefined || to === undefined) continue;
      if (this.merges.length >= MAX_MERGES) {
        this.truncated = true;
        return;
      }
      this.merges.push({
        top: Math.min(from.row, to.row),
        bottom: Math.max(from.row, to.row),
        left: Math.min(from.col, to.col),
        right: Math.max(from.col, to.col),
      });
    }
  }
}

/**
 * Repeats each merged range's top-left value over the whole range, row by row as rows stream
 * (rows must come in increasing order, as sheets store them).
 */
export class MergeFiller {
  private readonly pending: Merge[];
  private next = 0;
  private active: { merge: Merge; value: string | null }[] = [];

  constructor(merges: readonly Merge[]) {
    this.pending = [...merges].sort((x, y) => x.top - y.top);
  }

  fill(row: number, cells: (string | null)[]): void {
    this.active = this.active.filter((a) => a.merge.bottom >= row);
    while (this.next < this.pending.length && this.pending[this.next]!.top <= row) {
      const merge = this.pending[this.next++]!;
      if (merge.bottom < row) continue;
      this.active.push({ merge, value: merge.top === row ? (cells[merge.left] ?? null) : null });
    }
    for (const { merge, value } of this.active) {
      if (value === null) continue;
      for (let c = merge.left; c <= merge.right; c++) cells[c] = value;
    }
  }
}
