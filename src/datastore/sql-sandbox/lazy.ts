import { join } from 'node:path';
import type { LazySqlSandbox } from '../../actions/types.js';
import { SqlSandbox } from './index.js';

/** The SQL sandbox, started on the first datastore_search_sql (its worker processes cost memory). */
export function lazySqlSandbox(dataDir: string): LazySqlSandbox {
  let sandbox: Promise<SqlSandbox> | undefined;
  return {
    get: () => {
      sandbox ??= SqlSandbox.create({ dataDir: join(dataDir, 'tmp', `sql-${process.pid}`) });
      return sandbox;
    },
    close: async () => {
      if (sandbox) await (await sandbox).close();
    },
  };
}
