import { configOptionShow, configOptionUpdate } from './core/config-option.js';
import { helpShow } from './core/help-show.js';
import { statusShow } from './core/status-show.js';
import { ActionRegistry } from './registry.js';

/** The registry with every action Kendali serves. Feature folders add theirs here. */
export function createRegistry(): ActionRegistry {
  return new ActionRegistry()
    .register(statusShow)
    .register(helpShow)
    .register(configOptionShow)
    .register(configOptionUpdate);
}
