/**
 * The default datastore: DuckDB over Parquet files, one immutable file per table version at
 * `<dataDir>/datastore/<tableId>/v<version>.parquet`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { conflict, notFound } from '../../core/errors.js';
import type { DatastoreBackend, TableRef, TableVersionInfo } from '../backend.js';
import { aggregateVersion } from './aggregate.js';
import type { DuckDBConnection } from './api.js';
import { checkSource } from './check.js';
import { deriveParquet } from './derive.js';
import { diffVersions } from './diff.js';
import { Engine } from './engine.js';
import { checkRef, DatastoreFiles } from './files.js';
import { exists, publishAtomically } from './publish.js';
import { countRows, openSource, queryVersion } from './read.js';
import { streamVersion } from './stream.js';
import { ValueCounts } from './value-counts.js';
import { type Written, writeParquet } from './write.js';

export { instanceSettings } from './engine.js';

export async function openDuckDbDatastore(dataDir: string): Promise<DatastoreBackend> {
  const files = new DatastoreFiles(dataDir);
  const engine = await Engine.create({ spillDir: files.spillDir, extensionDir: files.extensionDir });
  /** Versions being written by this process, so two writers of one version fail fast. */
  const writing = new Set<string>();
  const label = (ref: TableRef) => `datastore table ${ref.tableId} version ${ref.version}`;
  /** Value counts of filtered text columns, for the totals of equality filters (value-counts.ts). */
  const counts = new ValueCounts((fn) => engine.withConnection(fn));

  /** The file of an existing version (checked), for reading. */
  async function existingFile(ref: TableRef): Promise<string> {
    checkRef(ref);
    const path = files.versionFile(ref);
    if (!(await exists(path))) throw notFound(label(ref));
    return path;
  }

  async function describe(ref: TableRef): Promise<TableVersionInfo> {
    const path = await existingFile(ref);
    const { size } = await stat(path);
    return engine.withConnection(async (connection) => {
      const source = await openSource(connection, path);
      const rowCount = await countRows(connection, source);
      return { tableId: ref.tableId, version: ref.version, columns: source.columns, rowCount, bytes: size };
    });
  }

  /** Writes a version with `write` into a temporary file and publishes it atomically. */
  async function publishVersion(
    ref: TableRef,
    write: (connection: DuckDBConnection, tempPath: string) => Promise<Written>,
  ): Promise<TableVersionInfo> {
    const key = `${ref.tableId}/${ref.version}`;
    if (writing.has(key)) throw conflict(`${label(ref)} is being written`);
    writing.add(key);
    try {
      const finalPath = files.versionFile(ref);
      const written = await publishAtomically(finalPath, label(ref), (tempPath) =>
        engine.withConnection((connection) => write(connection, tempPath)),
      );
      const { size } = await stat(finalPath);
      const { tableId, version } = ref;
      return { tableId, version, columns: written.columns, rowCount: written.rowCount, bytes: size };
    } finally {
      writing.delete(key);
    }
  }

  return {
    kind: 'duckdb',

    async writeVersion(ref, source) {
      checkRef(ref);
      checkSource(source);
      return publishVersion(ref, (connection, tempPath) => writeParquet(connection, source, tempPath));
    },

    async deriveVersion(ref, base, change) {
      checkRef(ref);
      const basePath = base === null ? null : await existingFile(base);
      return publishVersion(ref, (connection, tempPath) =>
        deriveParquet(connection, basePath, change, tempPath),
      );
    },

    describe,

    localFile: (ref) => existingFile(ref),

    listVersions: (tableId) => files.listVersions(tableId),

    async query(ref, query = {}) {
      const path = await existingFile(ref);
      return engine.withConnection(async (connection) =>
        queryVersion(connection, await openSource(connection, path), query, counts),
      );
    },

    async aggregate(ref, query) {
      const path = await existingFile(ref);
      return engine.withConnection(async (connection) =>
        aggregateVersion(connection, await openSource(connection, path), query),
      );
    },

    stream: async (ref, options) => streamVersion(engine, await existingFile(ref), options),

    async versionFile(ref) {
      const path = await existingFile(ref);
      const { size } = await stat(path);
      return { format: 'parquet', bytes: size, open: () => createReadStream(path) };
    },

    async diff(from, to, key, options) {
      const [fromPath, toPath] = [await existingFile(from), await existingFile(to)];
      return engine.withConnection(async (connection) =>
        diffVersions(
          connection,
          { version: from.version, source: await openSource(connection, fromPath) },
          { version: to.version, source: await openSource(connection, toPath) },
          key,
          options,
        ),
      );
    },

    dropTable: (tableId) => files.dropTable(tableId),

    async ping() {
      if (engine.isClosed) return false;
      try {
        return await engine.withConnection(async (connection) => {
          const reader = await connection.runAndReadAll('SELECT 1');
          return reader.getRows()[0]?.[0] === 1;
        });
      } catch {
        return false;
      }
    },

    close: () => engine.close(),
  };
}
