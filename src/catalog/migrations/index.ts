import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_accounts.js';
import * as m0003 from './0003_catalog.js';
import * as m0004 from './0004_search.js';
import * as m0005 from './0005_datastore.js';
import * as m0006 from './0006_jobs.js';
import * as m0007 from './0007_cycle.js';
import * as m0008 from './0008_harvest_dcat.js';
import * as m0009 from './0009_notifications.js';
import * as m0010 from './0010_humas_news.js';
import * as m0011 from './0011_humas_media.js';
import * as m0012 from './0012_ruang_kendali.js';
import * as m0013 from './0013_job_lane.js';
import * as m0014 from './0014_boards.js';
import * as m0015 from './0015_maps.js';
import * as m0016 from './0016_dataset_usage.js';
import * as m0017 from './0017_version_coverage.js';

/**
 * Versioned migrations, in order. Add a file `NNNN_what.ts` exporting `up` and list it here;
 * never edit one that has shipped. They run on PGlite and PostgreSQL alike.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_accounts': m0002,
  '0003_catalog': m0003,
  '0004_search': m0004,
  '0005_datastore': m0005,
  '0006_jobs': m0006,
  '0007_cycle': m0007,
  '0008_harvest_dcat': m0008,
  '0009_notifications': m0009,
  '0010_humas_news': m0010,
  '0011_humas_media': m0011,
  '0012_ruang_kendali': m0012,
  '0013_job_lane': m0013,
  '0014_boards': m0014,
  '0015_maps': m0015,
  '0016_dataset_usage': m0016,
  '0017_version_coverage': m0017,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
