/**
 * Runs one checked statement on a DuckDB instance made for it and thrown away after it:
 * only the allowed tables' files are reachable (`allowed_paths`, then external access off),
 * the configuration is locked, memory, spill and threads are capped, and the connection is
 * interrupted when the time limit passes. Nothing outlives the query: views, settings,
 * spill files and the instance itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { internal } from '../../core/errors.js';
import type { CellValue } from '../backend.js';
import {
  type DuckDBConnection,
  DuckDBInstance,
  DuckDBTimestampTZValue,
  type DuckDBValue,
} from '../duckdb/api.js';
import { instanceSettings } from '../duckdb/engine.js';
import { columnTypeOf, quoteIdent, quoteLiteral } from '../duckdb/sql.js';
import { toCell } from '../duckdb/values.js';
import { sqlError } from './check.js';
import type { SandboxResult } from './index.js';

/** A table the statement may read, by the name it uses and its Parquet file (absolute path). */
export interface AllowedTable {
  readonly name: string;
  readonly path: string;
}

export interface RunLimits {
  readonly timeoutMs: number;
  readonly maxRows: number;
  readonly memoryLimit: string;
  readonly maxTempDirectorySize: string;
  readonly threads: number;
  /** Parent of each query's own spill directory. */
  readonly spillRoot: string;
  readonly extensionDir: string;
}

/** DuckDB's options for an isolated instance (before its first statement). */
export function isolatedSettings(limits: RunLimits, spillDir: string): Record<string, string> {
  return {
    ...instanceSettings({ spillDir, extensionDir: limits.extensionDir }),
    memory_limit: limits.memoryLimit,
    max_temp_directory_size: limits.maxTempDirectorySize,
    threads: String(limits.threads),
  };
}

/** Results larger than this (text characters, 8 per other value) are refused rather than sent. */
export const MAX_RESULT_SIZE = 64 * 1024 * 1024;

/** A new instance and its connection, not yet locked down: a worker makes one ahead of its next query. */
export interface FreshInstance {
  readonly instance: DuckDBInstance;
  readonly connection: DuckDBConnection;
  readonly spillDir: string;
}

export async function openFresh(limits: RunLimits): Promise<FreshInstance> {
  const spillDir = await mkdtemp(join(limits.spillRoot, 'q-'));
  let instance: DuckDBInstance | undefined;
  try {
    instance = await DuckDBInstance.create(':memory:', isolatedSettings(limits, spillDir));
    const connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    return { instance, connection, spillDir };
  } catch (e) {
    instance?.closeSync();
    await rm(spillDir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Runs `sql` (one SELECT, already checked, with its row cap) over `tables`, on `fresh` (used
 * once, closed afterwards) or on an instance made now.
 */
export async function runIsolated(
  sql: string,
  tables: readonly AllowedTable[],
  limits: RunLimits,
  fresh?: FreshInstance,
): Promise<SandboxResult> {
  const { instance, connection, spillDir } = fresh ?? (await openFresh(limits));
  try {
    await lockDown(connection, tables);
    return await runTimed(connection, sql, limits, (m) => userMessage(m, tables, limits.spillRoot));
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(spillDir, { recursive: true, force: true });
  }
}

/**
 * Only the allowed files are reachable (`allowed_paths` is instance-wide and cannot change once
 * external access is off, hence an instance per query); then the views, bound through that gate.
 */
async function lockDown(connection: DuckDBConnection, tables: readonly AllowedTable[]): Promise<void> {
  const paths = tables.map((t) => quoteLiteral(t.path)).join(', ');
  await connection.run(`SET allowed_paths = [${paths}]`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
  for (const table of tables) {
    try {
      await connection.run(
        `CREATE VIEW ${quoteIdent(table.name)} AS SELECT * FROM read_parquet(${quoteLiteral(table.path)})`,
      );
    } catch (e) {
      throw internal(`the SQL sandbox could not open table ${JSON.stringify(table.name)}`, e);
    }
  }
}

/**
 * Runs the query under the time limit, reading its result chunk by chunk: at most `maxRows` rows
 * are kept (one more tells that it was truncated), and the read stops as soon as what is kept
 * passes MAX_RESULT_SIZE, so an oversized result is refused without being built whole.
 */
async function runTimed(
  connection: DuckDBConnection,
  sql: string,
  limits: RunLimits,
  message: (e: unknown) => string,
): Promise<SandboxResult> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, limits.timeoutMs);
  const tooLarge = sqlError(
    `the result is larger than ${MAX_RESULT_SIZE / 1024 / 1024} MB; ask for fewer rows or columns`,
  );
  try {
    const result = await connection.stream(sql);
    const names = result.columnNames();
    const fields = result
      .columnTypes()
      .map((t, i) => ({ id: names[i] ?? '', type: columnTypeOf(t.toString()) }));
    const records: Record<string, CellValue>[] = [];
    let truncated = false;
    let size = 0;
    while (!truncated) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      for (const row of chunk.getRows()) {
        if (records.length >= limits.maxRows) {
          truncated = true;
          break;
        }
        const record: Record<string, CellValue> = {};
        names.forEach((name, i) => {
          const value = cell(row[i] ?? null);
          size += typeof value === 'string' ? value.length : 8;
          record[name] = value;
        });
        if (size > MAX_RESULT_SIZE) throw tooLarge;
        records.push(record);
      }
    }
    return { fields, records, records_truncated: truncated };
  } catch (e) {
    if (e === tooLarge) throw e;
    throw timedOut ? timeoutError(limits.timeoutMs) : sqlError(message(e));
  } finally {
    clearTimeout(timer);
  }
}

export const timeoutError = (timeoutMs: number) =>
  sqlError(`the query ran longer than ${timeoutMs / 1000} s and was stopped`);

/** DuckDB's message for the caller, with file paths replaced by table names. */
function userMessage(e: unknown, tables: readonly AllowedTable[], spillRoot: string): string {
  // Without DuckDB's echo of the statement and its tuning advice (SET … is not the caller's to run).
  let text =
    (e instanceof Error ? e.message : String(e)).split(/\n\s*(?:LINE \d+:|Possible solutions:)/)[0] ?? '';
  for (const table of tables) text = text.replaceAll(table.path, JSON.stringify(table.name));
  return text.replaceAll(spillRoot, '<spill>').trim();
}

/** As the datastore's cells, with TIMESTAMPTZ as an ISO instant too. */
function cell(value: DuckDBValue): CellValue {
  if (value instanceof DuckDBTimestampTZValue) {
    const ms = Number(value.micros / 1000n);
    const date = new Date(ms);
    const year = date.getUTCFullYear();
    return year >= 0 && year <= 9999 ? date.toISOString() : value.toString();
  }
  return toCell(value);
}
