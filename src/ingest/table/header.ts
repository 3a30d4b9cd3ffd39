/**
 * Finding the header in the first rows of a source. The header block runs from the first
 * non-empty row to the row before the first one holding data (a number that is not a year, or a
 * marker like `-`). Within a block of several rows, a row whose value cells (every used column
 * but the first) hold two or more different texts NAMES columns; a row with one text at most (a
 * title, a unit, a year over all columns, a merged title repeated) is CONTEXT. Column names join
 * the naming rows top to bottom (a parent label is carried right over the empty cells of its
 * span; a repeated part is kept once); a column no naming row names takes the lowest text above
 * the data in that column ("38 Provinsi", or the year "2024" over a single value column).
 */
import type { RawRow } from '../readers/types.js';
import { type CellKind, classify, clean, isDataEvidence, isEmptyRow } from './classify.js';

export const MAX_HEADER_ROWS = 12;

export interface HeaderFinding {
  /** Indexes (in the sample) of the rows forming the header. */
  readonly headerIndexes: number[];
  /** Index of the first data row, or the sample's length when none. */
  readonly dataIndex: number;
  /** Per used column (source order), its name before blanks and duplicates are fixed. */
  readonly names: string[];
  readonly context: string[];
  readonly notes: string[];
}

const range = (rows: readonly RawRow[], indexes: number[]): string => {
  const lines = indexes.map((i) => rows[i]!.line);
  return `baris ${lines.join(', ')}`;
};

export function findHeader(rows: readonly RawRow[], used: readonly number[], first: number): HeaderFinding {
  const notes: string[] = [];
  const cell = (i: number, c: number): string => clean(rows[i]!.cells[c]);
  const kinds = (i: number): CellKind[] => used.map((c) => classify(rows[i]!.cells[c]));
  let end = first;
  while (end < rows.length && !kinds(end).some(isDataEvidence)) end++;
  let because = ', baris pertama yang memuat angka selain tahun, atau penanda seperti "-"';
  if (end === first) {
    notes.push(`tanpa judul: baris ${rows[first]!.line} sudah memuat angka; kolom dinamai kolom_N`);
    return { headerIndexes: [], dataIndex: first, names: used.map(() => ''), context: [], notes };
  }
  if (end === rows.length || end - first > MAX_HEADER_ROWS) {
    const why =
      end === rows.length
        ? 'tidak ada baris yang memuat angka'
        : `lebih dari ${MAX_HEADER_ROWS} baris teks sebelum angka pertama`;
    notes.push(`${why}; baris ${rows[first]!.line} dipakai sebagai judul`);
    end = first + 1;
    because = '';
  }
  let block: number[] = [];
  for (let i = first; i < end; i++) if (!isEmptyRow(rows[i]!.cells)) block.push(i);
  const numbering = block.filter((i) =>
    used.every((c) => cell(i, c) === '' || /^\(\d{1,3}\)$/.test(cell(i, c))),
  );
  if (numbering.length > 0 && numbering.length < block.length) {
    notes.push(`${range(rows, numbering)}: nomor kolom "(1)", "(2)"…, bukan nama`);
    block = block.filter((i) => !numbering.includes(i));
  }
  const [label = 0, ...values] = used;
  const distinct = (i: number): number => new Set(values.map((c) => cell(i, c)).filter(Boolean)).size;
  let naming = block.length === 1 ? block : block.filter((i) => distinct(i) >= 2);
  const lastNaming = naming.at(-1);
  if (lastNaming !== undefined) {
    // Rows after the last naming row with only a label are the first data rows ("Papua Selatan,,,").
    const labelOnly = block.findIndex((i) => i > lastNaming && cell(i, label) !== '' && distinct(i) === 0);
    if (labelOnly !== -1) {
      end = block[labelOnly]!;
      because = ', baris yang hanya berisi label setelah judul';
      block = block.slice(0, labelOnly);
      naming = naming.filter((i) => i < end);
    }
  }
  const contextRows = block.filter((i) => !naming.includes(i));
  const names = used.map((c) => nameOf(c, naming, block, cell, values));
  const context: string[] = [];
  for (const i of contextRows) {
    for (const c of used) {
      const text = cell(i, c);
      if (text !== '' && !context.includes(text) && !names.includes(text)) context.push(text);
    }
  }
  notes.push(
    rows[end] === undefined
      ? `judul: ${range(rows, block)}; tanpa baris data`
      : `judul: ${range(rows, block)}; data mulai baris ${rows[end]!.line}${because}`,
  );
  if (contextRows.length > 0 && block.length > 1) {
    notes.push(
      `${range(rows, contextRows)}: judul tabel atau keterangan (satu teks di atas kolom-kolom): ${context.map((t) => JSON.stringify(t)).join(', ')}`,
    );
  }
  return { headerIndexes: block, dataIndex: end, names, context, notes };
}

function nameOf(
  c: number,
  naming: readonly number[],
  block: readonly number[],
  cell: (i: number, c: number) => string,
  values: readonly number[],
): string {
  const parts: string[] = [];
  const bottom = naming.at(-1);
  for (const i of naming) {
    let text = cell(i, c);
    if (text === '' && i !== bottom && values.includes(c) && bottom !== undefined && cell(bottom, c) !== '') {
      // Carry the parent label right over the empty cells of its span.
      for (let k = values.indexOf(c) - 1; k >= 0 && text === ''; k--) text = cell(i, values[k]!);
    }
    if (text !== '' && parts.at(-1) !== text) parts.push(text);
  }
  if (parts.length > 0) return parts.join(' ');
  for (let k = block.length - 1; k >= 0; k--) {
    const text = cell(block[k]!, c);
    if (text !== '') return text;
  }
  return '';
}

/** Blank names become `kolom_N` (N its 1-based position), repeats get `_2`, `_3` (case ignored). */
export function uniqueNames(names: readonly string[], notes: string[]): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  const blanks = names.flatMap((n, k) => (n === '' ? [`kolom_${k + 1}`] : []));
  names.forEach((name, k) => {
    let base = name === '' ? `kolom_${k + 1}` : name;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
    if (candidate !== base)
      notes.push(`kolom ${k + 1}: nama berulang ${JSON.stringify(name)} → ${JSON.stringify(candidate)}`);
    base = candidate;
    taken.add(base.toLowerCase());
    out.push(base);
  });
  if (blanks.length > 0) notes.push(`judul kosong dinamai ${blanks.join(', ')}`);
  return out;
}
