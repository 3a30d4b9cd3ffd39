/**
 * Turning HTML table rows into a grid: `rowspan`/`colspan` expanded (the value repeated over the
 * span, as merged XLSX cells are), and layout tables stitched together.
 *
 * A layout table is one whose cells mostly hold other tables, as BPS's "Unduh xls" pages do: the
 * left cell stacks the row-header table over the row labels, the right cell the column headers
 * over the values. Each cell's tables are stacked top to bottom, and the cells of a row are set
 * side by side, so the pieces line up into one table.
 */

export interface HtmlCell {
  text: string;
  colspan: number;
  rowspan: number;
  tables: HtmlTable[];
}

export interface HtmlTable {
  rows: HtmlCell[][];
}

export type GridRow = (string | null)[];

const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65_534;

export const spanOf = (value: string | undefined, max: number): number => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
};
export const colspanOf = (v: string | undefined): number => spanOf(v, MAX_COLSPAN);
export const rowspanOf = (v: string | undefined): number => spanOf(v, MAX_ROWSPAN);

export const cleanText = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Expands spans row by row; remembers the cells that reach down into the next rows. */
export class SpanExpander {
  private carry: ({ value: string; left: number } | undefined)[] = [];

  constructor(private readonly maxColumns: number) {}

  push(cells: readonly Pick<HtmlCell, 'text' | 'colspan' | 'rowspan'>[]): GridRow {
    const out: (string | null)[] = [];
    const next: [number, string, number][] = [];
    let col = 0;
    const take = (c: number): boolean => {
      const p = this.carry[c];
      if (p === undefined) return false;
      out[c] = p.value;
      if (--p.left === 0) this.carry[c] = undefined;
      return true;
    };
    for (const cell of cells) {
      while (take(col)) col++;
      for (let k = 0; k < cell.colspan; k++, col++) {
        out[col] = cell.text;
        if (cell.rowspan > 1) next.push([col, cell.text, cell.rowspan - 1]);
      }
      if (col > this.maxColumns) throw new RangeError(`more than ${this.maxColumns} columns`);
    }
    for (let c = col; c < this.carry.length; c++) take(c);
    for (const [c, value, left] of next) this.carry[c] = { value, left };
    return Array.from(out, (v) => v ?? null);
  }

  /** Rows that spans still reach into after the last `<tr>`. */
  get pending(): boolean {
    return this.carry.some((p) => p !== undefined);
  }
}

/** A layout table: at least half of its cells hold tables. */
export const isLayout = (cells: number, containers: number): boolean => cells > 0 && containers * 2 >= cells;

const isLayoutTable = (table: HtmlTable): boolean => {
  const cells = table.rows.flat();
  return isLayout(cells.length, cells.filter((c) => c.tables.length > 0).length);
};

/** The grid of a table, stitching layout tables (spans reaching past the last row are extended). */
export function gridOf(table: HtmlTable, maxColumns: number): GridRow[] {
  if (!isLayoutTable(table)) {
    const expander = new SpanExpander(maxColumns);
    const rows = table.rows.map((row) => expander.push(row));
    while (expander.pending) rows.push(expander.push([]));
    return rows;
  }
  const out: GridRow[] = [];
  for (const row of table.rows) {
    const parts = row.map((cell): GridRow[] =>
      cell.tables.length > 0
        ? cell.tables.flatMap((t) => gridOf(t, maxColumns))
        : [Array.from({ length: cell.colspan }, () => cell.text)],
    );
    const widths = parts.map((p) => Math.max(0, ...p.map((r) => r.length)));
    const height = Math.max(0, ...parts.map((p) => p.length));
    for (let i = 0; i < height; i++) {
      out.push(parts.flatMap((p, k) => Array.from({ length: widths[k]! }, (_, c) => p[i]?.[c] ?? null)));
    }
  }
  return out;
}
