/**
 * The data rows after the header, trimmed to the table (see detect.ts for the rules): empty rows
 * dropped, one-text rows held back until the next data row or the end decides whether they are
 * data or the footer, dropped columns cut out (a value in one is an error).
 */
import { readError } from '../readers/errors.js';
import type { RawRow } from '../readers/types.js';
import { classify, clean, isBlank, isEmptyRow, isFootnote } from './classify.js';
import type { TableLayout } from './detect.js';

/** Held rows past this many are released as data (bounded memory for one-column-ish tables). */
const MAX_HELD = 1_000;

export class DataFilter {
  private held: RawRow[] = [];
  private empty = 0;
  private readonly dropped: Set<number>;

  constructor(
    private readonly layout: TableLayout,
    private readonly path: string,
    private readonly knownHeader: boolean,
  ) {
    this.dropped = new Set(layout.droppedColumns);
  }

  push(row: RawRow, out: RawRow[]): void {
    if (!this.knownHeader && (isEmptyRow(row.cells) || this.footerLike(row))) {
      this.held.push(row);
      if (this.held.length > MAX_HELD) this.release(out);
      return;
    }
    if (this.held.length > 0) this.release(out);
    out.push(this.project(row));
  }

  end(out: RawRow[]): void {
    const { held } = this;
    const start = held.findIndex((r) => isEmptyRow(r.cells) || isFootnote(firstText(r)));
    if (start !== -1 && held.slice(start).some((r) => !isEmptyRow(r.cells))) {
      this.layout.footerStartLine = held[start]!.line;
      const texts = held.slice(start).map(firstText).filter(Boolean);
      this.layout.notes.push(
        `catatan kaki mulai baris ${held[start]!.line}: ${texts.map((t) => JSON.stringify(t)).join(', ')}`,
      );
      this.held = held.slice(0, start);
    }
    this.release(out);
    if (this.empty > 0)
      this.layout.notes.push(`${this.empty} baris kosong di antara atau setelah data dibuang`);
  }

  private release(out: RawRow[]): void {
    for (const r of this.held) {
      if (isEmptyRow(r.cells)) this.empty++;
      else out.push(this.project(r));
    }
    this.held = [];
  }

  /** One text, in one cell or repeated (a merged note), and nothing else. */
  private footerLike(row: RawRow): boolean {
    let text: string | undefined;
    for (const cell of row.cells) {
      if (isBlank(cell)) continue;
      const t = cell!.trim();
      if (text === undefined) text = t;
      else if (t !== text) return false;
    }
    if (text === undefined) return false;
    if (this.layout.header.length < 2) return isFootnote(text);
    return classify(text) === 'text';
  }

  private project(row: RawRow): RawRow {
    if (this.dropped.size === 0) return row;
    const cells: (string | null)[] = [];
    const map = new Map<number, number>();
    row.cells.forEach((cell, c) => {
      if (!this.dropped.has(c)) {
        map.set(c, cells.length);
        cells.push(cell);
      } else if (clean(cell) !== '') {
        throw readError(
          this.path,
          `a value in column ${c + 1}, which was dropped as empty in the first rows; read again with a larger sample`,
          { line: row.line, column: c + 1 },
        );
      }
    });
    const formulas = row.formulas?.flatMap((c) => (map.has(c) ? [map.get(c)!] : []));
    return formulas === undefined ? { line: row.line, cells } : { line: row.line, cells, formulas };
  }
}

const firstText = (row: RawRow): string => row.cells.map(clean).find(Boolean) ?? '';
