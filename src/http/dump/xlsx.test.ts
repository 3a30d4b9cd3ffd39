import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue, ColumnInfo } from '../../datastore/backend.js';
import type { RowBatch, RowStream } from '../../datastore/stream.js';
import { cellText } from './formula.js';
import { xlsxDownload } from './xlsx.js';

const COLUMNS: ColumnInfo[] = [
  { name: 'teks', type: 'text' },
  { name: 'tanggal', type: 'date' },
  { name: 'waktu', type: 'timestamp' },
  { name: 'aktif', type: 'boolean' },
  { name: 'besar', type: 'integer' },
];

const rowStream = (rows: CellValue[][]): RowStream => ({
  columns: COLUMNS,
  batches: (async function* (): AsyncGenerator<RowBatch> {
    yield rows;
  })(),
});

describe('XLSX download cells', () => {
  it('dates as dates, booleans as booleans, formula-like text quoted, big integers kept as text', async () => {
    const rows: CellValue[][] = [
      ['\tmasuk', '2024-02-29', '2024-03-01T07:30:00.000Z', true, '9223372036854775807'],
      ['\rbaris', null, null, false, -5],
      ['-', '2024-12-31', null, null, null],
    ];
    const chunks: Buffer[] = [];
    for await (const chunk of xlsxDownload(rowStream(rows))) chunks.push(chunk as Buffer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('data');
    if (!sheet) throw new Error('no sheet');
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(2)).toEqual([
      "'\tmasuk",
      new Date('2024-02-29T00:00:00Z'),
      new Date('2024-03-01T07:30:00Z'),
      true,
      '9223372036854775807',
    ]);
    // (XML reads a carriage return back as a line feed.)
    expect(row(3)).toEqual([expect.stringMatching(/^'[\r\n]baris$/), undefined, undefined, false, -5]);
    expect(row(4)[0]).toBe("'-");
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('yyyy-mm-dd');
  });

  it('CSV/TSV text: only text columns are neutralised', () => {
    expect(cellText('text', '=1+1')).toBe("'=1+1");
    expect(cellText('text', '@x')).toBe("'@x");
    expect(cellText('text', 'a=b')).toBe('a=b');
    expect(cellText('number', -1.5)).toBe('-1.5');
    expect(cellText('integer', '-9223372036854775808')).toBe('-9223372036854775808');
    expect(cellText('date', null)).toBe('');
  });
});
