/** Who is calling: an active user with their role in each institution, loaded once per request. */
import type { Kysely, Transaction } from 'kysely';
import type { Actor, OrgRole } from '../actions/types.js';
import type { CatalogSchema } from '../catalog/schema.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

export interface MembershipInfo {
  readonly organization_id: string;
  readonly organization_name: string;
  readonly organization_title: string;
  readonly role: OrgRole;
}

/** The user's institutions and roles, by institution title. */
export async function loadMemberships(db: Db, userId: string): Promise<MembershipInfo[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select(['m.organization_id', 'o.name as organization_name', 'o.title as organization_title', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('o.title')
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as OrgRole }));
}

/** The actor for an active user, or null when the user does not exist or is deleted. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'name', 'sysadmin'])
    .where('id', '=', userId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (!user) return null;
  const roles = await db
    .selectFrom('membership')
    .select(['organization_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
  const memberships: Record<string, OrgRole> = {};
  for (const r of roles) memberships[r.organization_id] = r.role as OrgRole;
  return Object.freeze({
    id: user.id,
    name: user.name,
    sysadmin: user.sysadmin,
    memberships: Object.freeze(memberships),
  });
}

/** Acts for Kendali itself (first start, the CLI): a sysadmin that is no user. */
export const systemActor = (name: 'system:cli' | 'system:first-start' | 'system:jobs'): Actor =>
  Object.freeze({ id: SYSTEM_ACTOR_ID, name, sysadmin: true, memberships: {} });

const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** The actor's user id for a `created_by` column: none for Kendali's own system actors. */
export const userIdOf = (actor: Actor | null): string | null =>
  actor && actor.id !== SYSTEM_ACTOR_ID ? actor.id : null;
