/**
 * Where versions live on disk: `<dataDir>/datastore/<tableId>/v<version>.parquet`, and the
 * checks on table ids and versions that keep those paths inside the data directory.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type FieldErrors, validation } from '../../core/errors.js';
import type { TableRef } from '../backend.js';

const TABLE_ID = /^[a-z0-9_]{1,64}$/;
const VERSION_FILE = /^v([1-9][0-9]*)\.parquet$/;

export function tableIdErrors(tableId: unknown): string[] {
  return typeof tableId === 'string' && TABLE_ID.test(tableId)
    ? []
    : ['must be 1 to 64 characters of a-z, 0-9 and _'];
}

export function checkTableId(tableId: string): void {
  const errors = tableIdErrors(tableId);
  if (errors.length > 0) throw validation({ tableId: errors });
}

export function checkRef(ref: TableRef): void {
  const fields: FieldErrors = {};
  const idErrors = tableIdErrors(ref.tableId);
  if (idErrors.length > 0) fields.tableId = idErrors;
  if (!Number.isSafeInteger(ref.version) || ref.version < 1) fields.version = ['must be a positive integer'];
  if (Object.keys(fields).length > 0) throw validation(fields);
}

export class DatastoreFiles {
  /** `<dataDir>/datastore`: one directory per table. */
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'datastore');
  }

  tableDir(tableId: string): string {
    return join(this.root, tableId);
  }

  versionFile(ref: TableRef): string {
    return join(this.tableDir(ref.tableId), `v${ref.version}.parquet`);
  }

  /** DuckDB's spill directory; its leading dot keeps it apart from table ids. */
  get spillDir(): string {
    return join(this.root, '.duckdb_tmp');
  }

  /** Where DuckDB would look for extensions: kept empty, so nothing outside is ever loaded. */
  get extensionDir(): string {
    return join(this.root, '.duckdb_extensions');
  }

  async listVersions(tableId: string): Promise<number[]> {
    checkTableId(tableId);
    let names: string[];
    try {
      names = await readdir(this.tableDir(tableId));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const versions: number[] = [];
    for (const name of names) {
      const m = VERSION_FILE.exec(name);
      if (m?.[1] !== undefined) versions.push(Number(m[1]));
    }
    return versions.filter(Number.isSafeInteger).sort((a, b) => a - b);
  }

  async dropTable(tableId: string): Promise<void> {
    checkTableId(tableId);
    await rm(this.tableDir(tableId), { recursive: true, force: true });
  }
}
