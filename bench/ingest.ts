/**
 * ingest: `kendali import` of a generated messy CSV (Indonesian numbers and dates, region
 * names instead of codes) — wall time, MB/s, peak RSS, and the time until the new version
 * answers datastore_search — against, in the same run, DuckDB's raw read_csv → Parquet of the
 * same file (the floor) and PostgreSQL COPY of it (what CKAN's loaders do).
 * `KENDALI_BENCH_ROWS` sets the size (default 5,000,000 rows, about 600 MB).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { getRegencies } from 'idn-area-data';
import pg from 'pg';
import { hashSeed, seededRandom } from '../src/core/random.js';
import { MONTH_NAMES_ID as MONTHS } from '../src/ingest/normalise/index.js';
import { displayName } from '../src/regions/names.js';
import { CLI, startKendali } from '../test/support/process.js';
import { type Benchmark, type BenchRow, medianMs, timed } from './lib.js';

/** The regencies the file names, as written there, with their codes. */
const regencyList = async (): Promise<(readonly [string, string])[]> =>
  (await getRegencies()).map((r) => [displayName(r.name), r.code] as const);

/** The generated file's columns, and those the hand-written typed write converts. */
const COLUMNS = ['kabupaten_kota', 'tanggal', 'jumlah_penduduk', 'persentase', 'anggaran', 'keterangan'];
const TYPED = ['kabupaten_kota_kode', 'tanggal', 'jumlah_penduduk', 'persentase', 'anggaran'];

/**
 * A typed SELECT over `source` (the file read as text) written by hand for what generate() writes:
 * dates `03/01/2015` and `6 Februari 2016`, numbers `2.130.739`, `30,89` and `Rp 7.212.307.185`,
 * regency names joined to a `regency (name, code)` table.
 */
const typedByHand = (source: string): string => {
  const months = `[${MONTHS.map((m) => `'${m}'`).join(', ')}]`;
  const part = (n: number) => `split_part(r.tanggal, ' ', ${n})`;
  return `SELECT r.kabupaten_kota, regency.code AS kabupaten_kota_kode,
    CASE WHEN contains(r.tanggal, '/') THEN CAST(strptime(r.tanggal, '%d/%m/%Y') AS DATE)
      ELSE make_date(CAST(${part(3)} AS INTEGER), list_position(${months}, ${part(2)}), CAST(${part(1)} AS INTEGER)) END AS tanggal,
    CAST(replace(r.jumlah_penduduk, '.', '') AS BIGINT) AS jumlah_penduduk,
    CAST(replace(r.persentase, ',', '.') AS DOUBLE) AS persentase,
    CAST(replace(substr(r.anggaran, 4), '.', '') AS BIGINT) AS anggaran,
    r.keterangan
    FROM ${source} r LEFT JOIN regency ON regency.name = r.kabupaten_kota`;
};

export async function generate(path: string, rows: number): Promise<void> {
  const regencies = (await regencyList()).map(([name]) => name);
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

/** Nearest-rank percentile (`p` in 0–100) of `values`. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

/** Milliseconds of each of `runs` sequential calls of `fn(i)` after `warmup` untimed calls. */
async function sequentialMs(
  fn: (i: number) => Promise<unknown>,
  runs: number,
  warmup: number,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(() => fn(warmup + i))).ms);
  return times;
}

/** Calls a Kendali action over HTTP (GET with `query`, or POST with a JSON `body`); throws unless `success: true`. */
async function action<T>(
  base: string,
  name: string,
  request: { query?: Record<string, string>; body?: Record<string, unknown> },
): Promise<T> {
  const url = `${base}/api/3/action/${name}${request.query ? `?${new URLSearchParams(request.query)}` : ''}`;
  const res = await fetch(
    url,
    request.body
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request.body),
        }
      : {},
  );
  const text = await res.text();
  let json: { success?: boolean; result?: T } | undefined;
  try {
    json = JSON.parse(text) as { success?: boolean; result?: T };
  } catch {
    json = undefined;
  }
  if (json?.success !== true) throw new Error(`${name} failed (HTTP ${res.status}): ${text.slice(0, 2000)}`);
  return json.result as T;
}

/** The Parquet files of the datastore under `dataDir` (not the SQL sandbox's scratch). */
function datastoreParquet(dataDir: string): string[] {
  const root = join(dataDir, 'datastore');
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.parquet') && !f.split(/[\\/]/).some((part) => part.startsWith('.')))
    .map((f) => join(root, f));
}

const GROUP_BY = (table: string) =>
  `SELECT "kabupaten_kota_kode", count(*) AS n, sum("jumlah_penduduk") AS total FROM ${table} GROUP BY 1`;
const FILTER_RUNS = 200;
const FILTER_WARMUP = 10;
const GROUP_RUNS = 5;

const bench: Benchmark = {
  name: 'ingest',
  doc: 'kendali import of a messy Indonesian CSV vs DuckDB raw read_csv→Parquet, DuckDB one read + a typed write by hand, and PostgreSQL COPY of the same file',
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

      const regencies = await regencyList();
      const csvText = `read_csv('${csv}', header=true, all_varchar=true)`;
      /** Milliseconds of `sql` in a fresh in-memory DuckDB, after `setup`; then `check` on it. */
      const duckTimed = async (
        sql: string,
        setup?: string,
        check?: (c: Awaited<ReturnType<DuckDBInstance['connect']>>) => Promise<void>,
      ): Promise<number> => {
        const duck = await DuckDBInstance.create(':memory:', {
          autoinstall_known_extensions: 'false',
          autoload_known_extensions: 'false',
        });
        const c = await duck.connect();
        try {
          if (setup) await c.run(setup);
          const d0 = performance.now();
          await c.run(sql);
          const ms = performance.now() - d0;
          await check?.(c);
          return ms;
        } finally {
          c.closeSync();
          duck.closeSync();
          rmSync(join(dir, 'out.parquet'), { force: true });
        }
      };
      /** DuckDB's raw read_csv → Parquet of the file (the floor), in ms. */
      const duckRaw = () =>
        duckTimed(
          `COPY (SELECT * FROM ${csvText}) TO '${join(dir, 'out.parquet')}' (FORMAT parquet, COMPRESSION zstd)`,
        );
      /** One read of every cell of the file: the least any pass that looks at every cell costs. */
      const duckRead = () =>
        duckTimed(`SELECT ${COLUMNS.map((c) => `count(${c})`).join(', ')} FROM ${csvText}`);
      /**
       * The typed write an import would do if it knew this file's formats beforehand: conversions
       * written by hand for exactly what generate() writes, the regency names joined to their codes,
       * no profiling, no checks. Every cell must convert (checked), so the work is all done.
       */
      const duckTyped = () =>
        duckTimed(
          `COPY (${typedByHand(csvText)}) TO '${join(dir, 'out.parquet')}' (FORMAT parquet, COMPRESSION zstd)`,
          `CREATE TABLE regency AS SELECT * FROM (VALUES ${regencies.map(([name, code]) => `('${name.replaceAll("'", "''")}', '${code}')`).join(', ')}) v(name, code)`,
          async (c) => {
            const r = await c.runAndReadAll(
              `SELECT count(*) AS n FROM read_parquet('${join(dir, 'out.parquet')}') WHERE ${TYPED.map((x) => `${x} IS NULL`).join(' OR ')}`,
            );
            const missed = Number(r.getRowObjectsJS()[0]?.n ?? -1);
            if (missed !== 0) throw new Error(`the hand-written typed write left ${missed} rows with a NULL`);
          },
        );
      /**
       * Writes dirty pages out before a timed run, so that none pays for the writing of the one
       * before it (the generated file, a peer's output).
       */
      const settle = () => execFileSync('sync');
      settle();
      const rawBeforeMs = await duckRaw();
      settle();
      const readMs = await duckRead();
      settle();
      const typedMs = await duckTyped();

      settle();
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
      let codes: string[] = [];
      let filterMs: number[] = [];
      let firstFilterMs = 0;
      let firstTotal = 0;
      let groupMs = 0;
      let groupMaxMs = 0;
      let groupCount = 0;
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

        // A handful of region codes the import resolved, to filter on.
        const distinct = await action<{ records: { kabupaten_kota_kode: string | null }[] }>(
          k.url,
          'datastore_search',
          {
            query: {
              resource_id: rid,
              distinct: 'true',
              fields: 'kabupaten_kota_kode',
              include_total: 'false',
              limit: '20',
            },
          },
        );
        codes = distinct.records.map((r) => r.kabupaten_kota_kode).filter((c): c is string => c !== null);
        if (codes.length === 0) throw new Error('datastore_search distinct found no kabupaten_kota_kode');

        // 1. datastore_search with one filter: sequential GETs, the code varying. The first one
        // counts its rows over the whole column; it also has the column's value counts kept.
        const filtered = (code: string) =>
          action<{ records: unknown[]; total: number }>(k.url, 'datastore_search', {
            query: { resource_id: rid, filters: JSON.stringify({ kabupaten_kota_kode: code }), limit: '100' },
          });
        const first = await timed(() => filtered(codes[0] as string));
        firstFilterMs = first.ms;
        firstTotal = first.result.total;
        filterMs = await sequentialMs(
          async (i) => {
            const code = codes[i % codes.length] as string;
            const r = await filtered(code);
            if (code === codes[0] && r.total !== firstTotal)
              throw new Error(`datastore_search total for ${code}: ${r.total}, counted ${firstTotal}`);
            if (r.records.length === 0) throw new Error(`datastore_search filter on ${code} found no rows`);
          },
          FILTER_RUNS,
          FILTER_WARMUP,
        );

        // 2. A GROUP BY over the whole table through datastore_search_sql.
        const groupTimes: number[] = [];
        const groupBy = async () => {
          const t = await timed(() =>
            action<{
              records: { n: number | string; total: number | string | null }[];
              records_truncated: boolean;
            }>(k.url, 'datastore_search_sql', { body: { sql: GROUP_BY(`"${rid}"`) } }),
          );
          groupTimes.push(t.ms);
          return t.result;
        };
        const grouped = await medianMs(groupBy, GROUP_RUNS, 1);
        groupMs = grouped.ms;
        groupMaxMs = Math.max(...groupTimes.slice(1));
        groupCount = grouped.result.records.length;
        const counted = grouped.result.records.reduce((sum, r) => sum + Number(r.n), 0);
        if (groupCount === 0 || grouped.result.records_truncated || counted !== rows)
          throw new Error(
            `datastore_search_sql GROUP BY gave ${groupCount} groups${grouped.result.records_truncated ? ' (truncated)' : ''} counting ${counted} rows, expected ${rows}`,
          );
      } finally {
        await k.stop();
      }

      // The same two queries straight in DuckDB over the Parquet file the import wrote.
      const files = datastoreParquet(data);
      const parquet = files.sort().at(-1);
      if (parquet === undefined) throw new Error(`no Parquet file under ${join(data, 'datastore')}`);
      const direct = await DuckDBInstance.create(':memory:', {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        threads: '2',
      });
      const dc = await direct.connect();
      const source = `read_parquet('${parquet.replaceAll("'", "''")}')`;
      const directFilter = await dc.prepare(
        `SELECT * FROM ${source} WHERE kabupaten_kota_kode = $1 LIMIT 100`,
      );
      const duckFilterMs = await sequentialMs(
        async (i) => {
          directFilter.bindVarchar(1, codes[i % codes.length] as string);
          const r = await directFilter.runAndReadAll();
          if (r.getRowObjectsJS().length === 0) throw new Error('DuckDB filter found no rows');
        },
        FILTER_RUNS,
        FILTER_WARMUP,
      );
      const duckGroupTimes: number[] = [];
      const duckGroup = await medianMs(
        async () => {
          const t = await timed(async () => (await dc.runAndReadAll(GROUP_BY(source))).getRowObjectsJS());
          duckGroupTimes.push(t.ms);
          return t.result;
        },
        GROUP_RUNS,
        1,
      );
      const duckGroupMaxMs = Math.max(...duckGroupTimes.slice(1));
      if (duckGroup.result.length !== groupCount)
        throw new Error(`DuckDB GROUP BY gave ${duckGroup.result.length} groups, Kendali ${groupCount}`);
      dc.closeSync();
      direct.closeSync();

      settle();
      const rawAfterMs = await duckRaw();
      // This machine's speed drifts by up to a quarter within minutes: the floor is the mean of a
      // run just before the import and one after it.
      const duckMs = (rawBeforeMs + rawAfterMs) / 2;

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
        settle();
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
          metric: 'import vs one read + the typed write by hand (no profiling)',
          unit: 's',
          ours: importMs / 1000,
          peer: (readMs + typedMs) / 1000,
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
        {
          metric: 'datastore_search one filter, p50 vs DuckDB direct on the Parquet',
          unit: 'ms',
          ours: percentile(filterMs, 50),
          peer: percentile(duckFilterMs, 50),
          better: 'lower',
          words: ['faster', 'slower'],
        },
        {
          metric: 'datastore_search one filter, p95 vs DuckDB direct on the Parquet',
          unit: 'ms',
          ours: percentile(filterMs, 95),
          peer: percentile(duckFilterMs, 95),
          better: 'lower',
          words: ['faster', 'slower'],
        },
        {
          metric: 'datastore_search_sql GROUP BY, median vs DuckDB direct on the Parquet',
          unit: 'ms',
          ours: groupMs,
          peer: duckGroup.ms,
          better: 'lower',
          words: ['faster', 'slower'],
        },
        {
          metric: 'datastore_search_sql GROUP BY, max vs DuckDB direct on the Parquet',
          unit: 'ms',
          ours: groupMaxMs,
          peer: duckGroupMaxMs,
          better: 'lower',
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
          `What any import that types this file costs at least, in DuckDB on the same file: one read of every cell (every cell must be looked at to type the file whole) ${(readMs / 1000).toFixed(2)} s, plus the typed write with this file's conversions written by hand (no profiling, no checks, every cell converted) ${(typedMs / 1000).toFixed(2)} s: ${((readMs + typedMs) / 1000).toFixed(2)} s, that is ${((readMs + typedMs) / duckMs).toFixed(2)}× DuckDB raw and ${((readMs + typedMs) / pgMs).toFixed(2)}× PostgreSQL COPY (the second target needs 0.5×), before the process starts, opens the catalog or publishes.`,
          `DuckDB raw ran just before the import (${(rawBeforeMs / 1000).toFixed(2)} s) and after it (${(rawAfterMs / 1000).toFixed(2)} s); the rows above use their mean, since this machine's speed drifts by up to a quarter within minutes.`,
          `The first datastore_search with a filter on kabupaten_kota_kode (${codes[0]}, total ${firstTotal.toLocaleString('en-US')}) took ${firstFilterMs.toFixed(1)} ms, counting its rows over the column; it also started keeping the column's value counts (one GROUP BY in the background; a version never changes), from which the totals of the searches below are read.`,
          `datastore_search one filter: ${FILTER_RUNS} sequential HTTP GETs (after ${FILTER_WARMUP} warm-up) of /api/3/action/datastore_search?resource_id=…&filters={"kabupaten_kota_kode": code}&limit=100, the code cycling over ${codes.length} codes from a distinct=true search (${codes.slice(0, 5).join(', ')}${codes.length > 5 ? ', …' : ''}); time per call including HTTP and JSON. Target p95 ≤ 50 ms.`,
          `datastore_search_sql GROUP BY: ${GROUP_BY('"<resource_id>"')} over all ${rows.toLocaleString('en-US')} rows, POSTed over HTTP; median and max of ${GROUP_RUNS} runs after 1 warm-up; ${groupCount} groups whose counts sum to the rows imported. Target ≤ 300 ms.`,
          `Peer for these rows: DuckDB in this process (threads=2, as the SQL sandbox's default) straight over the version's Parquet file — a prepared SELECT * … WHERE kabupaten_kota_kode = $1 LIMIT 100 with the same codes and runs, and the same GROUP BY on read_parquet — no HTTP, no JSON, no access checks, no sandbox.`,
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
