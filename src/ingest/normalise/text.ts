/**
 * Text cleanup for raw cells: BOM, invisible characters, Unicode whitespace, NFC.
 *
 * Every function returns its input unchanged (no allocation) when there is nothing to do,
 * which is the common case for plain ASCII cells.
 */

/** Invisible characters with no meaning in a data cell: zero-width space, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;

/**
 * Whitespace and invisible characters at either edge. `\s` covers NBSP (U+00A0), the U+2000–U+200A
 * spaces (thin space included), U+202F, U+3000, tabs and line breaks. ZWNJ/ZWJ (U+200C/D) carry
 * meaning inside some scripts, so they are only trimmed at the edges, never removed inside text.
 */
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]+|[\s\u200B-\u200D\u2060\uFEFF\u00AD]+$/g;

const WHITESPACE_RUN = /\s+/g;

/** Anything other than printable ASCII separated by single spaces means work to do. */
const NEEDS_CLEANING = /[^\x21-\x7E ]|^ | $| {2}/;

const isPlainEdge = (code: number): boolean => code > 0x20 && code < 0x7f;

/** Removes a byte-order mark (U+FEFF) at the start of the string, as the first cell of a BOM file carries. */
export function stripBom(raw: string): string {
  return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}

/** Trims whitespace (NBSP and thin spaces included), zero-width characters and a BOM from both edges. */
export function trimText(raw: string): string {
  const n = raw.length;
  if (n === 0 || (isPlainEdge(raw.charCodeAt(0)) && isPlainEdge(raw.charCodeAt(n - 1)))) return raw;
  return raw.replace(EDGES, '');
}

/**
 * The full cleanup for a text cell: NFC normalisation, invisible characters removed, every run of
 * whitespace (NBSP, tabs, line breaks included) collapsed to one space, edges trimmed, BOM gone.
 */
export function cleanText(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return raw.normalize('NFC').replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').replace(EDGES, '');
}
