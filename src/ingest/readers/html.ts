/**
 * HTML tables (BPS "Unduh xls" files are HTML saved as .xls), with htmlparser2 in two streaming
 * passes: html-plan.ts counts the tables and chooses one; this pass reads it. A plain table
 * streams row by row, and a table nested inside one of its cells is flattened to its text. A
 * layout table (most cells hold tables) is built in memory (up to MAX_LAYOUT_CELLS cells) and
 * stitched into one grid (see html-grid.ts). Text is entity-decoded and whitespace-collapsed;
 * numbers stay as written. `line` is the row of the expanded grid; rows with no text are skipped.
 */
import { Parser } from 'htmlparser2';
import { RowGuard, readError } from './errors.js';
import {
  cleanText,
  colspanOf,
  gridOf,
  type HtmlCell,
  type HtmlTable,
  rowspanOf,
  SpanExpander,
} from './html-grid.js';
import { type HtmlPlan, type HtmlSource, htmlText } from './html-plan.js';
import type { Limits, RawRow, ReaderOptions } from './types.js';

const MAX_LAYOUT_CELLS = 1_000_000;
const BLOCK = new Set(['br', 'p', 'div', 'li', 'tr', 'td', 'th', 'table']);

export async function* htmlRows(
  source: HtmlSource,
  plan: HtmlPlan,
  limits: Limits,
  options: ReaderOptions,
): AsyncGenerator<RawRow> {
  const { path } = source;
  const guard = new RowGuard(path, limits, options.signal);
  const expander = new SpanExpander(limits.maxColumns);
  const queue: (string | null)[][] = [];
  const open: { table: HtmlTable; row?: HtmlCell[]; cell?: HtmlCell }[] = [];
  let seen = -1;
  let done = false;
  let skip = 0;
  let cells = 0;
  const inner = (): (typeof open)[number] | undefined => (plan.layout ? open.at(-1) : open[0]);
  const push = (row: HtmlCell[] | undefined): void => {
    if (row !== undefined && !plan.layout) queue.push(expander.push(row));
  };
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === 'script' || name === 'style') skip++;
        if (name === 'table' && ++seen === plan.table) open.push({ table: { rows: [] } });
        else if (open.length === 0) return;
        else if (name === 'table') {
          if (plan.layout) {
            const table: HtmlTable = { rows: [] };
            const top = open.at(-1)!;
            if (top.cell !== undefined) top.cell.tables.push(table);
            else top.table.rows.push([{ text: '', colspan: 1, rowspan: 1, tables: [table] }]);
            open.push({ table });
          } else open.push({ table: { rows: [] } });
          return;
        }
        const top = open.at(-1)!;
        const own = plan.layout || open.length === 1;
        if (own && name === 'tr') {
          push(top.row);
          top.row = [];
          if (plan.layout) top.table.rows.push(top.row);
        } else if (own && (name === 'td' || name === 'th')) {
          if (top.row === undefined) {
            top.row = [];
            if (plan.layout) top.table.rows.push(top.row);
          }
          if (++cells > MAX_LAYOUT_CELLS && plan.layout) throw readError(path, 'layout table too large');
          top.cell = { text: '', colspan: colspanOf(a.colspan), rowspan: rowspanOf(a.rowspan), tables: [] };
          top.row.push(top.cell);
        } else if (BLOCK.has(name) && inner()?.cell !== undefined) inner()!.cell!.text += ' ';
      },
      ontext(data) {
        const cell = inner()?.cell;
        if (cell !== undefined && skip === 0) cell.text += data;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skip--;
        if (open.length === 0) return;
        const own = plan.layout || open.length === 1;
        const top = open.at(-1)!;
        if (name === 'table') {
          open.pop();
          if (open.length > 0) {
            if (!plan.layout && open[0]!.cell !== undefined) open[0]!.cell.text += ' ';
            return;
          }
          done = true;
          // A plain table clips spans reaching past its last row, as browsers do; a layout
          // table's pieces extend them (see gridOf).
          if (plan.layout) queue.push(...gridOf(top.table, limits.maxColumns));
          else push(top.row);
        } else if (own && (name === 'td' || name === 'th') && top.cell !== undefined) {
          top.cell.text = cleanText(top.cell.text);
          top.cell = undefined;
        } else if (own && name === 'tr') {
          push(top.row);
          top.row = undefined;
        } else if (BLOCK.has(name) && inner()?.cell !== undefined) inner()!.cell!.text += ' ';
      },
    },
    { decodeEntities: true },
  );
  let line = 0;
  const drain = function* (): Generator<RawRow> {
    for (const row of queue) {
      line++;
      if (row.some((c) => c !== null && c !== '')) yield guard.check({ line, cells: row });
    }
    queue.length = 0;
  };
  try {
    for await (const chunk of htmlText(source, options, true)) {
      parser.write(chunk);
      yield* drain();
      if (done) return;
    }
    parser.end();
    yield* drain();
  } catch (error) {
    if (error instanceof RangeError)
      throw readError(path, `${error.message} (maxColumns)`, { line: line + 1 });
    throw error;
  }
}
