/**
 * One in-memory DuckDB instance per datastore, a fresh connection per operation, and a close
 * that interrupts and closes every connection still open. The instance never downloads or
 * loads an extension: json, parquet and icu are built in, and everything else fails at once.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { internal } from '../../core/errors.js';
import { type DuckDBConnection, DuckDBInstance } from './api.js';

export interface EngineOptions {
  /** DuckDB's spill directory for queries larger than memory. */
  readonly spillDir: string;
  /** An (empty) extension directory, so extensions installed elsewhere on the machine stay unused. */
  readonly extensionDir: string;
}

/** Settings applied when the instance is created (DuckDB's option names, string values). */
export function instanceSettings(options: EngineOptions): Record<string, string> {
  return {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    // A local path that does not exist: a plain `INSTALL x` fails without touching the network.
    custom_extension_repository: `${options.extensionDir}/no-repository`,
    extension_directory: options.extensionDir,
    temp_directory: options.spillDir,
  };
}

/**
 * A throwaway in-memory DuckDB for work on the files of one job under `workDir` (spilling there,
 * with the same settings: no extension is ever fetched or loaded).
 */
export async function scratchInstance(
  workDir: string,
  name: string,
  memoryLimit: string,
): Promise<DuckDBInstance> {
  const extensionDir = join(workDir, `${name}-ext`);
  await mkdir(extensionDir, { recursive: true });
  return DuckDBInstance.create(':memory:', {
    ...instanceSettings({ spillDir: workDir, extensionDir }),
    memory_limit: memoryLimit,
  });
}

interface Operation {
  connection: DuckDBConnection | undefined;
  readonly done: Promise<void>;
}

export class Engine {
  /** Operations under way (connecting or running), each settled when it ends. */
  private readonly running = new Set<Operation>();
  private closed = false;
  private readonly closer = new AbortController();

  private constructor(private readonly instance: DuckDBInstance) {}

  static async create(options: EngineOptions): Promise<Engine> {
    await mkdir(options.spillDir, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', instanceSettings(options));
    // Timestamps without an offset are UTC, whatever the machine's zone (ICU's setting, so
    // it cannot be given at creation).
    const connection = await instance.connect();
    try {
      await connection.run("SET GLOBAL TimeZone = 'UTC'");
      // Version files never change once published: keep their Parquet footers in memory, so a
      // page read does not parse the footer again for the count and the rows.
      await connection.run('SET GLOBAL parquet_metadata_cache = true');
    } finally {
      connection.closeSync();
    }
    return new Engine(instance);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Aborted when close() begins, so operations waiting on something else than DuckDB end too. */
  get closing(): AbortSignal {
    return this.closer.signal;
  }

  /** Runs `fn` on a connection of its own, closed afterwards whatever happens. */
  async withConnection<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw closedError();
    let release = (): void => {};
    const op: Operation = { connection: undefined, done: new Promise((resolve) => (release = resolve)) };
    this.running.add(op);
    try {
      op.connection = await this.instance.connect();
      if (this.closed) throw closedError();
      return await fn(op.connection);
    } finally {
      op.connection?.closeSync();
      this.running.delete(op);
      release();
    }
  }

  /** Interrupts running operations, waits for them to end, then closes the instance. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closer.abort();
    const running = [...this.running];
    for (const op of running) op.connection?.interrupt();
    await Promise.all(running.map((op) => op.done));
    this.instance.closeSync();
  }
}

const closedError = () => internal('the DuckDB datastore is closed');
