import { describe, expect, it } from 'vitest';
import type { RawRow } from '../readers/types.js';
import { classify } from './classify.js';
import { type DetectOptions, detectTable } from './detect.js';

/** Rows from CSV-ish text: one line per row, `,` between cells, line numbers from 1. */
async function* rowsOf(text: string, start = 1): AsyncGenerator<RawRow> {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) if (line !== '') yield { line: i + start, cells: line.split(',') };
}

async function detect(text: string, options?: DetectOptions) {
  const table = await detectTable(rowsOf(text), options);
  const rows: [number, (string | null)[]][] = [];
  for await (const row of table.rows()) rows.push([row.line, [...row.cells]]);
  return { layout: table.layout, rows };
}

describe('headers', () => {
  it('combines a parent header row with its child row, carrying the parent over its span', async () => {
    const { layout, rows } = await detect(
      'Provinsi,Produksi (ton),,,Luas (ha),,\n,Jan,Feb,Mar,Jan,Feb,Mar\nAceh,1,2,3,4,5,6',
    );
    expect(layout.header).toEqual([
      'Provinsi',
      'Produksi (ton) Jan',
      'Produksi (ton) Feb',
      'Produksi (ton) Mar',
      'Luas (ha) Jan',
      'Luas (ha) Feb',
      'Luas (ha) Mar',
    ]);
    expect(layout.headerRows).toEqual([1, 2]);
    expect(rows).toEqual([[3, ['Aceh', '1', '2', '3', '4', '5', '6']]]);
  });

  it('keeps the child when the parent is a title, and reports the title as context', async () => {
    const { layout } = await detect('Tabel 1. Penduduk,,\n2024,,\nWilayah,Laki-laki,Perempuan\nBogor,10,11');
    expect(layout.header).toEqual(['Wilayah', 'Laki-laki', 'Perempuan']);
    expect(layout.context).toEqual(['Tabel 1. Penduduk', '2024']);
    expect(layout.dataStartLine).toBe(4);
    expect(layout.notes.join('\n')).toMatch(/baris 1, 2: judul tabel atau keterangan/);
  });

  it('names blank headers kolom_N and repeated ones name_2, and says so', async () => {
    const { layout } = await detect('nilai,,nilai,Nilai,kolom_2\n1,2,3,4,5');
    expect(layout.header).toEqual(['nilai', 'kolom_2', 'nilai_2', 'Nilai_3', 'kolom_2_2']);
    expect(layout.notes).toContain('kolom 3: nama berulang "nilai" → "nilai_2"');
    expect(layout.notes).toContain('judul kosong dinamai kolom_2');
  });

  it('leaves out column-number rows such as (1) (2) (3)', async () => {
    const { layout } = await detect('Wilayah,Jumlah\n(1),(2)\nBogor,5');
    expect(layout.header).toEqual(['Wilayah', 'Jumlah']);
    expect(layout.headerRows).toEqual([1]);
  });

  it('finds no header when the first row already holds numbers', async () => {
    const { layout, rows } = await detect('1,2\n3,4');
    expect(layout).toMatchObject({ header: ['kolom_1', 'kolom_2'], headerRows: [], dataStartLine: 1 });
    expect(rows).toHaveLength(2);
  });

  it('takes the first row as header when no row holds numbers, and reads a header-only source', async () => {
    expect((await detect('nama,kota\nAni,Bogor\nBudi,Depok')).rows).toHaveLength(2);
    const { layout, rows } = await detect('a,b,c');
    expect(layout).toMatchObject({ header: ['a', 'b', 'c'], dataStartLine: undefined });
    expect(rows).toEqual([]);
  });

  it('trusts a known header (JSON keys, Parquet columns) and keeps every row', async () => {
    const { layout, rows } = await detect('id,,nama\n,,\n1,,x', { knownHeader: true });
    expect(layout).toMatchObject({ header: ['id', 'kolom_2', 'nama'], droppedColumns: [] });
    expect(rows).toHaveLength(2);
  });
});

describe('rows around the data', () => {
  it('skips an empty first row and finds the footer with its empty line', async () => {
    const { layout, rows } = await detect(',,\nA,B,C\nx,1,2\n,,\nSumber: BPS,,\n');
    expect(layout).toMatchObject({ headerRows: [2], dataStartLine: 3, footerStartLine: 4 });
    expect(rows).toEqual([[3, ['x', '1', '2']]]);
    expect(layout.notes).toContain('catatan kaki mulai baris 4: "Sumber: BPS"');
  });

  it('keeps label-only rows followed by data, or at the end without a footnote', async () => {
    const { layout, rows } = await detect(
      'Provinsi,Nilai,Lain\nAceh,1,2\nPapua Selatan,,\nPapua,3,4\nPapua Tengah,,',
    );
    expect(rows.map((r) => r[0])).toEqual([2, 3, 4, 5]);
    expect(layout.footerStartLine).toBeUndefined();
  });

  it('treats a footnote without an empty line as the footer, and drops empty rows among the data', async () => {
    const { layout, rows } = await detect('A,B\nx,1\n,\ny,2\nCatatan: angka sementara,\n');
    expect(rows.map((r) => r[0])).toEqual([2, 4]);
    expect(layout.footerStartLine).toBe(5);
    expect(layout.notes).toContain('1 baris kosong di antara atau setelah data dibuang');
  });

  it('drops columns with neither header nor values, and fails if a value shows up later', async () => {
    const { layout, rows } = await detect('Tanggal,Banten,,\n05/01/2021,11100,,\n06/01/2021,11200,,');
    expect(layout).toMatchObject({ header: ['Tanggal', 'Banten'], droppedColumns: [2, 3], columns: [0, 1] });
    expect(rows[0]).toEqual([2, ['05/01/2021', '11100']]);
    const table = await detectTable(rowsOf('a,b,\n1,2,\n3,4,\n5,6,oops'), { sampleRows: 2, path: 'x.csv' });
    const reading = (async () => {
      for await (const _ of table.rows());
    })();
    await expect(reading).rejects.toThrow(
      /x\.csv \(line 4, column 3\): a value in column 3, which was dropped/,
    );
  });

  it('refuses a source without rows or with empty rows only; rows() reads a long source once', async () => {
    await expect(detect('')).rejects.toThrow(/no rows at all/);
    await expect(detect(',,\n,,')).rejects.toThrow(/every row is empty/);
    const table = await detectTable(rowsOf('a\n1\n2\n3'), { sampleRows: 2 });
    for await (const _ of table.rows());
    expect(() => table.rows()).toThrow(/once/);
  });
});

describe('classify', () => {
  it('tells years, numbers, dates, markers and text apart', () => {
    expect(
      [
        '2024',
        '410988',
        '7.46',
        '2,686,458',
        '1.234,56',
        '7/12/01',
        '-',
        '...',
        '#DIV/0!',
        'Bogor',
        '13-15',
        ' ',
      ].map(classify),
    ).toEqual([
      'year',
      'number',
      'number',
      'number',
      'number',
      'date',
      'marker',
      'marker',
      'marker',
      'text',
      'text',
      'empty',
    ]);
  });
});

describe('a header the caller expects', () => {
  const rows = (lines: string[][]) =>
    (async function* () {
      for (const [i, cells] of lines.entries()) yield { line: i + 1, cells };
    })();
  const file = [
    ['kode', 'tahun', 'nilai'],
    ['K0', '2000', 'banyak'],
    ['K1', '2001', '1,5'],
  ];

  it('without it, a first data row of text and years reads as a second header row', async () => {
    const t = await detectTable(rows(file));
    expect(t.layout.header).toEqual(['kode K0', 'tahun 2000', 'nilai banyak']);
  });

  it('with the Table Schema’s names, the first row is the whole header', async () => {
    const t = await detectTable(rows(file), { expectedNames: ['kode', 'tahun', 'nilai', 'Nilai (persen)'] });
    expect(t.layout.header).toEqual(['kode', 'tahun', 'nilai']);
    expect(t.layout.dataStartLine).toBe(2);
    expect(t.layout.notes).toContain('judul: baris 1, nama-nama field Table Schema');
  });

  it('names that are not the first row’s change nothing', async () => {
    const t = await detectTable(rows(file), { expectedNames: ['a', 'b'] });
    expect(t.layout.header).toEqual(['kode K0', 'tahun 2000', 'nilai banyak']);
  });
});
