/**
 * Who may read and change what in the catalog. One place, used by every action's policy and
 * by search, feeds and exports, so a private dataset cannot leak through a side door.
 *
 * - sysadmin: everything.
 * - admin, walidata, produsen of the owner institution: create and edit its datasets
 *   (admin and walidata also delete and see deleted ones).
 * - member of the owner institution: read its private and draft datasets.
 * - anyone: read active, public datasets.
 */
import type { Actor, OrgRole } from '../actions/types.js';

export const EDITOR_ROLES: readonly OrgRole[] = ['admin', 'walidata', 'produsen'];
export const MANAGER_ROLES: readonly OrgRole[] = ['admin', 'walidata'];

export interface DatasetGuard {
  readonly organization_id: string;
  readonly private: boolean;
  readonly state: string;
  readonly creator_user_id?: string | null;
}

export const roleIn = (actor: Actor | null, orgId: string): OrgRole | undefined => actor?.memberships[orgId];

export const hasRole = (actor: Actor | null, orgId: string, roles: readonly OrgRole[]): boolean => {
  if (actor?.sysadmin) return true;
  const r = roleIn(actor, orgId);
  return r !== undefined && roles.includes(r);
};

export function canReadDataset(actor: Actor | null, ds: DatasetGuard): boolean {
  if (actor?.sysadmin) return true;
  if (ds.state === 'deleted') return hasRole(actor, ds.organization_id, MANAGER_ROLES);
  if (ds.state === 'draft') {
    return (
      hasRole(actor, ds.organization_id, EDITOR_ROLES) || (actor !== null && ds.creator_user_id === actor.id)
    );
  }
  if (!ds.private) return true;
  return roleIn(actor, ds.organization_id) !== undefined;
}

export const canEditDataset = (actor: Actor | null, ds: DatasetGuard): boolean =>
  ds.state !== 'deleted' && hasRole(actor, ds.organization_id, EDITOR_ROLES);

export const canDeleteDataset = (actor: Actor | null, ds: DatasetGuard): boolean =>
  hasRole(actor, ds.organization_id, MANAGER_ROLES);

/**
 * SQL-side filter for listings and search: organization ids whose private and draft datasets
 * the actor may see (`all` for sysadmins).
 */
export function readableOrgs(actor: Actor | null): 'all' | { member: string[]; editor: string[] } {
  if (actor?.sysadmin) return 'all';
  const entries = Object.entries(actor?.memberships ?? {});
  return {
    member: entries.map(([id]) => id),
    editor: entries.filter(([, r]) => EDITOR_ROLES.includes(r)).map(([id]) => id),
  };
}
