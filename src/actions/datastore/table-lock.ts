/**
 * Writers of one datastore table take turns in this process: a promise chain per table, per
 * datastore. This keeps two upserts from both deriving "version N+1" from version N in the
 * embedded default. Across processes (several servers on one PostgreSQL) the catalog decides:
 * publishing checks that the base is still the latest version and the (table_id, version) pair
 * is unique, and the loser retries on the new latest version (see publish-change.ts).
 */

const chains = new WeakMap<object, Map<string, Promise<void>>>();

/** Runs `fn` when every earlier writer of `key` under `owner` has finished. */
export async function withTableLock<T>(owner: object, key: string, fn: () => Promise<T>): Promise<T> {
  let tables = chains.get(owner);
  if (tables === undefined) {
    tables = new Map();
    chains.set(owner, tables);
  }
  const previous = tables.get(key) ?? Promise.resolve();
  let release = (): void => {};
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  tables.set(key, tail);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (tables.get(key) === tail) tables.delete(key);
  }
}
