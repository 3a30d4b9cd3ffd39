/**
 * Resources go through the dataset: each resource action loads the dataset, changes its
 * resource list and saves it as package_patch does, so checks, audit and activity are the same.
 */
import { Type } from '@sinclair/typebox';
import { canReadDataset } from '../../catalog/access.js';
import { findDataset, resourceDict } from '../../catalog/datasets.js';
import { notFound } from '../../core/errors.js';
import { allow, type Decision } from '../policy.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { editDatasetPolicy } from './dataset-policy.js';
import { ResourceInput, type ResourceInputT } from './package-schema.js';
import { IdOrName } from './schemas.js';

async function findResource(ctx: ActionContext, id: string) {
  const r = await ctx.services.catalog.db
    .selectFrom('resource')
    .selectAll()
    .where('id', '=', id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (!r) throw notFound(`resource ${id}`);
  return r;
}

/** The dataset's active resources as inputs, for rewriting the list. */
async function currentResources(ctx: ActionContext, datasetId: string): Promise<ResourceInputT[]> {
  const rows = await ctx.services.catalog.db
    .selectFrom('resource')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('state', '=', 'active')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    url: r.url,
    url_type: r.url_type as ResourceInputT['url_type'],
    format: r.format,
    mimetype: r.mimetype,
    size: r.size,
    hash: r.hash,
    ...r.extras,
  }));
}

const resourceEditPolicy = async (ctx: ActionContext, input: { id: string }): Promise<Decision> => {
  const r = await findResource(ctx, input.id);
  return editDatasetPolicy(ctx, { id: r.dataset_id });
};

async function patchList(ctx: ActionContext, datasetId: string, resources: ResourceInputT[]) {
  const ds = (await ctx.call('package_patch', { id: datasetId, resources })) as {
    resources: { id: string }[];
  };
  return ds.resources;
}

const ResourceCreateInput = Type.Intersect([Type.Object({ package_id: IdOrName }), ResourceInput]);
const ResourceUpdateInput = Type.Intersect([
  Type.Object({ id: Type.String({ minLength: 1 }) }),
  ResourceInput,
]);

export const resourceShow = defineAction({
  name: 'resource_show',
  doc: 'One resource by id (readable when its dataset is).',
  readOnly: true,
  schema: Type.Object({ id: Type.String({ minLength: 1 }) }),
  policy: async (ctx, input) => {
    const r = await findResource(ctx, input.id);
    if (!canReadDataset(ctx.actor, await findDataset(ctx.services.catalog.db, r.dataset_id)))
      throw notFound(`resource ${input.id}`);
    return allow();
  },
  handler: async (ctx, input) => resourceDict(await findResource(ctx, input.id)),
});

export const resourceCreate = defineAction({
  name: 'resource_create',
  doc: 'Adds a resource (link, upload or datastore table) at the end of a dataset’s resources. Editors of its institution.',
  readOnly: false,
  schema: ResourceCreateInput,
  policy: (ctx, input) => editDatasetPolicy(ctx, { id: input.package_id }),
  handler: async (ctx, input) => {
    const ds = await findDataset(ctx.services.catalog.db, input.package_id);
    const { package_id: _p, ...resource } = input;
    const list = await patchList(ctx, ds.id, [
      ...(await currentResources(ctx, ds.id)),
      resource as ResourceInputT,
    ]);
    return resourceDict(await findResource(ctx, list.at(-1)?.id ?? ''));
  },
});

async function updateResource(ctx: ActionContext, input: ResourceInputT & { id: string }, merge: boolean) {
  const r = await findResource(ctx, input.id);
  const list = await currentResources(ctx, r.dataset_id);
  const next = list.map((x) =>
    x.id === input.id ? (merge ? { ...x, ...input } : { ...input, id: input.id }) : x,
  );
  await patchList(ctx, r.dataset_id, next);
  return resourceDict(await findResource(ctx, input.id));
}

export const resourceUpdate = defineAction({
  name: 'resource_update',
  doc: 'Replaces a resource’s fields (fields left out are cleared). Editors of its institution.',
  readOnly: false,
  schema: ResourceUpdateInput,
  policy: resourceEditPolicy,
  handler: (ctx, input) => updateResource(ctx, input as ResourceInputT & { id: string }, false),
});

export const resourcePatch = defineAction({
  name: 'resource_patch',
  doc: 'Changes only the resource fields given. Editors of its institution.',
  readOnly: false,
  schema: ResourceUpdateInput,
  policy: resourceEditPolicy,
  handler: (ctx, input) => updateResource(ctx, input as ResourceInputT & { id: string }, true),
});

export const resourceDelete = defineAction({
  name: 'resource_delete',
  doc: 'Removes a resource from its dataset. Editors of its institution.',
  readOnly: false,
  schema: Type.Object({ id: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  policy: resourceEditPolicy,
  handler: async (ctx, input) => {
    const r = await findResource(ctx, input.id);
    const list = await currentResources(ctx, r.dataset_id);
    await patchList(
      ctx,
      r.dataset_id,
      list.filter((x) => x.id !== input.id),
    );
    return null;
  },
});
