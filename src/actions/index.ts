import { memberCreate, memberDelete, memberList } from './accounts/members.js';
import { apiTokenCreate, apiTokenList, apiTokenRevoke } from './accounts/tokens.js';
import { userCreate, userUpdate } from './accounts/user-write.js';
import { userList, userShow } from './accounts/users.js';
import { registerCatalogActions } from './catalog/index.js';
import { configOptionShow, configOptionUpdate } from './core/config-option.js';
import { helpShow } from './core/help-show.js';
import { statusShow } from './core/status-show.js';
import { registerCycleActions } from './cycle/index.js';
import { registerDatastoreActions } from './datastore/index.js';
import { registerAgendaActions } from './humas-agenda/index.js';
import { registerMediaActions } from './humas-media/index.js';
import { registerHumasNewsActions } from './humas-news/index.js';
import { registerJobActions } from './jobs/index.js';
import { registerNotificationActions } from './notifications/index.js';
import { registerRegionActions } from './regions/index.js';
import { ActionRegistry } from './registry.js';
import { registerRuangKendaliActions } from './ruang-kendali/index.js';
import { registerUsageActions } from './usage/index.js';

/** The registry with every action Kendali serves. Feature folders add theirs here. */
export function createRegistry(): ActionRegistry {
  const registry = new ActionRegistry()
    .register(statusShow)
    .register(helpShow)
    .register(configOptionShow)
    .register(configOptionUpdate)
    .register(userShow)
    .register(userList)
    .register(userCreate)
    .register(userUpdate)
    .register(memberCreate)
    .register(memberDelete)
    .register(memberList)
    .register(apiTokenCreate)
    .register(apiTokenRevoke)
    .register(apiTokenList);
  // Feature folders register theirs: one line each.
  const features: Array<(r: ActionRegistry) => ActionRegistry> = [
    registerCatalogActions,
    registerDatastoreActions,
    registerJobActions,
    registerCycleActions,
    registerHumasNewsActions,
    registerAgendaActions,
    registerMediaActions,
    registerNotificationActions,
    registerRuangKendaliActions,
    registerRegionActions,
    registerUsageActions,
  ];
  for (const add of features) add(registry);
  return registry;
}
