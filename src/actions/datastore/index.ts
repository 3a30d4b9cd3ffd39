import type { ActionRegistry } from '../registry.js';
import { datastoreImport } from './import.js';
import { datastoreInfo, datastoreSearch } from './read.js';

/** CKAN's DataStore actions and Kendali's import. */
export const registerDatastoreActions = (registry: ActionRegistry): ActionRegistry =>
  registry.register(datastoreSearch).register(datastoreInfo).register(datastoreImport);
