/**
 * Runs actions from the command line on the data directory: holds the directory's lock
 * (refused with the "in use" line while a server runs on it), opens the services, and calls
 * actions through the registry as the system sysadmin `system:cli` — never the database.
 */
import { InvalidArgumentError } from 'commander';
import type { ProgressSink } from '../actions/types.js';
import { type Config, loadConfig } from '../config/load.js';
import { lockDataDir } from '../server/lock.js';
import { sweepLeftovers } from '../server/sweep.js';
import { createProgress } from './progress.js';

export type CallAction = (name: string, input: unknown) => Promise<unknown>;

export interface DataDirOption {
  readonly dataDir?: string;
}

/**
 * `whileOpening`: called with the configuration once the data directory is held, before the
 * services load and open, to start work that needs no service (copying a file in, reading it)
 * alongside them; the services load once the promise it returns (if any) settles.
 */
export async function withActions<T>(
  opts: DataDirOption,
  fn: (call: CallAction, dataDir: string) => Promise<T>,
  onProgress?: ProgressSink,
  whileOpening?: (config: Config) => Promise<unknown> | undefined,
): Promise<T> {
  const env = { ...process.env };
  if (opts.dataDir) env.KENDALI_DATA_DIR = opts.dataDir;
  const config = loadConfig(env);
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    // Only a first start (seeding the demo) has progress worth showing; stdout stays for results.
    const progress = createProgress('kendali');
    // A dead process's leftovers go before this process starts work of its own in the directory.
    if (!config.databaseUrl) await sweepLeftovers(config.dataDir);
    // Work started here gets a head start: the modules below load once it says it is under way.
    await whileOpening?.(config)?.catch(() => undefined);
    // Loaded here, not at the top: a command starts without the whole application's modules
    // (about a second), and work started above runs while they load.
    const [{ openServices }, { makeContext }, { systemActor }] = await Promise.all([
      import('../server/services.js'),
      import('../http/context.js'),
      import('../auth/actor.js'),
    ]);
    const opened = await openServices(
      config,
      (label, done, total) => {
        if (done !== undefined && total !== undefined) progress.update(done, total, label);
      },
      (text) => {
        progress.stop();
        process.stderr.write(text);
      },
      // A command's DuckDB and files need the CPU more than a search index it may never use.
      { swept: true, warmSearch: false },
    );
    progress.stop();
    try {
      const ctx = makeContext(
        opened.registry,
        opened.services,
        systemActor('system:cli'),
        config.locale,
        'cli',
        { progress: onProgress },
      );
      return await fn((name, input) => opened.registry.call(name, ctx, input), config.dataDir);
    } finally {
      await opened.close();
    }
  } finally {
    unlock();
  }
}

/** Commander parser for a positive whole number of days. */
export function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`"${value}" is not a whole number of days`);
  return n;
}
