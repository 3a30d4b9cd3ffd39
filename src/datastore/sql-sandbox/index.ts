/**
 * The engine of CKAN's `datastore_search_sql`: one caller-written SELECT over the tables the
 * caller may read, and nothing else.
 *
 * ```ts
 * const sandbox = await SqlSandbox.create({ dataDir: '<data>/datastore/.sql_sandbox' });
 * const { fields, records, records_truncated } = await sandbox.query(
 *   'SELECT tahun, sum(nilai) FROM "5f0c…-…" GROUP BY tahun',
 *   [{ name: '5f0c…-…', parquetPath: '/…/datastore/5f0c…/v3.parquet' }],
 * );
 * await sandbox.close();
 * ```
 *
 * Walls, each holding on its own:
 * 1. **Parser check** (check.ts) on DuckDB's own AST (`json_serialize_sql`, parse.ts): exactly
 *    one SELECT (set operations, CTEs, subqueries, VALUES, PIVOT are fine); every table it
 *    names is an allowed table or a CTE in scope, unqualified (or `main.`); no table function
 *    at all (`read_csv`, `read_parquet`, `glob`, `range`, `query` …); no DESCRIBE/SHOW/SUMMARIZE;
 *    no function from a deny list (`current_setting`, sleeps, `write_log`, sequences, and the
 *    built-in macros that expand to catalog queries). Anything else — PRAGMA, SET, ATTACH,
 *    COPY, INSTALL, LOAD, EXPORT, IMPORT, CALL, DDL, DML — is not a SELECT and is refused.
 *    The text that runs (the statement wrapped with the row cap) is checked again.
 * 2. **A DuckDB instance per query** (run.ts, ~10 ms): `allowed_paths` = exactly the allowed
 *    tables' Parquet files, then `enable_external_access = false` (no other file, no network,
 *    no extension; it cannot be switched back on), then `lock_configuration = true`; then one
 *    view per allowed table. Memory, spill size and threads capped; autoinstall/autoload off
 *    (the datastore's `instanceSettings`). Thrown away afterwards with its spill directory.
 * 3. **A worker process** (pool.ts, worker.ts) under an OS data-size limit (RLIMIT_DATA), as
 *    DuckDB's memory_limit does not bound every allocation and some scalar functions ignore
 *    the interrupt: an oversized allocation fails inside the worker, and a worker that has not
 *    stopped 1 s after the time limit is killed and replaced. The server process only parses.
 *
 * Time limit: the connection is interrupted after `timeoutMs`. Row cap: the statement runs as
 * `SELECT * FROM (<sql>) LIMIT maxRows + 1`; `records_truncated` says whether more came back.
 * Results over 64 MB are refused.
 * Every refusal is a Validation error on `sql` (CKAN's 409) saying what was refused and why;
 * an unknown or unreadable table is `unknown table "x"` alike, so a private table is not
 * revealed. Types in `fields` are the datastore's ColumnType; values are JS cells as in
 * datastore_search (dates `YYYY-MM-DD`, timestamps ISO in UTC, big integers as numbers).
 */
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { configError, internal, isKendaliError } from '../../core/errors.js';
import type { CellValue, ColumnType } from '../backend.js';
import { DuckDBInstance } from '../duckdb/api.js';
import { type CheckContext, checkSerialized, sqlError } from './check.js';
import { SqlParser } from './parse.js';
import { WorkerPool } from './pool.js';
import { type AllowedTable, isolatedSettings, type RunLimits } from './run.js';

export interface SandboxTable {
  /** How the SQL names it: a resource id (uuid with dashes), a dataset name …; quoted or not. */
  readonly name: string;
  /** Absolute path of the version's Parquet file. */
  readonly parquetPath: string;
}

export interface SandboxOptions {
  /** A directory of the sandbox's own: `spill/` (one directory per query) and an empty `extensions/`. */
  readonly dataDir: string;
  /** Default 5,000. */
  readonly timeoutMs?: number;
  /** Rows returned at most; default 32,000 (CKAN's cap). */
  readonly maxRows?: number;
  /** DuckDB's memory_limit per query; default '512MB'. */
  readonly memoryLimit?: string;
  /** DuckDB's max_temp_directory_size per query; default '1GB'. */
  readonly maxTempDirectorySize?: string;
  /** DuckDB threads per query; default 2. */
  readonly threads?: number;
  /** Queries running at once, each in a worker process of its own; more wait. Default 4. */
  readonly maxConcurrent?: number;
  /** OS limit on each worker process's data (RLIMIT_DATA), in MiB; default 2,048. */
  readonly workerMemoryMb?: number;
}

export interface SandboxResult {
  readonly fields: { readonly id: string; readonly type: ColumnType }[];
  readonly records: Record<string, CellValue>[];
  readonly records_truncated: boolean;
}

/** After the time limit, how long an interrupted query may take to stop before its worker is killed. */
const STOP_GRACE_MS = 1_000;

export class SqlSandbox {
  private closed = false;

  private constructor(
    private readonly parser: SqlParser,
    private readonly pool: WorkerPool,
    private readonly limits: Omit<RunLimits, 'spillRoot'>,
  ) {}

  static async create(options: SandboxOptions): Promise<SqlSandbox> {
    const positive = (name: string, value: number | undefined, fallback: number): number => {
      const v = value ?? fallback;
      if (!Number.isSafeInteger(v) || v < 1)
        throw configError(`SQL sandbox: ${name} must be a whole number ≥ 1`);
      return v;
    };
    const spillRoot = join(options.dataDir, 'spill');
    const limits = {
      timeoutMs: positive('timeoutMs', options.timeoutMs, 5_000),
      maxRows: positive('maxRows', options.maxRows, 32_000),
      threads: positive('threads', options.threads, 2),
      memoryLimit: options.memoryLimit ?? '512MB',
      maxTempDirectorySize: options.maxTempDirectorySize ?? '1GB',
      extensionDir: join(options.dataDir, 'extensions'),
    };
    const pool = new WorkerPool({
      size: positive('maxConcurrent', options.maxConcurrent, 4),
      memoryMb: positive('workerMemoryMb', options.workerMemoryMb, 2_048),
      spillRoot,
      graceMs: STOP_GRACE_MS,
    });
    await mkdir(spillRoot, { recursive: true });
    await mkdir(limits.extensionDir, { recursive: true });
    try {
      (
        await DuckDBInstance.create(':memory:', isolatedSettings({ ...limits, spillRoot }, spillRoot))
      ).closeSync();
    } catch (e) {
      throw configError(`SQL sandbox: DuckDB refused the limits (${e instanceof Error ? e.message : e})`);
    }
    const parser = await SqlParser.create({ spillDir: spillRoot, extensionDir: limits.extensionDir });
    return new SqlSandbox(parser, pool, limits);
  }

  /** Runs `sql` (one SELECT) over `tables`, the only tables it may name. */
  async query(sql: string, tables: readonly SandboxTable[]): Promise<SandboxResult> {
    if (this.closed) throw internal('the SQL sandbox is closed');
    const allowed = allowedTables(tables);
    const ctx: CheckContext = {
      tables: new Set(allowed.map((t) => t.name.toLowerCase())),
      deniedFunctions: this.parser.deniedFunctions,
    };
    checkSerialized(await this.parser.parse(sql), ctx);
    // What runs is what was checked: the statement with its row cap goes through the check again.
    const body = sql.replace(/[\s;]+$/, '');
    const wrapped = `SELECT * FROM (\n${body}\n) AS kendali_sql LIMIT ${this.limits.maxRows + 1}`;
    const checked = await this.parser.parse(wrapped).catch((e: unknown) => {
      throw isKendaliError(e)
        ? sqlError('the statement cannot run as a subquery (text after its final ";"?)')
        : e;
    });
    checkSerialized(checked, ctx);
    return this.pool.run({ sql: wrapped, tables: allowed, limits: this.limits });
  }

  /** Stops running queries (they fail), the worker processes and the parser. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.close();
    this.parser.close();
  }
}

/** The caller's tables by name (DuckDB matches names case-insensitively); paths made absolute. */
function allowedTables(tables: readonly SandboxTable[]): AllowedTable[] {
  const byName = new Map<string, AllowedTable>();
  for (const t of tables) {
    if (t.name === '' || t.name.includes('\0'))
      throw internal(`invalid SQL sandbox table name ${JSON.stringify(t.name)}`);
    if (!isAbsolute(t.parquetPath))
      throw internal(`SQL sandbox table ${JSON.stringify(t.name)}: path is not absolute`);
    const path = resolve(t.parquetPath);
    const seen = byName.get(t.name.toLowerCase());
    if (seen && seen.path !== path)
      throw internal(`two SQL sandbox tables are named ${JSON.stringify(t.name)}`);
    byName.set(t.name.toLowerCase(), { name: t.name, path });
  }
  return [...byName.values()];
}
