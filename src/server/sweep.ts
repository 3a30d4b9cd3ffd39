/**
 * Leftovers of a process that died mid-work: import working directories and datastore files
 * written aside but never published (`.vN.parquet.tmp-*`). Only called while this process
 * holds the data directory's lock, so nothing removed can belong to a live process.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

export async function sweepLeftovers(dataDir: string): Promise<number> {
  let removed = 0;
  const tmp = join(dataDir, 'tmp');
  for (const entry of await readdir(tmp).catch(() => [] as string[])) {
    await rm(join(tmp, entry), { recursive: true, force: true });
    removed++;
  }
  const store = join(dataDir, 'datastore');
  for (const table of await readdir(store).catch(() => [] as string[])) {
    for (const file of await readdir(join(store, table)).catch(() => [] as string[])) {
      if (/^\..*\.tmp-/.test(file)) {
        await rm(join(store, table, file), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
