import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader } from './index.js';
import type { Reader } from './types.js';

const SAMPLE = '/work/shared/data/samples/bps_produksi_padi_bulanan_2025.xlsx';
const dir = mkdtempSync(join(tmpdir(), 'kendali-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(reader: Reader): Promise<[number, (string | null)[]][]> {
  const out: [number, (string | null)[]][] = [];
  for await (const row of reader.rows()) out.push([row.line, [...row.cells]]);
  return out;
}

describe('XLSX: the BPS sample', () => {
  it('repeats merged header cells (A1:A4, B2:N2, B3:N3) and reads inline strings and numbers', async () => {
    const reader = await openReader(SAMPLE);
    expect(reader.info).toMatchObject({ format: 'xlsx', sheet: 'Sheet1', sheets: ['Sheet1'], gzip: false });
    const rows = await collect(reader);
    expect(rows).toHaveLength(43);
    expect(rows[0]).toEqual([1, ['38 Provinsi']]);
    expect(rows[1]![1]).toEqual([
      '38 Provinsi',
      ...Array(13).fill('Produksi Padi Menurut Provinsi (Bulanan) (Ton)'),
    ]);
    expect(rows[2]![1]).toEqual(['38 Provinsi', ...Array(13).fill('2025')]);
    expect(rows[3]![1]).toEqual([
      '38 Provinsi',
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
      'Tahunan',
    ]);
    expect(rows[4]![1].slice(0, 3)).toEqual(['ACEH', '71061.29', '105254.72']);
    expect(rows[41]![1].slice(0, 5)).toEqual(['PAPUA PEGUNUNGAN', '2.4', '38.7', '24.2', '0']);
    expect(rows[42]).toEqual([
      43,
      [
        'INDONESIA',
        '2195026.28',
        '3961133.35',
        '9082728.01',
        '9089488.11',
        '5091187.06',
        '4013064.86',
        '4802215.92',
        '5625860.12',
        '5949619.68',
        '4719623.23',
        '3374595.75',
        '2469756.88',
        '60374299.25',
      ],
    ]);
  });
});

describe('XLSX: values', () => {
  let path: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Catatan').getCell('A1').note = 'only a comment, no values';
    const hidden = wb.addWorksheet('Rahasia', { state: 'hidden' });
    hidden.addRow(['rahasia']);
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Produksi (ton)', null, null]);
    ws.mergeCells('A1:C1');
    ws.addRow(['Wilayah', 'Jan', 'Feb']);
    ws.addRow([
      { richText: [{ text: 'Kab. ', font: { bold: true } }, { text: 'Bogor' }] },
      10,
      { formula: 'B3*2', result: 20 },
    ]);
    ws.addRow(['Kota Depok', { formula: '1/0', result: { error: '#DIV/0!' } }, { error: '#N/A' }]);
    ws.addRow([new Date(Date.UTC(2024, 0, 5)), true, 0.1]);
    ws.addRow([new Date(Date.UTC(2024, 0, 5, 10, 30)), { formula: 'B3+1' }, 'a & <b>']);
    ws.getCell('A6').numFmt = 'yyyy-mm-dd hh:mm';
    path = join(dir, 'values.xlsx');
    await wb.xlsx.writeFile(path);
  });

  it('skips empty and hidden sheets by default, lists them all', async () => {
    const reader = await openReader(path);
    expect(reader.info).toMatchObject({ sheet: 'Data', sheets: ['Catatan', 'Rahasia', 'Data'] });
    expect(reader.info.notes).toEqual(['membaca lembar "Data", lembar tampak pertama yang berisi data']);
  });

  it('turns rich text, formulas, errors, dates and booleans into text', async () => {
    const reader = await openReader(path);
    const rows = [];
    for await (const row of reader.rows()) rows.push(row);
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['Produksi (ton)', 'Produksi (ton)', 'Produksi (ton)']],
      [2, ['Wilayah', 'Jan', 'Feb']],
      [3, ['Kab. Bogor', '10', '20']],
      [4, ['Kota Depok', '#DIV/0!', '#N/A']],
      [5, ['2024-01-05', 'TRUE', '0.1']],
      [6, ['2024-01-05T10:30:00', null, 'a & <b>']],
    ]);
    expect(rows[2]!.formulas).toEqual([2]);
    expect(rows[3]!.formulas).toEqual([1]);
    expect(reader.warnings).toEqual([{ line: 6, column: 2, message: 'formula in B6 has no saved result' }]);
  });

  it('chooses a sheet by name or index, and names the sheets when one is missing', async () => {
    expect(await collect(await openReader(path, { sheet: 'rahasia' }))).toEqual([[1, ['rahasia']]]);
    expect((await openReader(path, { sheet: 2 })).info.sheet).toBe('Data');
    await expect(openReader(path, { sheet: 'Nope' })).rejects.toThrow(
      'no sheet named "Nope"; the sheets are "Catatan", "Rahasia", "Data"',
    );
  });

  it('refuses a row wider than maxColumns', async () => {
    await expect(openReader(path, { maxColumns: 2 }).then(collect)).rejects.toThrow(
      /cell C1 is past the column limit of 2/,
    );
  });
});
