/** Missing-value markers: the cells that stand for "no value" rather than being one. */

import { cleanText } from './text.js';

/**
 * Markers used by Indonesian statistical tables and exports. `x` is deliberately absent: BPS uses
 * it for a suppressed value, which is data about the cell, not an empty one. Matched without regard
 * to case, so `Tidak Ada Data`, `N/a` and `Null` count too.
 */
export const DEFAULT_MISSING_VALUES: readonly string[] = Object.freeze([
  '',
  '-',
  '–',
  '—',
  '...',
  '…',
  'NA',
  'N/A',
  'n.a.',
  'na',
  'null',
  'NULL',
  'tidak ada data',
]);

export interface MissingMarkersOptions {
  /** Compare without regard to case. Default false, as Table Schema compares strings exactly. */
  ignoreCase?: boolean;
}

/**
 * A compiled marker list. Compile once per column (or schema) and reuse it for every cell.
 * A cell is compared after `cleanText` (edges trimmed, inner whitespace collapsed), so `' - '`
 * and a whitespace-only cell match `-` and `''`.
 */
export class MissingMarkers {
  readonly values: readonly string[];
  readonly ignoreCase: boolean;
  private readonly set: ReadonlySet<string>;
  private readonly maxLength: number;
  /** For each printable ASCII character (lower-cased when ignoring case): does a marker start with it? */
  private readonly firstChars = new Uint8Array(128);

  constructor(values: readonly string[], options: MissingMarkersOptions = {}) {
    this.ignoreCase = options.ignoreCase ?? false;
    this.values = Object.freeze([...values]);
    const keys = values.map((v) => this.key(cleanText(v)));
    this.set = new Set(keys);
    this.maxLength = keys.reduce((max, k) => Math.max(max, k.length), 0);
    for (const k of keys) if (k.length > 0 && k.charCodeAt(0) < 128) this.firstChars[k.charCodeAt(0)] = 1;
  }

  /** True when the cell is one of the markers. */
  matches(raw: string): boolean {
    // Most cells start with a printable ASCII character no marker starts with: decided at once.
    let first = raw.charCodeAt(0);
    if (first > 0x20 && first < 0x7f) {
      if (this.ignoreCase && first >= 0x41 && first <= 0x5a) first += 0x20;
      if (this.firstChars[first] === 0) return false;
    }
    // A cell far longer than every marker cannot be one, whatever whitespace it carries.
    if (raw.length > this.maxLength * 4 + 16) return false;
    const cleaned = cleanText(raw);
    return cleaned.length <= this.maxLength && this.set.has(this.key(cleaned));
  }

  private key(text: string): string {
    return this.ignoreCase ? text.toLowerCase() : text;
  }
}

/** The default markers, compared without regard to case. */
export const DEFAULT_MISSING_MARKERS = new MissingMarkers(DEFAULT_MISSING_VALUES, { ignoreCase: true });

const compiled = new WeakMap<readonly string[], MissingMarkers>();

/**
 * Resolves the markers to use: the defaults when none are given, a compiled list as is, or a plain
 * list such as a Table Schema `missingValues`, which replaces the defaults entirely (so `''` is a
 * marker only when listed) and is compared exactly. Plain lists are compiled once and cached.
 */
export function missingMarkers(markers?: readonly string[] | MissingMarkers): MissingMarkers {
  if (markers === undefined) return DEFAULT_MISSING_MARKERS;
  if (markers instanceof MissingMarkers) return markers;
  let found = compiled.get(markers);
  if (found === undefined) {
    found = new MissingMarkers(markers);
    compiled.set(markers, found);
  }
  return found;
}

/** True when the cell is a missing-value marker (with the defaults: also empty and whitespace-only cells). */
export function isMissing(raw: string, markers?: readonly string[] | MissingMarkers): boolean {
  return missingMarkers(markers).matches(raw);
}
