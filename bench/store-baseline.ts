/**
 * store-baseline: Kendali's datastore (DuckDB over Parquet, through DatastoreBackend) against
 * PostgreSQL on the same generated CSV: (a) load the file, (b) one group-by aggregate.
 *
 * PostgreSQL: `KENDALI_BENCH_DATABASE_URL` (default postgres://postgres:postgres@127.0.0.1:5432/postgres),
 * a superuser or a member of pg_read_server_files on the same machine (the server reads the CSV
 * itself). A throw-away database `kendali_bench_<random>` is created and dropped.
 * `KENDALI_BENCH_ROWS` changes the row count (default 1,000,000).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AggregateQuery, CellValue, DatastoreBackend } from '../src/datastore/backend.js';
import { openDuckDbDatastore } from '../src/datastore/duckdb/index.js';
import { type Benchmark, type BenchResult, medianMs } from './lib.js';
import { COLUMNS, generateCsv } from './observations.js';

const DEFAULT_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
/** Loads timed per side; the median is reported. */
const LOAD_RUNS = 3;
const PG_TABLE = `CREATE TABLE observations (province_code text, regency_code text, year integer,
  indicator text, value double precision, note text)`;
const PG_AGGREGATE = `SELECT province_code, year, sum(value) AS sum_value, avg(value) AS avg_value, count(*) AS count
  FROM observations GROUP BY province_code, year ORDER BY province_code, year`;
const AGGREGATE: AggregateQuery = {
  groupBy: ['province_code', 'year'],
  measures: [
    { column: 'value', fn: 'sum' },
    { column: 'value', fn: 'avg' },
    { column: '*', fn: 'count' },
  ],
};

/** Same groups, same counts, sums and averages equal to a relative 1e-9. */
function checkSameAnswer(
  ours: readonly Record<string, CellValue>[],
  peer: readonly Record<string, unknown>[],
): void {
  if (ours.length !== peer.length) throw new Error(`group counts differ: ${ours.length} vs ${peer.length}`);
  const close = (a: unknown, b: unknown) =>
    Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b)));
  ours.forEach((o, i) => {
    const p = peer[i] ?? {};
    const same =
      o.province_code === p.province_code &&
      o.year === p.year &&
      Number(o.count) === Number(p.count) &&
      close(o.sum_value, p.sum_value) &&
      close(o.avg_value, p.avg_value);
    if (!same) throw new Error(`group ${i} differs: ${JSON.stringify(o)} vs ${JSON.stringify(p)}`);
  });
}

async function runBenchmark(): Promise<BenchResult> {
  const rows = Number(process.env.KENDALI_BENCH_ROWS ?? 1_000_000);
  const url = process.env.KENDALI_BENCH_DATABASE_URL ?? DEFAULT_URL;
  const dir = mkdtempSync(join(tmpdir(), 'kendali-bench-'));
  chmodSync(dir, 0o755); // the PostgreSQL server process reads the CSV itself
  const csv = join(dir, 'observations.csv');
  const database = `kendali_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  let client: pg.Client | undefined;
  let store: DatastoreBackend | undefined;
  let created = false;
  try {
    await admin.connect();
    store = await openDuckDbDatastore(join(dir, 'data'));
    const ours = store;
    const load = loadavg()[0]?.toFixed(2);
    const csvBytes = generateCsv(csv, rows);
    chmodSync(csv, 0o644);

    // (a) load: CSV → Parquet through DatastoreBackend, CSV → table through COPY; each a
    // median of LOAD_RUNS loads into a fresh version / fresh table.
    let version = 0;
    const oursLoad = await medianMs(
      () =>
        ours.writeVersion(
          { tableId: 'observations', version: ++version },
          { kind: 'csv', path: csv, columns: COLUMNS },
        ),
      LOAD_RUNS,
      0,
    );
    if (oursLoad.result.rowCount !== rows) throw new Error(`Kendali loaded ${oursLoad.result.rowCount} rows`);
    const ref = { tableId: 'observations', version: 1 };

    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    created = true;
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${database}`;
    client = new pg.Client({ connectionString: dbUrl.toString() });
    await client.connect();
    const conn = client;
    for (let i = 1; i <= LOAD_RUNS; i++)
      await conn.query(PG_TABLE.replace('observations', `observations_${i}`));
    let table = 0;
    const peerLoad = await medianMs(
      () =>
        conn.query(
          `COPY observations_${++table} FROM ${pg.escapeLiteral(csv)} WITH (FORMAT csv, HEADER true)`,
        ),
      LOAD_RUNS,
      0,
    );
    if (peerLoad.result.rowCount !== rows)
      throw new Error(`PostgreSQL loaded ${peerLoad.result.rowCount} rows`);
    await conn.query('ALTER TABLE observations_1 RENAME TO observations');
    for (let i = 2; i <= LOAD_RUNS; i++) await conn.query(`DROP TABLE observations_${i}`);
    await conn.query('VACUUM ANALYZE observations');
    const info = await conn.query<{ bytes: string; version: string; workers: string; buffers: string }>(
      `SELECT pg_total_relation_size('observations') AS bytes, current_setting('server_version') AS version,
        current_setting('max_parallel_workers_per_gather') AS workers, current_setting('shared_buffers') AS buffers`,
    );
    const peerInfo = info.rows[0];
    if (peerInfo === undefined) throw new Error('no answer from PostgreSQL');

    // (b) the same group-by, median of 5 after a warm-up
    const oursAgg = await medianMs(() => ours.aggregate(ref, AGGREGATE));
    const peerAgg = await medianMs(() => conn.query(PG_AGGREGATE));
    checkSameAnswer(oursAgg.result, peerAgg.result.rows);

    const mb = (bytes: number) => bytes / 1_000_000;
    const groups = oursAgg.result.length;
    return {
      peer: `PostgreSQL ${peerInfo.version.split(' ')[0]}`,
      rows: [
        {
          metric: `load ${rows.toLocaleString('en-US')}-row CSV`,
          unit: 's',
          ours: oursLoad.ms / 1000,
          peer: peerLoad.ms / 1000,
          better: 'lower',
          words: ['faster', 'slower'],
        },
        {
          metric: 'load rate',
          unit: 'rows/s',
          ours: rows / (oursLoad.ms / 1000),
          peer: rows / (peerLoad.ms / 1000),
          better: 'higher',
          words: ['faster', 'slower'],
        },
        {
          metric: 'stored size',
          unit: 'MB',
          ours: mb(oursLoad.result.bytes),
          peer: mb(Number(peerInfo.bytes)),
          better: 'lower',
          words: ['smaller', 'larger'],
        },
        {
          metric: `group-by aggregate, ${groups} groups`,
          unit: 'ms',
          ours: oursAgg.ms,
          peer: peerAgg.ms,
          better: 'lower',
          words: ['faster', 'slower'],
        },
      ],
      notes: [
        `CSV: ${rows.toLocaleString('en-US')} rows, ${mb(csvBytes).toFixed(1)} MB, generated with seededRandom(2024); ${availableParallelism()} CPU cores, load average ${load} at the start.`,
        `Load: median of ${LOAD_RUNS}. Kendali = writeVersion (csv source, declared columns): read_csv → Parquet (zstd) in a temp file, fsync, link into place.`,
        `PostgreSQL load = server-side COPY FROM the same file into a fresh table (no indexes, WAL on); shared_buffers ${peerInfo.buffers}.`,
        `Aggregate: GROUP BY province_code, year → sum(value), avg(value), count(*); median of 5 runs after 1 warm-up; same answer checked group by group; PostgreSQL max_parallel_workers_per_gather = ${peerInfo.workers}.`,
        'Stored size: the Parquet file vs pg_total_relation_size after VACUUM ANALYZE.',
      ],
    };
  } finally {
    await client?.end().catch(() => undefined);
    try {
      if (created) await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    } finally {
      await admin.end().catch(() => undefined);
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const benchmark: Benchmark = {
  name: 'store-baseline',
  doc: 'load a 1M-row CSV and run a group-by: DuckDB/Parquet datastore vs PostgreSQL COPY + SQL',
  run: runBenchmark,
};

export default benchmark;
