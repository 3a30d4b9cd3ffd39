import {
  canDeleteDataset,
  canEditDataset,
  canReadDataset,
  EDITOR_ROLES,
  hasRole,
} from '../../catalog/access.js';
import { findDataset } from '../../catalog/datasets.js';
import { findOrganization } from '../../catalog/organizations.js';
import { notFound } from '../../core/errors.js';
import { allow, type Decision, deny } from '../policy.js';
import type { ActionContext } from '../types.js';

/**
 * Reading a dataset the caller may not see answers Not Found, as if it did not exist, so
 * private datasets do not leak even their existence.
 */
export async function readDatasetPolicy(ctx: ActionContext, input: { id: string }): Promise<Decision> {
  const ds = await findDataset(ctx.services.catalog.db, input.id);
  if (!canReadDataset(ctx.actor, ds)) throw notFound(`dataset ${input.id}`);
  return allow();
}

export async function editDatasetPolicy(ctx: ActionContext, input: { id: string }): Promise<Decision> {
  if (!ctx.actor) return deny('You must be signed in to change a dataset');
  const ds = await findDataset(ctx.services.catalog.db, input.id);
  if (!canReadDataset(ctx.actor, ds)) throw notFound(`dataset ${input.id}`);
  return canEditDataset(ctx.actor, ds)
    ? allow()
    : deny(`User ${ctx.actor.name} not authorized to edit package ${ds.name}`);
}

export async function deleteDatasetPolicy(ctx: ActionContext, input: { id: string }): Promise<Decision> {
  if (!ctx.actor) return deny('You must be signed in to delete a dataset');
  const ds = await findDataset(ctx.services.catalog.db, input.id);
  if (!canReadDataset(ctx.actor, ds)) throw notFound(`dataset ${input.id}`);
  return canDeleteDataset(ctx.actor, ds)
    ? allow()
    : deny(`User ${ctx.actor.name} not authorized to delete package ${ds.name}`);
}

export async function createDatasetPolicy(
  ctx: ActionContext,
  input: { owner_org: string },
): Promise<Decision> {
  if (!ctx.actor) return deny('You must be signed in to create a dataset');
  const org = await findOrganization(ctx.services.catalog.db, input.owner_org);
  return hasRole(ctx.actor, org.id, EDITOR_ROLES)
    ? allow()
    : deny(`User ${ctx.actor.name} not authorized to add dataset to organization ${org.name}`);
}
