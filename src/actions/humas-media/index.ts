/** Media monitoring (Humas): sources, the mention dictionary, items, trends and the control room's feed. */
import type { ActionRegistry } from '../registry.js';
import { mediaAliasCreate, mediaAliasDelete, mediaAliasList } from './aliases.js';
import { mediaItemList, mediaSentimentDaily, mediaTrend } from './items.js';
import {
  mediaSourceCreate,
  mediaSourceDelete,
  mediaSourceFetch,
  mediaSourceList,
  mediaSourceShow,
  mediaSourceUpdate,
} from './sources.js';

export function registerMediaActions(r: ActionRegistry): ActionRegistry {
  return r
    .register(mediaSourceCreate)
    .register(mediaSourceShow)
    .register(mediaSourceList)
    .register(mediaSourceUpdate)
    .register(mediaSourceDelete)
    .register(mediaSourceFetch)
    .register(mediaAliasCreate)
    .register(mediaAliasList)
    .register(mediaAliasDelete)
    .register(mediaItemList)
    .register(mediaTrend)
    .register(mediaSentimentDaily);
}
