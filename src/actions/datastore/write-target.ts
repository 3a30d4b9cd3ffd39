/**
 * Which resource a datastore write changes, and who may: editing a datastore table is editing
 * its dataset (`editDatasetPolicy`), and a dataset the caller may not read answers Not Found.
 * As CKAN, a resource whose data comes from elsewhere (a link or an upload, `url_type` other
 * than `datastore`) is read-only unless the caller passes `force`.
 */
import { isUuid } from '../../catalog/ckan-format.js';
import { type DatasetRow, findDataset, type ResourceRow } from '../../catalog/datasets.js';
import { notFound, validation } from '../../core/errors.js';
import { editDatasetPolicy } from '../catalog/dataset-policy.js';
import type { Decision } from '../policy.js';
import type { ActionContext } from '../types.js';

export interface WriteTarget {
  readonly resource: ResourceRow;
  readonly dataset: DatasetRow;
}

async function activeResource(ctx: ActionContext, id: string): Promise<ResourceRow> {
  const r = isUuid(id)
    ? await ctx.services.catalog.db
        .selectFrom('resource')
        .selectAll()
        .where('id', '=', id)
        .where('state', '=', 'active')
        .executeTakeFirst()
    : undefined;
  if (!r) throw notFound(`resource ${id}`);
  return r;
}

/** Policy of the write actions: the resource's dataset (or `resource.package_id`'s) may be edited. */
export async function writeDatastorePolicy(
  ctx: ActionContext,
  input: { resource_id?: string | undefined; resource?: { package_id: string } | undefined },
): Promise<Decision> {
  if ((input.resource_id === undefined) === (input.resource === undefined))
    throw validation({ resource_id: ['give either resource_id or resource (to create one)'] });
  if (input.resource !== undefined) return editDatasetPolicy(ctx, { id: input.resource.package_id });
  const r = await activeResource(ctx, input.resource_id ?? '');
  return editDatasetPolicy(ctx, { id: r.dataset_id });
}

/**
 * The resource to write to, with its dataset. `table: true` requires it to have a datastore
 * table already (upsert, delete). Refuses a read-only resource without `force`.
 */
export async function writeTarget(
  ctx: ActionContext,
  resourceId: string,
  opts: { force?: boolean | undefined; table: boolean },
): Promise<WriteTarget> {
  const resource = await activeResource(ctx, resourceId);
  if (opts.table && !resource.datastore_table_id)
    throw notFound(`datastore table for resource ${resourceId}`);
  if (resource.url_type !== 'datastore' && opts.force !== true)
    throw validation({
      'read-only': [
        'Cannot edit read-only resource because changes made may be lost. Use force=True to ignore this warning.',
      ],
    });
  return { resource, dataset: await findDataset(ctx.services.catalog.db, resource.dataset_id) };
}
