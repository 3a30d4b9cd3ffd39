/**
 * CSV, TSV and JSON downloads as byte streams, one chunk per batch of rows, so a table of any
 * size passes through in bounded memory.
 *
 * CSV is RFC 4180 (comma, CRLF, fields with `"`, `,`, CR or LF quoted) in UTF-8 with a byte
 * order mark, as is TSV: without the BOM, Excel reads a CSV in the machine's ANSI code page
 * and garbles every non-ASCII letter, while common CSV readers (pandas, R, Python's
 * `utf-8-sig`, LibreOffice) skip it. TSV cannot quote, so tabs and line breaks inside a value
 * become spaces. Text cells in both are protected against formula injection (`formula.ts`).
 * JSON is `{"fields": [{id, type}], "records": [...]}`, records as objects (or as lists with
 * `records_format=lists`, the shape of CKAN's own dump), with no BOM.
 */
import { Readable } from 'node:stream';
import { CKAN_TYPE } from '../../actions/datastore/shared.js';
import type { CellValue } from '../../datastore/backend.js';
import type { RowStream } from '../../datastore/stream.js';
import { cellText, neutralise } from './formula.js';

const BOM = '\uFEFF';

const csvQuote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const tsvClean = (s: string): string => s.replace(/[\t\r\n]/g, ' ');

async function* delimited(rows: RowStream, format: 'csv' | 'tsv'): AsyncGenerator<Buffer> {
  const [clean, separator] = format === 'csv' ? [csvQuote, ','] : [tsvClean, '\t'];
  const types = rows.columns.map((c) => c.type);
  const line = (cells: readonly string[]) => `${cells.map(clean).join(separator)}\r\n`;
  yield Buffer.from(BOM + line(rows.columns.map((c) => neutralise(c.name))));
  for await (const batch of rows.batches) {
    let text = '';
    for (const row of batch) text += line(row.map((v, i) => cellText(types[i] ?? 'text', v)));
    yield Buffer.from(text);
  }
}

async function* json(rows: RowStream, lists: boolean): AsyncGenerator<Buffer> {
  const names = rows.columns.map((c) => c.name);
  const fields = rows.columns.map((c) => ({ id: c.name, type: CKAN_TYPE[c.type] }));
  const record = (row: readonly CellValue[]) =>
    JSON.stringify(lists ? row : Object.fromEntries(names.map((n, i) => [n, row[i] ?? null])));
  yield Buffer.from(`{"fields":${JSON.stringify(fields)},"records":[`);
  let first = true;
  for await (const batch of rows.batches) {
    if (batch.length === 0) continue;
    const text = batch.map(record).join(',\n');
    yield Buffer.from(first ? `\n${text}` : `,\n${text}`);
    first = false;
  }
  yield Buffer.from(']}\n');
}

export function textDownload(rows: RowStream, format: 'csv' | 'tsv' | 'json', lists = false): Readable {
  const chunks = format === 'json' ? json(rows, lists) : delimited(rows, format);
  return Readable.from(chunks, { objectMode: false });
}
