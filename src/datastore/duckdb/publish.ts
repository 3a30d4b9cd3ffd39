/**
 * Atomic publication of a version file: DuckDB writes to a temporary name in the same
 * directory (a failed COPY leaves a partial file behind, so it must never write in place),
 * the file is synced, then moved into place without replacing an existing version.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { conflict } from '../../core/errors.js';

/** Temporary files start with a dot, so listVersions never sees them. */
export function tempPathFor(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.tmp-${randomUUID()}`);
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Moves `tempPath` to `finalPath`, refusing to replace an existing file. `link` fails when the
 * target exists (rename would silently replace it); on file systems without hard links, falls
 * back to rename after a check.
 */
async function placeWithoutReplacing(tempPath: string, finalPath: string, what: string): Promise<void> {
  try {
    await link(tempPath, finalPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw conflict(`${what} already exists`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    if (await exists(finalPath)) throw conflict(`${what} already exists`);
    await rename(tempPath, finalPath);
    return;
  }
  await rm(tempPath, { force: true });
}

/**
 * Runs `write(tempPath)`, then publishes the result at `finalPath`. Whatever fails, the
 * temporary file is removed and `finalPath` is left as it was.
 */
export async function publishAtomically<T>(
  finalPath: string,
  what: string,
  write: (tempPath: string) => Promise<T>,
): Promise<T> {
  if (await exists(finalPath)) throw conflict(`${what} already exists`);
  const dir = dirname(finalPath);
  await mkdir(dir, { recursive: true });
  const tempPath = tempPathFor(finalPath);
  try {
    const result = await write(tempPath);
    await fsync(tempPath);
    await placeWithoutReplacing(tempPath, finalPath, what);
    await fsync(dir);
    return result;
  } finally {
    await rm(tempPath, { force: true });
  }
}
