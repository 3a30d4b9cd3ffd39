/**
 * What a raw cell looks like, for telling header rows from data rows. Years (`2024`) and dates
 * (`7/12/01`) are kinds of their own: they are as common in BPS header rows as in data, so only
 * other numbers and "not available" markers (`-`, `...`) count as evidence of data.
 */

export type CellKind = 'empty' | 'number' | 'year' | 'date' | 'marker' | 'text';

const NUMBER = /^[+-]?(?:\d{1,3}(?:[,.]\d{3})+|\d+)(?:[.,]\d+)?(?:[eE][+-]?\d+)?%?$/;
const YEAR = /^(?:19|20)\d{2}$/;
const DATE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+)?)$/;
const MARKERS = new Set(['-', '–', '—', '--', '..', '...', '…', 'na', 'n/a', 'n.a', 'n.a.', 'null', 'nan']);
const EXCEL_ERROR = /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!)$/i;

/** Whitespace collapsed (NBSP included) and trimmed; null → ''. */
export const clean = (cell: string | null | undefined): string =>
  cell == null ? '' : cell.replace(/\s+/g, ' ').trim();

export function classify(cell: string | null | undefined): CellKind {
  const text = clean(cell);
  if (text === '') return 'empty';
  if (YEAR.test(text)) return 'year';
  if (NUMBER.test(text)) return 'number';
  if (DATE.test(text)) return 'date';
  if (MARKERS.has(text.toLowerCase()) || EXCEL_ERROR.test(text)) return 'marker';
  return 'text';
}

/** A number that is not a year, or a "not available" marker: this row holds data. */
export const isDataEvidence = (kind: CellKind): boolean => kind === 'number' || kind === 'marker';

/** No cell holds anything but whitespace (`trim` covers NBSP). */
export const isBlank = (cell: string | null | undefined): boolean => cell == null || cell.trim() === '';

export const isEmptyRow = (cells: readonly (string | null)[]): boolean => cells.every(isBlank);

/** Footnote openers seen under BPS and portal tables. */
const FOOTNOTE =
  /^(?:sumber|source|catatan|keterangan|ket\s*[.:]|notes?\b|angka\s+(?:sementara|sangat\s+sementara|tetap|perbaikan|estimasi|proyeksi)|data\s+diolah|diolah\b|\*+\s*\)?|\d+\)\s)/i;

export const isFootnote = (text: string): boolean => FOOTNOTE.test(clean(text));
