/**
 * ingest: `kendali import` of a generated messy CSV (Indonesian numbers and dates, region
 * names instead of codes) — wall time, MB/s, peak RSS, and the time until the new version
 * answers datastore_search — against, in the same run, DuckDB's raw read_csv → Parquet of the
 * same file (the floor) and PostgreSQL COPY of it (what CKAN's loaders do).
 * `KENDALI_BENCH_ROWS` sets the size (default 5,000,000 rows, about 600 MB).
 */
import { spawn } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { getRegencies } from 'idn-area-data';
import pg from 'pg';
import { hashSeed, seededRandom } from '../src/core/random.js';
import { MONTH_NAMES_ID as MONTHS } from '../src/ingest/normalise/index.js';
import { displayName } from '../src/regions/names.js';
import { CLI, startKendali } from '../test/support/process.js';
import type { Benchmark, BenchRow } from './lib.js';

export async function generate(path: string, rows: number): Promise<void> {
  const regencies = (await getRegencies()).map((r) => displayName(r.name));
  const rnd = seededRandom(hashSeed('ingest-bench'));
  const out = createWriteStream(path);
  out.write('kabupaten_kota,tanggal,jumlah_penduduk,persentase,anggaran,keterangan\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const name = regencies[Math.floor(rnd.next() * regencies.length)] ?? 'Kabupaten Bogor';
    const day = 1 + Math.floor(rnd.next() * 28);
    const date =
      i % 2
        ? `${day} ${MONTHS[i % 12]} ${2015 + (i % 10)}`
        : `${String(day).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${2015 + (i % 10)}`;
    const people = Math.floor(rnd.between(1_000, 5_000_000)).toLocaleString('id-ID');
    const pct = rnd.between(0, 40).toFixed(2).replace('.', ',');
    const budget = `Rp ${Math.floor(rnd.between(1e6, 9e9)).toLocaleString('id-ID')}`;
    chunk += `"${name}",${date},"${people}","${pct}","${budget}",catatan lapangan nomor ${i} untuk wilayah ini\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

function run(
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    p.on('exit', (code) => resolve({ code, stderr }));
  });
}

const bench: Benchmark = {
  name: 'ingest',
  doc: 'kendali import of a messy Indonesian CSV vs DuckDB raw read_csv→Parquet and PostgreSQL COPY of the same file',
  async run() {
    const rows = Number(process.env.KENDALI_BENCH_ROWS ?? 5_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'kendali-bench-ingest-'));
    chmodSync(dir, 0o755);
    const csv = join(dir, 'data.csv');
    try {
      await generate(csv, rows);
      chmodSync(csv, 0o644);
      const mb = statSync(csv).size / 1048576;
      const data = join(dir, 'data');
      const env = {
        KENDALI_DATA_DIR: data,
        KENDALI_DEMO: '0',
        KENDALI_ADMIN_PASSWORD: 'sandi-bench-ingest',
        LOG_LEVEL: 'warn',
      };
      await run(process.execPath, [CLI, 'org', 'add', 'bench'], env);

      const t0 = performance.now();
      const imp = await run(
        '/usr/bin/time',
        [
          '-v',
          process.execPath,
          CLI,
          'import',
          csv,
          '--org',
          'bench',
          '--dataset',
          'besar',
          '--on-error',
          'warn',
        ],
        env,
      );
      const importMs = performance.now() - t0;
      if (imp.code !== 0 && imp.code !== 2)
        throw new Error(`kendali import failed (${imp.code}):\n${imp.stderr.slice(-2000)}`);
      const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(imp.stderr)?.[1] ?? 0);

      const k = await startKendali(data, { env });
      let answerMs = 0;
      try {
        const show = (await (await fetch(`${k.url}/api/3/action/package_show?id=besar`)).json()) as {
          result: { resources: { id: string }[] };
        };
        const rid = show.result.resources[0]?.id ?? '';
        const q0 = performance.now();
        const res = (await (
          await fetch(`${k.url}/api/3/action/datastore_search?resource_id=${rid}&limit=1`)
        ).json()) as { result: { total: number } };
        answerMs = importMs + (performance.now() - q0);
        if (res.result.total !== rows)
          throw new Error(`datastore_search saw ${res.result.total} rows, expected ${rows}`);
      } finally {
        await k.stop();
      }

      const duck = await DuckDBInstance.create(':memory:', {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
      });
      const c = await duck.connect();
      const d0 = performance.now();
      await c.run(
        `COPY (SELECT * FROM read_csv('${csv}', header=true, all_varchar=true)) TO '${join(dir, 'raw.parquet')}' (FORMAT parquet, COMPRESSION zstd)`,
      );
      const duckMs = performance.now() - d0;
      c.closeSync();
      duck.closeSync();

      const base =
        process.env.KENDALI_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      const dbName = `kendali_bench_ingest_${Date.now()}`;
      await admin.query(`CREATE DATABASE ${dbName}`);
      let pgMs = 0;
      try {
        const url = new URL(base);
        url.pathname = `/${dbName}`;
        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        await client.query(
          'CREATE TABLE t (kabupaten_kota text, tanggal text, jumlah_penduduk text, persentase text, anggaran text, keterangan text)',
        );
        const p0 = performance.now();
        await client.query(`COPY t FROM '${csv}' WITH (FORMAT csv, HEADER true)`);
        pgMs = performance.now() - p0;
        await client.end();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
      const rowsOut: BenchRow[] = [
        {
          metric: 'import to Parquet vs DuckDB raw read_csv→Parquet',
          unit: 's',
          ours: importMs / 1000,
          peer: duckMs / 1000,
          better: 'lower',
          words: ['faster', 'slower'],
        },
        {
          metric: 'import vs PostgreSQL COPY (text columns)',
          unit: 's',
          ours: importMs / 1000,
          peer: pgMs / 1000,
          better: 'lower',
          words: ['faster', 'slower'],
        },
        {
          metric: 'throughput vs DuckDB raw',
          unit: 'MB/s',
          ours: mb / (importMs / 1000),
          peer: mb / (duckMs / 1000),
          better: 'higher',
          words: ['faster', 'slower'],
        },
      ];
      return {
        peer: 'DuckDB raw / PostgreSQL COPY',
        rows: rowsOut,
        notes: [
          `File: ${rows.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB, generated (Indonesian numbers, two date formats, regency names, rupiah amounts).`,
          `kendali import peak RSS: ${(peakKb / 1024).toFixed(0)} MB (target ≤ 2048 MB). Time until the new version answered datastore_search: ${(answerMs / 1000).toFixed(1)} s.`,
          'Kendali types every column, normalises numbers and dates, resolves region names to codes and validates; the peers load text as is.',
          'Targets: within 2× DuckDB raw, at least 2× faster than PostgreSQL COPY.',
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
