import type { ActionRegistry } from '../registry.js';
import { datastoreCreate } from './create.js';
import { datastoreDelete } from './delete.js';
import { datastoreDiff } from './diff.js';
import { datastoreImport } from './import.js';
import { datastoreInfo, datastoreSearch } from './read.js';
import { datastoreSearchSql } from './search-sql.js';
import { datastoreUpsert } from './upsert.js';

/** CKAN's DataStore actions and Kendali's import. */
export const registerDatastoreActions = (registry: ActionRegistry): ActionRegistry =>
  registry
    .register(datastoreSearch)
    .register(datastoreInfo)
    .register(datastoreImport)
    .register(datastoreDiff)
    .register(datastoreCreate)
    .register(datastoreUpsert)
    .register(datastoreDelete)
    .register(datastoreSearchSql);
