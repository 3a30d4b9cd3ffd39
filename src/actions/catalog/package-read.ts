import { Type } from '@sinclair/typebox';
import { readableDataset, showDataset } from '../../catalog/search/dataset-show.js';
import { datasetUsage } from '../../catalog/usage.js';
import { allow, publicPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { IdOrName } from './schemas.js';

export const packageShow = defineAction({
  name: 'package_show',
  doc: 'One dataset by id or name, with its organization, groups, tags, extras, resources and Satu Data fields.',
  readOnly: true,
  schema: Type.Object({
    id: IdOrName,
    use_default_schema: Type.Optional(Type.Boolean()),
    include_tracking: Type.Optional(Type.Boolean()),
  }),
  // As readDatasetPolicy (Not Found for what the caller may not read), answered from the
  // search index and its dict cache when they hold the dataset.
  policy: async (ctx, input) => {
    await readableDataset(ctx.services.catalog, ctx.actor, input.id, input);
    return allow();
  },
  handler: async (ctx, input) => {
    const dict = await showDataset(ctx.services.catalog, ctx.actor, input.id, input);
    // Kendali's addition (CKAN's fields unchanged): reads and downloads of the last 30 days.
    const usage = (await datasetUsage(ctx.services.catalog, [dict.id])).get(dict.id);
    return { ...dict, usage };
  },
});

export const packageList = defineAction({
  name: 'package_list',
  doc: 'Names of the active public datasets, sorted by name.',
  readOnly: true,
  schema: Type.Object({
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    let q = ctx.services.catalog.db
      .selectFrom('dataset')
      .select('name')
      .where('state', '=', 'active')
      .where('private', '=', false)
      .orderBy('name')
      .offset(input.offset ?? 0);
    if (input.limit !== undefined) q = q.limit(input.limit);
    return (await q.execute()).map((r) => r.name);
  },
});
