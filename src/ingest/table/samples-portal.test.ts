/**
 * The portal exports of shared/data/samples (Open Data Jabar, Satu Data Jakarta, PIHPS), read end
 * to end (reader + table detection). Expected values were read by eye from the files.
 */
import { describe, expect, it } from 'vitest';
import { openReader } from '../readers/index.js';
import type { SourceInfo } from '../readers/types.js';
import { readTable, type TableLayout } from './index.js';

const SAMPLES = '/work/shared/data/samples/';

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

describe('portal exports', () => {
  it('jabar_odj_desa_pencemaran_air.csv (2.4 MB, CRLF): float-coded ids kept as text', async () => {
    const r = await read('jabar_odj_desa_pencemaran_air.csv');
    expect(r.layout.header).toEqual([
      'kode_provinsi',
      'nama_provinsi',
      'bps_kode_kabupaten_kota',
      'bps_nama_kabupaten_kota',
      'bps_kode_kecamatan',
      'bps_nama_kecamatan',
      'bps_kode_desa_kelurahan',
      'bps_nama_desa_kelurahan',
      'kemendagri_kode_kecamatan',
      'kemendagri_nama_kecamatan',
      'kemendagri_kode_desa_kelurahan',
      'kemendagri_nama_desa_kelurahan',
      'status_pencemaran_air',
      'tahun',
      'id',
    ]);
    expect(r.rows[0]).toEqual([
      2,
      [
        '32.0',
        'JAWA BARAT',
        '3201.0',
        'KABUPATEN BOGOR',
        '3201190.0',
        'GUNUNG PUTRI',
        '3201190006.0',
        'WANAHERANG',
        '32.01.02',
        'GUNUNG PUTRI',
        '32.01.02.2001',
        'WANAHERANG',
        'ADA',
        '2019.0',
        '1',
      ],
    ]);
    expect(r.rows).toHaveLength(15_936);
    expect(r.rows.at(-1)![0]).toBe(15_937);
    expect(r.rows.at(-1)![1].slice(-3)).toEqual(['TIDAK ADA', '2021.0', '15936']);
    expect(r.rows.some((row) => row[1].some((c) => c?.includes('\r')))).toBe(false);
  });

  it('jabar_odj_penduduk_jenis_kelamin_kabkota.csv and jabar_odj_penduduk_miskin_kabkota.csv', async () => {
    const sex = await read('jabar_odj_penduduk_jenis_kelamin_kabkota.csv');
    expect(sex.layout.header).toEqual([
      'id',
      'kode_provinsi',
      'nama_provinsi',
      'kode_kabupaten_kota',
      'nama_kabupaten_kota',
      'jenis_kelamin',
      'jumlah_penduduk',
      'satuan',
      'tahun',
    ]);
    expect(sex.rows[0]).toEqual([
      2,
      ['1', '32', 'JAWA BARAT', '3201', 'KABUPATEN BOGOR', 'LAKI-LAKI', '1930902', 'JIWA', '2013'],
    ]);
    expect(sex.rows.at(-1)).toEqual([
      431,
      ['430', '32', 'JAWA BARAT', '3279', 'KOTA BANJAR ', 'PEREMPUAN', '102108', 'JIWA', '2020'],
    ]);
    const poor = await read('jabar_odj_penduduk_miskin_kabkota.csv');
    expect(poor.layout.header).toEqual([
      'id',
      'kode_provinsi',
      'nama_provinsi',
      'kode_kabupaten_kota',
      'nama_kabupaten_kota',
      'jumlah_penduduk_miskin',
      'satuan',
      'tahun',
    ]);
    expect(poor.rows[0]).toEqual([
      2,
      ['1', '32', 'JAWA BARAT', '3201', 'KABUPATEN BOGOR', '451.3', 'RIBU JIWA', '2002'],
    ]);
    expect(poor.rows[17]).toEqual([
      19,
      ['18', '32', 'JAWA BARAT', '3218', 'KABUPATEN PANGANDARAN', '0.0', 'RIBU JIWA', '2002'],
    ]);
    expect(poor.rows).toHaveLength(513);
  });

  it('jakarta_penumpang_transjakarta_2019_12.csv: quoted thousands, leading spaces kept', async () => {
    const r = await read('jakarta_penumpang_transjakarta_2019_12.csv');
    expect(r.layout.header).toEqual(['jenis', 'kode_trayek', 'trayek', 'jumlah_penumpang']);
    expect(r.rows[0]).toEqual([2, ['BRT', '1', 'KORIDOR 1 (BLOK M - KOTA)', '2,686,458']]);
    expect(r.rows.find((row) => row[0] === 123)![1]).toEqual([
      ' ANGKUTAN INTEGRASI BUS KECIL ',
      'JAK-1',
      'TANJUNG PRIOK - PLUMPANG',
      '101,923',
    ]);
    expect(r.rows).toHaveLength(237);
  });

  it('pihps_harga_beras_jawa_2021_2024.csv: ";" and CRLF, two trailing empty columns dropped', async () => {
    const r = await read('pihps_harga_beras_jawa_2021_2024.csv');
    expect(r.info).toMatchObject({ delimiter: ';', encoding: 'utf-8' });
    expect(r.layout).toMatchObject({
      header: [
        'Tanggal',
        'Banten',
        'Jawa Barat',
        'DKI Jakarta',
        'Jawa Tengah',
        'DI Yogyakarta',
        'Jawa Timur',
      ],
      droppedColumns: [7, 8],
    });
    expect(r.rows[0]).toEqual([2, ['05/01/2021', '11100', '11200', '13450', '10950', '11400', '10500']]);
    expect(r.rows.at(-1)).toEqual([
      785,
      ['05/01/2024', '14600', '14050', '15400', '13850', '14000', '13750'],
    ]);
    expect(r.rows).toHaveLength(784);
  });
});
