/**
 * The first HTML pass: every table counted (its rows, its cells, the cells holding tables) without
 * keeping any text, then the table to read chosen: by name (`table2`) or 0-based index among the
 * top-level tables, else the one whose subtree has the most cells; unwrapped while it is only a
 * wrapper around a single table; flagged as a layout table when half its cells hold tables.
 */
import { Parser } from 'htmlparser2';
import { decodeText } from './encoding.js';
import { readError } from './errors.js';
import { isLayout } from './html-grid.js';
import { byteChunks } from './source.js';
import type { ReaderOptions } from './types.js';

export interface HtmlSource {
  readonly path: string;
  readonly gzip: boolean;
  readonly bytes: number;
  readonly encoding: string;
}

interface TableStat {
  readonly parent: number;
  rows: number;
  cells: number;
  containers: number;
  size: number;
}

export interface HtmlPlan {
  readonly sheets: string[];
  readonly sheet: string;
  /** Document-order index (among all tables) of the table to read. */
  readonly table: number;
  readonly layout: boolean;
}

const MAX_TABLES = 100_000;
/** The decoded text of the file; progress is reported only when `progress` (the reading pass). */
export function htmlText(
  source: HtmlSource,
  options: ReaderOptions,
  progress: boolean,
): AsyncGenerator<string> {
  const { path, gzip, bytes, encoding } = source;
  const onProgress = progress ? options.onProgress : undefined;
  const chunks = byteChunks(path, { gzip, signal: options.signal, onProgress, totalBytes: bytes });
  return decodeText(chunks, encoding, path);
}

export async function planHtml(source: HtmlSource, options: ReaderOptions): Promise<HtmlPlan> {
  const { path } = source;
  const stats: TableStat[] = [];
  const stack: { tag: string; table: number; holdsTable?: boolean }[] = [];
  const nearest = (): number => stack.findLast((e) => e.tag === 'table')?.table ?? -1;
  const parser = new Parser({
    onopentag(name) {
      if (name === 'table') {
        const top = stack.at(-1);
        if (top !== undefined && top.tag !== 'table' && top.tag !== 'tr' && !top.holdsTable) {
          top.holdsTable = true;
          stats[top.table]!.containers++;
        }
        if (stats.length >= MAX_TABLES) throw readError(path, `more than ${MAX_TABLES} tables`);
        stats.push({ parent: nearest(), rows: 0, cells: 0, containers: 0, size: 0 });
        stack.push({ tag: name, table: stats.length - 1 });
      } else if (name === 'tr' || name === 'td' || name === 'th') {
        const table = nearest();
        if (table === -1) return;
        if (name === 'tr') stats[table]!.rows++;
        else stats[table]!.cells++;
        stack.push({ tag: name, table });
      }
    },
    onclosetag(name) {
      const i = stack.findLastIndex((e) => e.tag === name);
      if (i !== -1) stack.length = i;
    },
  });
  for await (const chunk of htmlText(source, options, false)) parser.write(chunk);
  parser.end();
  for (let i = stats.length - 1; i >= 0; i--) {
    const s = stats[i]!;
    s.size += s.cells - s.containers;
    if (s.parent >= 0) stats[s.parent]!.size += s.size;
  }
  const top = stats.flatMap((s, i) => (s.parent === -1 ? [i] : []));
  if (top.length === 0) throw readError(path, 'the HTML holds no <table>');
  const sheets = top.map((_, k) => `table${k + 1}`);
  const wanted = options.sheet;
  let k: number;
  if (wanted === undefined)
    k = top.reduce((best, i, j) => (stats[i]!.size > stats[top[best]!]!.size ? j : best), 0);
  else k = typeof wanted === 'number' ? wanted : sheets.indexOf(wanted.trim().toLowerCase());
  let table = top[k];
  if (table === undefined)
    throw readError(path, `no table ${JSON.stringify(wanted)}; the tables are ${sheets.join(', ')}`);
  for (;;) {
    const children = stats.flatMap((s, i) => (s.parent === table ? [i] : []));
    if (stats[table]!.rows > 0 || children.length !== 1) break;
    table = children[0]!;
  }
  const chosen = stats[table]!;
  return { sheets, sheet: sheets[k]!, table, layout: isLayout(chosen.cells, chosen.containers) };
}
