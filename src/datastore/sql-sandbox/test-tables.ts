/**
 * Test fixture: Parquet files written by DuckDB's COPY in a temporary directory, laid out as the
 * datastore lays them out: a public table named by a resource id, a lookup table, and a
 * private table the caller may not read.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isKendaliError, type KendaliError } from '../../core/errors.js';
import { DuckDBInstance } from '../duckdb/api.js';
import type { SandboxTable } from './index.js';

export const PUBLIC_NAME = '0b6f3a52-6d0e-4c1a-9d55-3c0b8a7e1f20';
export const PUBLIC_ROWS = 10_000;

export interface Fixture {
  readonly dir: string;
  /** Penduduk per province and year: id, kode, tahun, nilai, tanggal, waktu (10,000 rows). */
  readonly penduduk: SandboxTable;
  /** Province codes and names (6 rows). */
  readonly provinsi: SandboxTable;
  /** A private table: its file exists but it is not in the caller's list. */
  readonly rahasia: SandboxTable;
  /** The tables the caller may read. */
  readonly readable: readonly SandboxTable[];
  remove(): void;
}

export async function writeFixture(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'kendali-sql-sandbox-'));
  const file = (tableId: string) => {
    mkdirSync(join(dir, 'datastore', tableId), { recursive: true });
    return join(dir, 'datastore', tableId, 'v1.parquet');
  };
  const penduduk = { name: PUBLIC_NAME, parquetPath: file('0b6f3a526d0e4c1a9d553c0b8a7e1f20') };
  const provinsi = { name: 'provinsi', parquetPath: file('provinsi') };
  const rahasia = { name: 'rahasia', parquetPath: file('rahasia') };
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (
      SELECT i::BIGINT AS id, ['11','12','31','32','33','96'][i % 6 + 1] AS kode, (2020 + i % 5)::BIGINT AS tahun,
             i * 1.5 AS nilai, DATE '2024-01-01' + (i % 28)::INTEGER AS tanggal,
             TIMESTAMP '2024-01-01 00:00:00' + to_hours(i) AS waktu
      FROM range(${PUBLIC_ROWS}) r(i)) TO '${penduduk.parquetPath}' (FORMAT parquet)`);
    await connection.run(`COPY (SELECT * FROM (VALUES ('11', 'Aceh'), ('12', 'Sumatera Utara'),
      ('31', 'DKI Jakarta'), ('32', 'Jawa Barat'), ('33', 'Jawa Tengah'), ('96', 'Papua Barat Daya'))
      AS p(kode, nama)) TO '${provinsi.parquetPath}' (FORMAT parquet)`);
    await connection.run(
      `COPY (SELECT 'kata sandi' AS rahasia) TO '${rahasia.parquetPath}' (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return {
    dir,
    penduduk,
    provinsi,
    rahasia,
    readable: [penduduk, provinsi],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The KendaliError a promise rejects with (fails when it resolves or rejects otherwise). */
export async function failure(promise: Promise<unknown>): Promise<KendaliError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isKendaliError(e)) throw new Error(`expected a KendaliError, got ${String(e)}`);
  return e;
}

/** The one message of a Validation error on `sql`. */
export const sqlMessage = (e: KendaliError): string => e.fields?.sql?.[0] ?? `(no sql field: ${e.message})`;
