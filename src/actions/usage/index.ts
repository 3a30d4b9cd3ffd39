/**
 * Use of datasets (src/catalog/usage.ts): `package_view`, sent by the dataset page once shown,
 * and `package_popular`, the datasets used most in the last 30 days (the home page's list).
 * Downloads are counted by the dump route itself.
 */
import { Type } from '@sinclair/typebox';
import { canReadDataset } from '../../catalog/access.js';
import { findDataset } from '../../catalog/datasets.js';
import { showDataset } from '../../catalog/search/dataset-show.js';
import { countDatasetUse, popularDatasetIds, USAGE_DAYS } from '../../catalog/usage.js';
import { notFound } from '../../core/errors.js';
import { IdOrName } from '../catalog/schemas.js';
import { publicPolicy } from '../policy.js';
import type { ActionRegistry } from '../registry.js';
import { defineAction } from '../types.js';

export const packageView = defineAction({
  name: 'package_view',
  doc: 'Counts a read of a dataset’s page, sent by the page once shown. One per visitor, dataset and day (a keyed hash of address and user agent with a salt of the day, forgotten after it; no cookie); bots and prefetches are not counted. Answers whether this call was counted.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const catalog = ctx.services.catalog;
    const ds = await findDataset(catalog.db, input.id);
    if (!canReadDataset(ctx.actor, ds)) throw notFound(`dataset ${input.id}`);
    return countDatasetUse(catalog, ds.id, 'view', ctx.client);
  },
});

export const packagePopular = defineAction({
  name: 'package_popular',
  doc: `The public datasets used most in the last ${USAGE_DAYS} days (page reads plus downloads, each once per visitor and day), most used first, as package_search's \`{count, results}\` with \`usage: {views_30d, downloads_30d}\` on each. Datasets not used in that time are not listed.`,
  readOnly: true,
  schema: Type.Object({ rows: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const catalog = ctx.services.catalog;
    const top = await popularDatasetIds(catalog, input.rows ?? 10);
    const results = [];
    for (const row of top) {
      const dict = await showDataset(catalog, ctx.actor, row.id).catch(() => null);
      if (dict) results.push({ ...dict, usage: { views_30d: row.views, downloads_30d: row.downloads } });
    }
    return { count: results.length, results };
  },
});

export const registerUsageActions = (r: ActionRegistry): ActionRegistry =>
  r.register(packageView).register(packagePopular);
