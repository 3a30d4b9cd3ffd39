/**
 * The DuckDB path and the streaming path give the same import: the same fields and types, the
 * same report (counts and examples), the same table row for row. Run over the real CSV samples
 * and over generated files with every shape the SQL conversions handle and many they leave to JS.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import { afterAll, describe, expect, it } from 'vitest';
import { hashSeed, seededRandom } from '../../../core/random.js';
import { DuckDBInstance } from '../../../datastore/duckdb/api.js';
import { MONTH_NAMES_ID as MONTHS } from '../../normalise/index.js';
import { type ImportOptions, type PreparedImport, prepareImport } from '../import.js';
import { FAST_NOTE } from './index.js';

const SAMPLES = resolve(import.meta.dirname, '../../../../../shared/data/samples');
const work = mkdtempSync(join(tmpdir(), 'kendali-fast-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = Record<string, unknown>;
let n = 0;

async function run(
  path: string,
  engine: 'duckdb' | 'stream',
  options: Partial<ImportOptions>,
): Promise<{ p: PreparedImport; rows: Row[] }> {
  const p = await prepareImport(path, { workDir: join(work, `w${n++}`), engine, ...options });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const r = await c.runAndReadAll(`SELECT * FROM read_parquet('${p.parquet.path}')`);
  const rows = (r.getRowObjectsJS() as Row[]).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : v,
      ]),
    ),
  );
  c.closeSync();
  db.closeSync();
  await p.dispose();
  return { p, rows };
}

/** Imports both ways and checks they agree; returns the DuckDB one. */
async function same(
  path: string,
  options: Partial<ImportOptions> = {},
  fastOptions: Partial<ImportOptions> = {},
) {
  const slow = await run(path, 'stream', options);
  const fast = await run(path, 'duckdb', { ...options, ...fastOptions });
  expect(fast.p.report.notes).toContain(FAST_NOTE);
  const { notes, ...report } = fast.p.report;
  const { notes: slowNotes, ...slowReport } = slow.p.report;
  expect(report).toEqual(slowReport);
  expect(notes.filter((x) => x !== FAST_NOTE)).toEqual(slowNotes);
  expect(fast.p.fields).toEqual(slow.p.fields);
  expect(fast.p.columns).toEqual(slow.p.columns);
  expect(fast.p.layout.footerStartLine).toBe(slow.p.layout.footerStartLine);
  expect(fast.rows).toEqual(slow.rows);
  return fast;
}

const ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agt', 'Sep', 'Okt', 'Nov', 'Des'];

/** A messy file: every column mostly in one shape, with misfits, markers and odd forms mixed in. */
function messy(rows: number, seed: string): string {
  const rnd = seededRandom(hashSeed(seed));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd.next() * xs.length)] as T;
  const names = [
    'Kabupaten Bogor',
    'Kab. Garut',
    'KOTA DEPOK',
    'Bandung',
    'Kabupaten Antah',
    'Kota Bekasi',
    ' Kabupaten Cirebon ',
  ];
  const lines = ['wilayah,tanggal,jumlah,persen,anggaran,kode,catatan,status,provinsi'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(rnd.next() * 31);
    const m = Math.floor(rnd.next() * 12);
    const y = 1995 + Math.floor(rnd.next() * 35);
    const r = rnd.next();
    const date =
      r < 0.3
        ? `${day}/${m + 1}/${y}`
        : r < 0.5
          ? `${String(day).padStart(2, '0')}-${String(m + 1).padStart(2, '0')}-${y}`
          : r < 0.7
            ? `${day} ${MONTHS[m]} ${y}`
            : r < 0.8
              ? `${y}-${String(m + 1).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`
              : r < 0.9
                ? `${day} ${ABBR[m]} ${y}`
                : pick([
                    '-',
                    '',
                    ' 3/4/2020 ',
                    '31/02/2020',
                    '13 agustus 2019',
                    'bukan tanggal',
                    '1/13/2020',
                  ]);
    const big = Math.floor(rnd.between(0, 9_999_999_999));
    const q = rnd.next();
    const jumlah =
      q < 0.6
        ? big.toLocaleString('id-ID')
        : q < 0.8
          ? String(big)
          : q < 0.85
            ? `-${big.toLocaleString('id-ID')}`
            : q < 0.9
              ? pick(['-', 'NA', '…', '(1.234)', ' 12.345 ', '1.234,00', '1.234,5', '12.34.56', '0', '-0'])
              : `${Math.floor(big / 1000)}`;
    const persen =
      q < 0.9
        ? rnd
            .between(-5, 100)
            .toFixed(Math.floor(rnd.next() * 4))
            .replace('.', ',')
        : pick(['12,5%', '-', '0,0', '-0,0', '1.234,5', 'n.a.']);
    const anggaran =
      q < 0.85
        ? `Rp ${big.toLocaleString('id-ID')}`
        : pick(['Rp1.250.000', 'Rp. 12.500', 'Rp 1.250.000,-', '-', 'Rp -5.000']);
    const kode = q < 0.98 ? String(3201 + Math.floor(rnd.next() * 30)) : '0164A';
    const catatan =
      q < 0.7
        ? `catatan lapangan nomor ${i * 7919} untuk wilayah ini dan sekitarnya`
        : pick(['', 'ok', ' spasi  ganda ', 'Sumber di tengah', 'tidak ada data']);
    const status = pick(['ya', 'tidak', 'Ya', 'TIDAK', '-']);
    const provinsi = pick(['Jawa Barat', 'JABAR', '', 'Jawa Tengah', 'Prov. Jawa Barat']);
    const quote = (s: string) => (/[",\n]/.test(s) || rnd.next() < 0.3 ? `"${s.replace(/"/g, '""')}"` : s);
    lines.push(
      [pick(names), date, jumlah, persen, anggaran, kode, catatan, status, provinsi].map(quote).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('the DuckDB path imports exactly as the streaming path', () => {
  it.each([
    'bps_aps_provinsi_2018.csv',
    'bps_luas_panen_padi_bulanan_2025.csv',
    'bps_pengeluaran_per_kapita_kabkota_2019.csv',
    'bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv',
    'bps_produksi_biofarmaka_provinsi_2023.csv',
    'jabar_odj_desa_pencemaran_air.csv',
    'jabar_odj_penduduk_jenis_kelamin_kabkota.csv',
    'jabar_odj_penduduk_miskin_kabkota.csv',
    'jakarta_penumpang_transjakarta_2019_12.csv',
    'pihps_harga_beras_jawa_2021_2024.csv',
  ])('%s', async (file) => {
    const path = join(SAMPLES, file);
    const slow = await run(path, 'stream', {});
    const fast = await run(path, 'duckdb', {});
    if (!fast.p.report.notes.includes(FAST_NOTE)) {
      // Stepped aside: the streaming path ran, with the reason in the notes.
      expect(fast.p.report.notes.some((x) => x.startsWith('jalur cepat DuckDB tidak dipakai: '))).toBe(true);
      expect(fast.rows).toEqual(slow.rows);
      return;
    }
    await same(path);
  });

  it.each([
    ['every column through JS once per value', {}],
    ['columns of more than 50 values by classes and SQL', { mapLimit: 50 }],
    // The first rows show few values everywhere: every column is grouped by value, and those with
    // more than 50 are profiled again by shape from their groups.
    ['columns judged wrongly by their first 10 rows', { mapLimit: 50, sampleRows: 10 }],
  ])(
    'a generated messy file (numbers, rupiah, dates, markers, misfits, codes, long text, regions): %s',
    async (_, fastOptions) => {
      const path = join(work, 'messy.csv');
      writeFileSync(path, messy(20_000, 'parity'));
      const fast = await same(path, {}, fastOptions);
      const r = fast.p.report;
      expect(r.rows).toBe(20_000);
      expect(r.counts['type-error']).toBeGreaterThan(100);
      expect(r.counts['region-ambiguous']).toBeGreaterThan(100);
      expect(r.counts['region-unresolved']).toBeGreaterThan(100);
      expect(fast.p.fields.map((f) => [f.name, f.type])).toEqual([
        ['wilayah', 'string'],
        ['tanggal', 'date'],
        ['jumlah', 'number'],
        ['persen', 'number'],
        ['anggaran', 'integer'],
        ['kode', 'string'],
        ['catatan', 'string'],
        ['status', 'boolean'],
        ['provinsi', 'string'],
      ]);
    },
    120_000,
  );

  it('with a footer, a parent region column, a Table Schema (types, primary key, missing values) and type overrides', async () => {
    const path = join(work, 'footer.csv');
    const body = messy(3_000, 'footer').replace(/\n$/, '');
    writeFileSync(path, `${body}\n,,,,,,,,\nSumber: BPS,,,,,,,,\nCatatan: angka sementara\n`);
    const fast = await same(path, {
      mapLimit: 1_000,
      regions: [{ column: 'wilayah', parentColumn: 'provinsi' }],
      types: { persen: 'string' },
      schema: {
        fields: [{ name: 'kode', type: 'string', constraints: { unique: true } }],
        primaryKey: ['wilayah', 'tanggal'],
        missingValues: ['', '-', 'NA', '0'],
      },
    });
    expect(fast.p.layout.footerStartLine).toBe(3_002);
    expect(fast.p.report.counts['unique-error']).toBeGreaterThan(0);
    expect(fast.p.report.counts['primary-key-error']).toBeGreaterThan(0);
  }, 120_000);

  it('with kecamatan and desa columns under their regency: empty, misspelt, unknown and shared names', async () => {
    const [regencies, districts, villages] = await Promise.all([
      getRegencies(),
      getDistricts(),
      getVillages(),
    ]);
    const rnd = seededRandom(hashSeed('desa'));
    // Villages of two regencies, many of them sharing names across kecamatan (Sukamaju, Cikeas …).
    const inRegencies = new Set(['32.01', '32.04']);
    const picked = villages.filter((v) => inRegencies.has(v.district_code.slice(0, 5))).slice(0, 600);
    const district = new Map(districts.map((d) => [d.code, d.name]));
    const regency = new Map(regencies.map((r) => [r.code, r.name]));
    const lines = ['kabupaten,kecamatan,desa,nilai'];
    for (let i = 0; i < 8_000; i++) {
      const v = picked[Math.floor(rnd.next() * picked.length)] as (typeof picked)[number];
      const r = rnd.next();
      const kec = r < 0.08 ? '' : (district.get(v.district_code) ?? '');
      const desa =
        r > 0.95 ? 'Desa Antah Berantah' : r > 0.9 ? v.name.toUpperCase().slice(1) : v.name.toUpperCase();
      lines.push(`"${regency.get(v.district_code.slice(0, 5))}","${kec}","${desa}",${i}`);
    }
    const path = join(work, 'desa.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const fast = await same(path);
    const r = fast.p.report;
    expect(r.counts['region-unresolved']).toBeGreaterThan(100);
    expect(fast.rows.filter((x) => typeof x.desa_kode === 'string').length).toBeGreaterThan(6_000);
    expect(fast.p.report.notes).toContain('wilayah "desa": desa/kelurahan');
    // Named alone (`--region-column desa`), the desa column still resolves under the kecamatan
    // and kabupaten columns of its row, which join the region columns: the same codes.
    const named = await same(path, { regions: [{ column: 'desa' }] });
    expect(named.p.report.notes).toContain(
      'kolom "kecamatan" ikut dibaca sebagai wilayah: induk kolom kecamatan/desa yang disebut',
    );
    expect(named.p.report.notes).toContain(
      'kolom "kabupaten" ikut dibaca sebagai wilayah: induk kolom kecamatan/desa yang disebut',
    );
    const codes = (rows: Row[]) => rows.map((x) => [x.desa_kode, x.kecamatan_kode, x.kabupaten_kode]);
    expect(codes(named.rows)).toEqual(codes(fast.rows));
    expect(named.p.report.counts).toEqual(r.counts);
  }, 180_000);

  it('steps aside, with the reason, for what only the streaming path describes exactly', async () => {
    const ragged = join(work, 'ragged.csv');
    // The reader decides the columns from the first 1,000 rows: the long row comes after them.
    writeFileSync(ragged, `a,b\n${'1,2\n'.repeat(1_500)}3,4,5\n6,7\n`);
    const multi = join(work, 'multi.csv');
    writeFileSync(multi, 'a,b\n1,"dua\nbaris"\n3,4\n');
    const gap = join(work, 'gap.csv');
    writeFileSync(gap, 'a,b\n1,2\n,\n3,4\n');
    for (const [path, reason] of [
      [ragged, 'DuckDB tidak membaca'],
      [multi, 'ganti baris'],
      [gap, 'baris kosong'],
    ] as const) {
      const slow = await run(path, 'stream', {});
      const fast = await run(path, 'duckdb', {});
      expect(fast.p.report.notes.find((x) => x.startsWith('jalur cepat DuckDB tidak dipakai'))).toContain(
        reason,
      );
      expect(fast.p.report.counts).toEqual(slow.p.report.counts);
      expect(fast.rows).toEqual(slow.rows);
    }
  });
});
