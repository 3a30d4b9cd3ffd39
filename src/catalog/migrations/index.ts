import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_init.js';

/**
 * Versioned migrations, in order. Add a file `NNNN_what.ts` exporting `up` and list it here;
 * never edit one that has shipped. They run on PGlite and PostgreSQL alike.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_init': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
