/**
 * Each real sample in ../shared/data/samples imports to a typed table whose numbers, dates and
 * region codes match values read by eye from the source files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '../../datastore/duckdb/api.js';
import type { ImportOptions } from './import.js';
import { type PreparedImport, prepareImport } from './import.js';

const SAMPLES = resolve(import.meta.dirname, '../../../../shared/data/samples');
const work = mkdtempSync(join(tmpdir(), 'kendali-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = Record<string, unknown>;

async function load(
  file: string,
  options: Partial<ImportOptions> = {},
): Promise<{ p: PreparedImport; rows: Row[] }> {
  const p = await prepareImport(join(SAMPLES, file), { workDir: join(work, file), ...options });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const r = await c.runAndReadAll(`SELECT * FROM read_parquet('${p.parquet.path}')`);
  const rows = (r.getRowObjectsJS() as Row[]).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v,
      ]),
    ),
  );
  c.closeSync();
  db.closeSync();
  await p.dispose();
  return { p, rows };
}

const typeOf = (p: PreparedImport, name: string) => p.fields.find((f) => f.name === name)?.type;

describe('importing the real samples', () => {
  it('BPS poverty by regency 2024: title rows skipped, decimals, bare regency names coded by the file’s own convention', async () => {
    const { p, rows } = await load('bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv');
    expect(p.report.valid).toBe(true);
    expect(p.report.rows).toBe(28);
    expect(typeOf(p, 'k_2024')).toBe('number');
    expect(rows[0]).toMatchObject({
      kabupaten_kota: 'Provinsi Jawa Barat',
      k_2024: 7.46,
      kabupaten_kota_kode: '32',
    });
    expect(rows[1]).toMatchObject({
      kabupaten_kota: 'Bogor',
      k_2024: 7.05,
      kabupaten_kota_kode: '32.01',
      kabupaten_kota_nama_baku: 'Kabupaten Bogor',
    });
    expect(rows.find((r) => r.kabupaten_kota === 'Bandung')?.kabupaten_kota_kode).toBe('32.04');
    // Jawa Barat's regencies, and the year in the header.
    expect(p.report.coverage).toEqual({
      cakupan_wilayah_tingkat: 'kabupaten-kota',
      cakupan_wilayah: ['32'],
      cakupan_waktu_mulai: '2024',
      cakupan_waktu_selesai: '2024',
    });
    expect(rows.find((r) => r.kabupaten_kota === 'Kota Tasikmalaya')).toMatchObject({
      k_2024: 11.1,
      kabupaten_kota_kode: '32.78',
    });
    expect(rows.find((r) => r.kabupaten_kota === 'Kota Banjar')?.kabupaten_kota_kode).toBe('32.79');
    expect(p.report.counts).toEqual({});
  });

  it('PIHPS rice prices: semicolons, dd/mm/yyyy dates, empty trailing columns dropped', async () => {
    const { p, rows } = await load('pihps_harga_beras_jawa_2021_2024.csv');
    expect(p.report.rows).toBe(784);
    expect(typeOf(p, 'tanggal')).toBe('date');
    expect(p.fields.map((f) => f.name)).toEqual([
      'tanggal',
      'banten',
      'jawa_barat',
      'dki_jakarta',
      'jawa_tengah',
      'di_yogyakarta',
      'jawa_timur',
    ]);
    expect(rows[0]).toMatchObject({
      tanggal: '2021-01-05',
      banten: 11100,
      jawa_barat: 11200,
      dki_jakarta: 13450,
      jawa_timur: 10500,
    });
  });

  it('Transjakarta: quoted comma thousands and route codes kept as text', async () => {
    const { p, rows } = await load('jakarta_penumpang_transjakarta_2019_12.csv');
    expect(typeOf(p, 'jumlah_penumpang')).toBe('integer');
    expect(typeOf(p, 'kode_trayek')).toBe('string');
    expect(rows[0]).toMatchObject({
      jenis: 'BRT',
      kode_trayek: '1',
      trayek: 'KORIDOR 1 (BLOK M - KOTA)',
      jumlah_penumpang: 2686458,
    });
    expect(rows[1]?.jumlah_penumpang).toBe(936927);
  });

  it('BPS school participation 2018: the header Excel turned into a date is restored, provinces coded', async () => {
    const { p, rows } = await load('bps_aps_provinsi_2018.csv');
    expect(p.fields.map((f) => f.title)).toContain('7-12');
    expect(rows[0]).toMatchObject({
      k_38_provinsi: 'ACEH',
      k_7_12: 99.86,
      k_13_15: 98.49,
      k_16_18: 82.92,
      k_19_23: 37.61,
      k_38_provinsi_kode: '11',
    });
    expect(rows.find((r) => r.k_38_provinsi === 'JAMBI')?.k_38_provinsi_kode).toBe('15');
    expect(rows.find((r) => r.k_38_provinsi === 'GORONTALO')?.k_38_provinsi_kode).toBe('75');
  });

  it('BPS rice production XLSX: merged headers, month columns, provinces coded', async () => {
    const { p, rows } = await load('bps_produksi_padi_bulanan_2025.xlsx');
    expect(p.fields.map((f) => f.name).slice(1, 4)).toEqual(['januari', 'februari', 'maret']);
    expect(typeOf(p, 'januari')).toBe('number');
    expect(rows[0]).toMatchObject({ k_38_provinsi: 'ACEH', januari: 71061.29, k_38_provinsi_kode: '11' });
  });

  it('BPS rice harvest CSV: four header rows, month names as columns', async () => {
    const { rows } = await load('bps_luas_panen_padi_bulanan_2025.csv');
    expect(rows[0]).toMatchObject({
      januari: 13865.52,
      februari: 19182.13,
      tahunan: 307257.03,
      k_38_provinsi_kode: '11',
    });
    expect(rows[1]).toMatchObject({
      k_38_provinsi: 'SUMATERA UTARA',
      januari: 39636.92,
      k_38_provinsi_kode: '12',
    });
  });

  it('BPS medicinal plants: "..." is missing, footnotes dropped', async () => {
    const { p, rows } = await load('bps_produksi_biofarmaka_provinsi_2023.csv');
    const jahe = p.fields[1]?.name as string;
    const kejiBeling = p.fields[3]?.name as string;
    expect(rows[0]).toMatchObject({
      provinsi: 'Aceh',
      [jahe]: 4345136,
      [kejiBeling]: null,
      provinsi_kode: '11',
    });
    expect(rows.some((r) => String(r.provinsi).startsWith('Catatan'))).toBe(false);
    expect(p.report.valid).toBe(true);
  });

  it('BPS spending 2019: provinces in capitals followed by their regencies, coded with the province as parent', async () => {
    const { p, rows } = await load('bps_pengeluaran_per_kapita_kabkota_2019.csv');
    const col = p.fields[0]?.name as string;
    expect(rows[0]).toMatchObject({ [col]: 'ACEH', k_2019: 9603, [`${col}_kode`]: '11' });
    expect(rows[1]).toMatchObject({ [col]: 'Simeulue', k_2019: 7210, [`${col}_kode`]: '11.09' });
    expect(rows[3]).toMatchObject({ [col]: 'Aceh Selatan', [`${col}_kode`]: '11.01' });
    expect(rows.filter((r) => r.k_2019 === null)).toHaveLength(30);
    // A province whose name is also a regency's, after another province's regencies.
    expect(rows.find((r) => r[col] === 'GORONTALO')?.[`${col}_kode`]).toBe('75');
    expect(rows.find((r) => r[col] === 'Boalemo')?.[`${col}_kode`]).toBe('75.02');
    expect(p.report.counts).toEqual({});
  });

  it('Open Data Jabar villages: float-damaged codes restored as text', async () => {
    const { p, rows } = await load('jabar_odj_desa_pencemaran_air.csv', { autoRegions: false });
    expect(p.report.rows).toBe(15936);
    expect(typeOf(p, 'bps_kode_desa_kelurahan')).toBe('string');
    expect(rows[0]).toMatchObject({
      kode_provinsi: '32',
      bps_kode_kabupaten_kota: '3201',
      bps_kode_desa_kelurahan: '3201190006',
      kemendagri_kode_desa_kelurahan: '32.01.02.2001',
      tahun: 2019,
    });
  });

  it('Jabar villages: kecamatan and desa names resolve under the regency and kecamatan of their row, never to a wrong code', async () => {
    const { p, rows } = await load('jabar_odj_desa_pencemaran_air.csv');
    expect(p.report.rows).toBe(15936);
    expect(rows[0]).toMatchObject({
      kemendagri_nama_desa_kelurahan: 'WANAHERANG',
      kemendagri_nama_desa_kelurahan_kode: '32.01.02.2001',
      kemendagri_nama_desa_kelurahan_nama_baku: 'Wanaherang',
      kemendagri_nama_kecamatan_kode: '32.01.02',
      bps_nama_kabupaten_kota_kode: '32.01',
    });
    // The file carries Kemendagri's codes beside the names: every name resolved agrees with the
    // code of its row wherever the shipped list still gives that code that name (some were
    // renumbered since: the file's 32.09.39 GUNUNG JATI is Suranenggala now, Gunung Jati 32.09.21).
    const letters = (v: unknown) =>
      String(v)
        .toLowerCase()
        .replace(/[^a-z]/g, '');
    for (const [name, code] of [
      ['kemendagri_nama_desa_kelurahan', 'kemendagri_kode_desa_kelurahan'],
      ['kemendagri_nama_kecamatan', 'kemendagri_kode_kecamatan'],
    ] as const) {
      const resolved = rows.filter((r) => r[`${name}_kode`] != null);
      const checked = resolved.filter(
        (r) => r[`${code}_kode`] != null && letters(r[`${code}_nama_baku`]) === letters(r[name]),
      );
      const wrong = checked.filter((r) => r[`${name}_kode`] !== r[code]);
      expect(
        wrong.map((r) => `${r[name]} → ${r[`${name}_kode`]}, file ${r[code]}`),
        name,
      ).toEqual([]);
      // Nearly every row resolved; the rest is reported, not guessed.
      expect(resolved.length / rows.length, name).toBeGreaterThan(0.99);
      expect(checked.length, name).toBeGreaterThan(15_500);
    }
    expect(p.report.notes).toContain('wilayah "kemendagri_nama_desa_kelurahan": desa/kelurahan');
    // What is left unresolved says why in Bahasa Indonesia, as the rest of the message does.
    const unresolved = p.report.issues.filter((x) => x.code === 'region-unresolved');
    expect(unresolved.length).toBeGreaterThan(0);
    for (const x of unresolved)
      expect(x.message).toMatch(
        /^".+" tidak dikenali sebagai wilayah \((tidak ada wilayah bernama demikian|hanya cocok di luar induk atau jenis wilayah yang ditentukan|tidak ada wilayah dengan kode Kemendagri [0-9.]+)\)$/,
      );
    // Villages of Jawa Barat in 2019, 2020 and 2021 (its `tahun`, written 2019.0 … 2021.0).
    expect(p.report.coverage).toEqual({
      cakupan_wilayah_tingkat: 'desa-kelurahan',
      cakupan_wilayah: ['32'],
      cakupan_waktu_mulai: '2019',
      cakupan_waktu_selesai: '2021',
    });
    // Years Excel wrote as 2019.0 are not described by a thousands style they do not have.
    expect(p.report.types.find((t) => t.field === 'tahun')?.reason).toBe(
      'bilangan bulat, ditulis Excel sebagai pecahan .0',
    );
  });
});
