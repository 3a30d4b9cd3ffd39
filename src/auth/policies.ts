/**
 * Policy helpers over the actor's roles, for actions' policies (which still answer with
 * `allow()`/`deny()`). A sysadmin holds every role everywhere.
 */
import type { ActionContext } from '../actions/types.js';
import { hasRole } from '../catalog/access.js';

/** True when the actor administers the organization (or is a sysadmin). */
export const isOrgAdmin = (ctx: ActionContext, orgId: string): boolean =>
  hasRole(ctx.actor, orgId, ['admin']);

/** True when the actor is the user named by `idOrName` (id or login name). */
export const isSelf = (ctx: ActionContext, idOrName: string): boolean =>
  ctx.actor !== null && (ctx.actor.id === idOrName || ctx.actor.name === idOrName.toLowerCase());

export const isSelfOrSysadmin = (ctx: ActionContext, idOrName: string): boolean =>
  ctx.actor?.sysadmin === true || isSelf(ctx, idOrName);
