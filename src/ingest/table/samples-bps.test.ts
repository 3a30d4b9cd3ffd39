/**
 * The BPS table exports of shared/data/samples, read end to end (reader + table detection).
 * Expected values were read by eye from the files.
 */
import { describe, expect, it } from 'vitest';
import { openReader } from '../readers/index.js';
import type { SourceInfo } from '../readers/types.js';
import { readTable, type TableLayout } from './index.js';

const SAMPLES = '/work/shared/data/samples/';
const MONTHS = [
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
];

interface Read {
  info: SourceInfo;
  layout: TableLayout;
  rows: [number, (string | null)[]][];
}

async function read(name: string): Promise<Read> {
  const reader = await openReader(SAMPLES + name);
  const table = await readTable(reader);
  const rows: [number, (string | null)[]][] = [];
  for await (const row of table.rows()) rows.push([row.line, [...row.cells]]);
  return { info: reader.info, layout: table.layout, rows };
}

const find = (r: Read, label: string) => r.rows.find((row) => row[1][0] === label);

describe('BPS table exports', () => {
  it('bps_aps_provinsi_2018.csv: 4 header rows, the mangled "7/12/01" kept as written', async () => {
    const r = await read('bps_aps_provinsi_2018.csv');
    expect(r.info).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      encodingReason: 'UTF-8 BOM',
      delimiter: ',',
    });
    expect(r.layout).toMatchObject({ headerRows: [1, 2, 3, 4], dataStartLine: 5, droppedColumns: [] });
    expect(r.layout.footerStartLine).toBeUndefined();
    expect(r.layout.header).toEqual(['38 Provinsi', '7/12/01', '13-15', '16-18', '19-23']);
    expect(r.layout.context).toEqual([
      'Angka Partisipasi Sekolah (APS) Menurut Provinsi dan Kelompok Umur',
      '2018',
    ]);
    expect(r.rows[0]).toEqual([5, ['ACEH', '99.86', '98.49', '82.92', '37.61']]);
    expect(find(r, 'PAPUA BARAT DAYA')![1]).toEqual(['PAPUA BARAT DAYA', '-', '-', '-', '-']);
    expect(r.rows.at(-1)).toEqual([43, ['INDONESIA', '99.22', '95.36', '71.99', '27.92']]);
    expect(r.rows).toHaveLength(39);
  });

  it('bps_garis_kemiskinan_jabar_semicolon.csv: BOM, CRLF, ";" and an empty first row', async () => {
    const r = await read('bps_garis_kemiskinan_jabar_semicolon.csv');
    expect(r.info).toMatchObject({ delimiter: ';', encodingReason: 'UTF-8 BOM' });
    expect(r.layout).toMatchObject({
      headerRows: [2],
      header: ['Nama Wilayah', '2020', '2019', '2018'],
      dataStartLine: 3,
    });
    expect(r.rows).toEqual([[3, ['JAWA BARAT', '410988', '386198', '367755']]]);
    expect(r.layout.notes).toContain('1 baris kosong di atas tabel dilewati');
  });

  it('bps_garis_kemiskinan_jabar_html.xls: HTML in an .xls, nested header tables stitched', async () => {
    const r = await read('bps_garis_kemiskinan_jabar_html.xls');
    expect(r.info.format).toBe('html');
    expect(r.layout).toMatchObject({ headerRows: [1, 2], header: ['Nama Wilayah', '2020', '2019', '2018'] });
    expect(r.layout.context).toEqual(['Garis Kemiskinan Menurut Kabupaten/Kota (Rupiah/kapita/bulan)']);
    expect(r.rows).toEqual([[3, ['JAWA BARAT', '410988.00', '386198.00', '367755.00']]]);
  });

  it('bps_luas_panen_padi_bulanan_2025.csv: title, unit and year above the month names', async () => {
    const r = await read('bps_luas_panen_padi_bulanan_2025.csv');
    expect(r.layout.header).toEqual(['38 Provinsi', ...MONTHS, 'Tahunan']);
    expect(r.layout).toMatchObject({ headerRows: [1, 2, 3, 4], dataStartLine: 5 });
    expect(r.layout.context).toEqual(['Luas Panen Padi Menurut Provinsi (Bulanan) (Hektar)', '2025']);
    expect(r.rows[0]).toEqual([
      5,
      [
        'ACEH',
        '13865.52',
        '19182.13',
        '51639.22',
        '48258.22',
        '28268.68',
        '11499.55',
        '2206.68',
        '16743.13',
        '32261.5',
        '38641.97',
        '26016.71',
        '18673.73',
        '307257.03',
      ],
    ]);
    expect(find(r, 'PAPUA PEGUNUNGAN')![1].slice(0, 5)).toEqual([
      'PAPUA PEGUNUNGAN',
      '0.45',
      '7.26',
      '4.54',
      '0',
    ]);
    expect(r.rows.at(-1)![1].slice(0, 2)).toEqual(['INDONESIA', '416298.22']);
    expect(r.rows).toHaveLength(39);
  });

  it('bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv: title rows, a single value column named by its year', async () => {
    const r = await read('bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv');
    expect(r.layout).toMatchObject({
      headerRows: [1, 2, 3],
      header: ['Kabupaten/Kota', '2024'],
      dataStartLine: 4,
    });
    expect(r.layout.context).toEqual([
      'Persentase Penduduk Miskin Menurut Kabupaten/Kota di Jawa Barat (Persen)',
    ]);
    expect(r.rows[0]).toEqual([4, ['Provinsi Jawa Barat', '7.46']]);
    expect(find(r, 'Cirebon')).toEqual([13, ['Cirebon', '11']]);
    expect(r.rows.at(-1)).toEqual([31, ['Kota Banjar', '5.85']]);
    expect(r.rows).toHaveLength(28);
  });

  it('bps_produksi_biofarmaka_provinsi_2023.csv: "..." markers, empty rows of values, footnotes', async () => {
    const r = await read('bps_produksi_biofarmaka_provinsi_2023.csv');
    expect(r.layout.header).toHaveLength(17);
    expect(r.layout.header.slice(0, 3)).toEqual([
      'Provinsi',
      'Produksi Jahe (kilogram) (Kg)',
      'Produksi Kapulaga (kilogram) (Kg)',
    ]);
    expect(r.layout.header.at(-1)).toBe('Produksi Serai (kilogram) (Kg)');
    expect(r.layout).toMatchObject({ headerRows: [1], dataStartLine: 2, footerStartLine: 41 });
    expect(r.rows[0]![1].slice(0, 5)).toEqual(['Aceh', '4345136', '4068', '...', '91805']);
    expect(find(r, 'Papua Selatan')).toEqual([37, ['Papua Selatan', '', '', '...', ...Array(13).fill('')]]);
    expect(r.rows.at(-1)![0]).toBe(40);
    expect(r.rows.at(-1)![1][0]).toBe('Indonesia');
    expect(r.layout.notes).toContain('catatan kaki mulai baris 41: "Catatan", "Angka tetap"');
  });

  it('bps_produksi_padi_bulanan_2025.xlsx: merged A1:A4, B2:N2, B3:N3', async () => {
    const r = await read('bps_produksi_padi_bulanan_2025.xlsx');
    expect(r.layout.header).toEqual(['38 Provinsi', ...MONTHS, 'Tahunan']);
    expect(r.layout).toMatchObject({ headerRows: [1, 2, 3, 4], dataStartLine: 5 });
    expect(r.layout.context).toEqual(['Produksi Padi Menurut Provinsi (Bulanan) (Ton)', '2025']);
    expect(r.rows[0]![1].slice(0, 3)).toEqual(['ACEH', '71061.29', '105254.72']);
    expect(r.rows.at(-1)![1].at(-1)).toBe('60374299.25');
    expect(r.rows).toHaveLength(39);
  });

  it('bps_pengeluaran_per_kapita_kabkota_2019.csv: provinces and regencies in one column, "-" kept', async () => {
    const r = await read('bps_pengeluaran_per_kapita_kabkota_2019.csv');
    expect(r.layout).toMatchObject({
      headerRows: [1, 2, 3],
      header: ['Provinsi/Kabupaten/Kota', '2019'],
      dataStartLine: 4,
    });
    expect(r.layout.context).toEqual([
      '[Metode Baru] Pengeluaran per Kapita Disesuaikan (Ribu Rupiah/Orang/Tahun)',
    ]);
    expect(r.rows.slice(0, 3)).toEqual([
      [4, ['ACEH', '9603']],
      [5, ['Simeulue', '7210']],
      [6, ['Aceh Singkil', '8715']],
    ]);
    expect(find(r, 'SUMATERA UTARA')).toEqual([28, ['SUMATERA UTARA', '10649']]);
    expect(r.rows.filter((row) => row[1][1] === '-')).toHaveLength(30);
    expect(r.rows.at(-1)).toEqual([582, ['INDONESIA', '11299']]);
  });
});
