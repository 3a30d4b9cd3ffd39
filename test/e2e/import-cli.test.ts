import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startKendali } from '../support/process.js';

const SAMPLES = resolve(import.meta.dirname, '../../../shared/data/samples');

describe('kendali import, as an operator runs it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kendali-import-cli-'));
  const env = {
    KENDALI_DATA_DIR: join(dir, 'data'),
    KENDALI_DEMO: '0',
    KENDALI_ADMIN_PASSWORD: 'sandi-uji-impor',
    LOG_LEVEL: 'warn',
  };
  beforeAll(async () => {
    const r = await runCli(['org', 'add', 'bps', '--title', 'Badan Pusat Statistik'], env);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails with exit 1 and one clear line when the institution does not exist', async () => {
    const r = await runCli(
      [
        'import',
        join(SAMPLES, 'jakarta_penumpang_transjakarta_2019_12.csv'),
        '--org',
        'tidak-ada',
        '--dataset',
        'transjakarta',
      ],
      env,
    );
    expect(r.code).toBe(1);
    // In KENDALI_LOCALE's language, Bahasa Indonesia by default.
    expect(r.stderr.trim().split('\n').at(-1)).toBe('kendali: Tidak ditemukan: instansi tidak-ada');
    const en = await runCli(
      [
        'import',
        join(SAMPLES, 'jakarta_penumpang_transjakarta_2019_12.csv'),
        '--org',
        'tidak-ada',
        '--dataset',
        'transjakarta',
      ],
      { ...env, KENDALI_LOCALE: 'en' },
    );
    expect(en.stderr.trim().split('\n').at(-1)).toBe('kendali: Not found: organization tidak-ada');
    // The file, copied in while the services opened, is taken away again.
    const uploads = join(env.KENDALI_DATA_DIR, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it('fails with exit 1 and one line naming a file that does not exist', async () => {
    const r = await runCli(
      ['import', join(dir, 'tidak-ada.csv'), '--org', 'bps', '--dataset', 'tanpa-berkas'],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(
      `kendali: berkas tidak ditemukan: ${join(dir, 'tidak-ada.csv')}`,
    );
    const uploads = join(env.KENDALI_DATA_DIR, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it('publishes a clean file with exit 0 and prints the column types', async () => {
    const links = statSync(join(SAMPLES, 'jakarta_penumpang_transjakarta_2019_12.csv')).nlink;
    const r = await runCli(
      [
        'import',
        join(SAMPLES, 'jakarta_penumpang_transjakarta_2019_12.csv'),
        '--org',
        'bps',
        '--dataset',
        'transjakarta',
      ],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Baris: 237; galat: 0; peringatan: 0');
    expect(r.stdout).toContain('jumlah_penumpang (jumlah_penumpang): integer');
    expect(r.stdout).toMatch(/Diterbitkan: versi 1 \(resource [0-9a-f-]{36}\)/);
    expect(r.stderr).toMatch(/impor: .*membaca \(1\/2\)/);
    // The upload (a hard link to the file where the file system allows) goes with the import.
    const uploads = join(env.KENDALI_DATA_DIR, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
    expect(statSync(join(SAMPLES, 'jakarta_penumpang_transjakarta_2019_12.csv')).nlink).toBe(links);
  });

  it('exports the Table Schema of an import, and the next upload checked against it fails on a misfit', async () => {
    const schemaFile = join(dir, 'skema.json');
    const file = join(dir, 'angka.csv');
    writeFileSync(
      file,
      `kode,tahun,nilai\n${Array.from({ length: 20 }, (_, i) => `K${i},${2000 + i},"${i},5"`).join('\n')}\n`,
    );
    const first = await runCli(
      ['import', file, '--org', 'bps', '--dataset', 'angka', '--schema-out', schemaFile],
      env,
    );
    expect(first.code, first.stderr).toBe(0);
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
      fields: { name: string; type: string }[];
    };
    expect(schema.fields.map((f) => [f.name, f.type])).toEqual([
      ['kode', 'string'],
      ['tahun', 'integer'],
      ['nilai', 'number'],
    ]);
    // The next year's file has text in a number column, in its first row too: with the schema the
    // header is known and the text is an error, not a new type.
    const next = join(dir, 'angka-2.csv');
    writeFileSync(
      next,
      `kode,tahun,nilai\n${Array.from({ length: 20 }, (_, i) => `K${i},${2000 + i},${i % 7 !== 0 ? `"${i},5"` : 'banyak'}`).join('\n')}\n`,
    );
    const second = await runCli(
      ['import', next, '--org', 'bps', '--dataset', 'angka', '--schema', schemaFile],
      env,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/Pertama: baris data 1, baris berkas 2, kolom nilai/);
  });

  it('publishes with warnings (ambiguous region names) with exit 2', async () => {
    const file = join(dir, 'ambigu.csv');
    writeFileSync(file, 'Kabupaten/Kota,Nilai\nBandung,"1,5"\nKota Cimahi,"2,5"\n');
    const r = await runCli(['import', file, '--org', 'bps', '--dataset', 'ambigu'], env);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(
      /\[region-ambiguous\] baris data 1 \(baris berkas 2\), kolom kabupaten_kota: "Bandung" bisa berarti: .*32\.04.*32\.73|32\.73.*32\.04/,
    );
    expect(r.stderr.trim().split('\n').at(-1)).toBe('kendali: diterbitkan dengan peringatan');
  });

  it('refuses a file with errors with exit 1, publishing nothing, and names row and column', async () => {
    const file = join(dir, 'salah.csv');
    writeFileSync(
      file,
      `tahun,nilai\n${Array.from({ length: 30 }, (_, i) => `${1990 + i},${i}`).join('\n')}\n2020,banyak\n`,
    );
    const r = await runCli(['import', file, '--org', 'bps', '--dataset', 'salah'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /kendali: Berkas memuat galat \(upload_id: 1 galat; tidak ada yang diterbitkan\. Pertama: baris data 31, baris berkas 32, kolom nilai/,
    );
    const dry = await runCli(['import', file, '--org', 'bps', '--dataset', 'salah', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      '[type-error] baris data 31 (baris berkas 32), kolom nilai: nilai: "banyak" bukan bilangan',
    );
    expect(dry.stdout).toContain('Tidak diterbitkan (--dry-run).');
    // What the data covers is told, and nothing is filled in by a dry run.
    expect(dry.stdout).toContain('  cakupan menurut data: waktu 1990 s.d. 2020\n');
    expect(dry.stdout).not.toContain('Metadata dataset dilengkapi');
  });
});

describe('kendali import --url, against a running server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kendali-import-url-'));
  const env = {
    KENDALI_DATA_DIR: join(dir, 'data'),
    KENDALI_DEMO: '0',
    KENDALI_ADMIN_PASSWORD: 'sandi-uji-url',
    LOG_LEVEL: 'warn',
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uploads with progress and the server imports', async () => {
    expect((await runCli(['org', 'add', 'bps'], env)).code).toBe(0);
    const token = (
      await runCli(['token', 'create', '--user', 'admin', '--name', 'impor'], env)
    ).stdout.trim();
    expect(token.length).toBeGreaterThan(20);
    const k = await startKendali(env.KENDALI_DATA_DIR, { env });
    try {
      const held = await runCli(
        [
          'import',
          join(SAMPLES, 'pihps_harga_beras_jawa_2021_2024.csv'),
          '--org',
          'bps',
          '--dataset',
          'beras',
        ],
        env,
      );
      expect(held.code).toBe(1);
      expect(held.stderr).toMatch(/kendali: direktori data .* sedang dipakai proses \d+/);
      const r = await runCli(
        [
          'import',
          join(SAMPLES, 'pihps_harga_beras_jawa_2021_2024.csv'),
          '--org',
          'bps',
          '--dataset',
          'beras',
          '--url',
          k.url,
          '--token',
          token,
        ],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/mengunggah/);
      expect(r.stdout).toContain('Baris: 784; galat: 0');
      expect(r.stdout).toMatch(/Diterbitkan: versi 1/);
      const bad = await runCli(
        [
          'import',
          join(SAMPLES, 'pihps_harga_beras_jawa_2021_2024.csv'),
          '--org',
          'bps',
          '--dataset',
          'beras',
          '--url',
          k.url,
          '--token',
          'salah',
        ],
        env,
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim().split('\n').at(-1)).toMatch(/^kendali: .*token/i);
    } finally {
      await k.stop();
    }
  }, 180_000);
});
