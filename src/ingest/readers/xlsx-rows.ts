/**
 * The rows of one XLSX sheet, streamed: the sheet part is inflated chunk by chunk and walked by
 * htmlparser2 in XML mode; each chunk's finished rows are handed out before the next is read.
 */
import { Parser } from 'htmlparser2';
import { RowGuard, readError, type Warnings } from './errors.js';
import type { Limits, RawRow, ReaderOptions } from './types.js';
import { sheetEntry, type XlsxSheet } from './xlsx.js';
import { columnLetters, MergeFiller, numberText, parseRef, serialToIso } from './xlsx-cells.js';
import { type DateKind, localName, readDateStyles, readSharedStrings } from './xlsx-parts.js';
import { entryChunks, type ZipEntry } from './zip.js';

/** Excel's own limit: a row number past it is not a real sheet. */
const EXCEL_MAX_ROWS = 1_048_576;
/** Shared strings are held in memory: their part may not inflate to more than this. */
const MAX_SHARED_STRINGS_BYTES = 256 << 20;

interface Context {
  readonly path: string;
  readonly strings: readonly string[];
  readonly dateStyles: ReadonlyMap<number, DateKind>;
  readonly date1904: boolean;
  readonly maxColumns: number;
  readonly warnings: Warnings;
}

/** Parser state for one pass: the row being built, the cell being read. */
class SheetState {
  readonly queue: RawRow[] = [];
  row = 0;
  private cells: (string | null)[] = [];
  private formulas: number[] = [];
  private col = -1;
  private cell = { t: '', s: 0, v: undefined as string | undefined, inline: '', formula: false, inIs: false };
  private capture: 'v' | 'is' | undefined;
  private phonetic = 0;

  constructor(
    private readonly ctx: Context,
    private readonly filler: MergeFiller,
  ) {}

  open(tag: string, a: Record<string, string>): void {
    if (tag === 'row') {
      this.row = a.r !== undefined ? Number(a.r) : this.row + 1;
      if (!(this.row >= 1 && this.row <= EXCEL_MAX_ROWS))
        throw readError(this.ctx.path, `bad row number ${a.r}`);
      this.cells = [];
      this.formulas = [];
      this.col = -1;
    } else if (tag === 'c') {
      this.col = (a.r === undefined ? undefined : parseRef(a.r))?.col ?? this.col + 1;
      if (this.col >= this.ctx.maxColumns) {
        const ref = `${columnLetters(this.col)}${this.row}`;
        const message = `cell ${ref} is past the column limit of ${this.ctx.maxColumns} (maxColumns)`;
        throw readError(this.ctx.path, message, { line: this.row });
      }
      this.cell = {
        t: a.t ?? '',
        s: Number(a.s ?? 0),
        v: undefined,
        inline: '',
        formula: false,
        inIs: false,
      };
    } else if (tag === 'f') this.cell.formula = true;
    else if (tag === 'v') {
      this.capture = 'v';
      this.cell.v = '';
    } else if (tag === 'is') this.cell.inIs = true;
    else if (tag === 't' && this.cell.inIs) this.capture = 'is';
    else if (tag === 'rPh') this.phonetic++;
  }

  text(data: string): void {
    if (this.capture === 'v') this.cell.v += data;
    else if (this.capture === 'is' && this.phonetic === 0) this.cell.inline += data;
  }

  close(tag: string): void {
    if (tag === 'v' || tag === 't') this.capture = undefined;
    else if (tag === 'rPh') this.phonetic--;
    else if (tag === 'c') this.endCell();
    else if (tag === 'row') this.endRow();
  }

  private endCell(): void {
    const { cell, col, row } = this;
    let value = this.value();
    if (cell.formula) {
      const message = `formula in ${columnLetters(col)}${row} has no saved result`;
      if (value === null) this.ctx.warnings.add({ line: row, column: col + 1, message });
      else this.formulas.push(col);
    }
    if (value === null) return;
    const kind = this.ctx.dateStyles.get(cell.s);
    if ((cell.t === '' || cell.t === 'n') && kind !== undefined) {
      value = serialToIso(Number(value), kind, this.ctx.date1904) ?? value;
    }
    this.cells[col] = value;
  }

  private value(): string | null {
    const { t, v, inline, inIs } = this.cell;
    if (t === 'inlineStr' || inIs) return inIs ? inline : (v ?? null);
    if (v === undefined) return null;
    if (t === 's') {
      const text = this.ctx.strings[Number(v)];
      if (text !== undefined) return text;
      throw readError(this.ctx.path, `shared string ${v} does not exist`, {
        line: this.row,
        column: this.col + 1,
      });
    }
    if (t === 'b') return v.trim() === '1' ? 'TRUE' : 'FALSE';
    if (t === 'str' || t === 'e' || t === 'd') return v;
    return v.trim() === '' ? null : numberText(v.trim());
  }

  private endRow(): void {
    const { cells, row, formulas } = this;
    this.filler.fill(row, cells);
    let last = cells.length - 1;
    while (last >= 0 && cells[last] == null) last--;
    if (last < 0) return;
    const dense = Array.from({ length: last + 1 }, (_, i) => cells[i] ?? null);
    this.queue.push(
      formulas.length > 0 ? { line: row, cells: dense, formulas } : { line: row, cells: dense },
    );
  }
}

export async function* xlsxRows(
  path: string,
  entries: ReadonlyMap<string, ZipEntry>,
  sheet: XlsxSheet,
  limits: Limits,
  options: ReaderOptions,
  warnings: Warnings,
): AsyncGenerator<RawRow> {
  const { workbook } = sheet;
  const stringLimits = {
    ...limits,
    maxUncompressedBytes: Math.min(limits.maxUncompressedBytes, MAX_SHARED_STRINGS_BYTES),
  };
  const state = new SheetState(
    {
      path,
      strings: await readSharedStrings(path, entries, workbook.sharedStringsPart, stringLimits),
      dateStyles: await readDateStyles(path, entries, workbook.stylesPart, limits),
      date1904: workbook.date1904,
      maxColumns: limits.maxColumns,
      warnings,
    },
    new MergeFiller(sheet.merges),
  );
  const parser = new Parser(
    {
      onopentag: (name, a) => state.open(localName(name), a),
      ontext: (data) => state.text(data),
      onclosetag: (name) => state.close(localName(name)),
    },
    { xmlMode: true, decodeEntities: true },
  );
  const guard = new RowGuard(
    path,
    { ...limits, maxRows: Math.min(limits.maxRows, EXCEL_MAX_ROWS) },
    options.signal,
  );
  const decoder = new TextDecoder('utf-8');
  const entry = sheetEntry(path, entries, sheet.sheet);
  for await (const chunk of entryChunks(path, entry, limits, options.signal)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    for (const row of state.queue) yield guard.check(row);
    state.queue.length = 0;
  }
  parser.end(decoder.decode());
  for (const row of state.queue) yield guard.check(row);
  warnings.finish(state.row);
}
