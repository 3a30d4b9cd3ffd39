import { canReadDataset } from '../../catalog/access.js';
import { findDataset } from '../../catalog/datasets.js';
import { notFound } from '../../core/errors.js';
import type { ColumnType } from '../../datastore/backend.js';
import { allow, type Decision } from '../policy.js';
import type { ActionContext } from '../types.js';

/** CKAN's DataStore type names for Kendali's column types. */
export const CKAN_TYPE: Record<ColumnType, string> = {
  text: 'text',
  integer: 'int8',
  number: 'numeric',
  boolean: 'bool',
  date: 'date',
  timestamp: 'timestamp',
};

/** A datastore resource with its table and latest (or asked-for) version, as the caller may read it. */
export async function datastoreResource(ctx: ActionContext, resourceId: string, version?: number) {
  const db = ctx.services.catalog.db;
  const r = await db
    .selectFrom('resource')
    .selectAll()
    .where('id', '=', resourceId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (!r?.datastore_table_id) throw notFound(`datastore table for resource ${resourceId}`);
  const ds = await findDataset(db, r.dataset_id);
  if (!canReadDataset(ctx.actor, ds)) throw notFound(`datastore table for resource ${resourceId}`);
  let q = db.selectFrom('dataset_version').selectAll().where('table_id', '=', r.datastore_table_id);
  q = version !== undefined ? q.where('version', '=', version) : q.orderBy('version', 'desc');
  const v = await q.executeTakeFirst();
  if (!v) throw notFound(`version ${version ?? 'latest'} of resource ${resourceId}`);
  return { resource: r, dataset: ds, version: v };
}

/** Readable when its dataset is; unknown and hidden tables answer Not Found alike. */
export async function readDatastorePolicy(
  ctx: ActionContext,
  input: { resource_id?: string; id?: string },
): Promise<Decision> {
  await datastoreResource(ctx, input.resource_id ?? input.id ?? '');
  return allow();
}
