/**
 * Who belongs to an institution, and in which role (CKAN's member_* actions for
 * organizations, with Kendali's roles admin, walidata, produsen and member as `capacity`).
 * Admins of the institution and sysadmins manage its members.
 */
import { Type } from '@sinclair/typebox';
import { isOrgAdmin } from '../../auth/policies.js';
import { audit } from '../../catalog/audit.js';
import { findOrganization } from '../../catalog/organizations.js';
import { notFound } from '../../core/errors.js';
import { allow, deny, signedInPolicy } from '../policy.js';
import type { ActionContext, OrgRole } from '../types.js';
import { defineAction } from '../types.js';
import { findUser, Role, UserRef } from './shared.js';

const OrgRef = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Institution (organization) id or name',
});
const ObjectType = Type.Literal('user', { default: 'user', description: 'Only users are members' });

async function manageMembersPolicy(ctx: ActionContext, input: { id: string }) {
  if (!ctx.actor) return deny('You must be signed in to do this');
  if (ctx.actor.sysadmin) return allow();
  const org = await findOrganization(ctx.services.catalog.db, input.id);
  return isOrgAdmin(ctx, org.id)
    ? allow()
    : deny('Only an admin of this institution or a sysadmin may manage its members');
}

export const memberCreate = defineAction({
  name: 'member_create',
  doc: 'Adds a user to an institution in a role (capacity), or changes their role. Admins of it or sysadmins.',
  readOnly: false,
  schema: Type.Object({ id: OrgRef, object: UserRef, object_type: ObjectType, capacity: Role }),
  policy: manageMembersPolicy,
  handler: async (ctx, input) =>
    ctx.services.catalog.db.transaction().execute(async (trx) => {
      const org = await findOrganization(trx, input.id);
      if (org.state === 'deleted') throw notFound(`organization ${input.id}`);
      const user = await findUser(trx, input.object);
      const existing = await trx
        .selectFrom('membership')
        .select('role')
        .where('user_id', '=', user.id)
        .where('organization_id', '=', org.id)
        .executeTakeFirst();
      await trx
        .insertInto('membership')
        .values({ user_id: user.id, organization_id: org.id, role: input.capacity })
        .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doUpdateSet({ role: input.capacity }))
        .execute();
      const field = `member:${user.name}`;
      await audit(trx, ctx.actor, {
        action: 'member_create',
        entityType: 'organization',
        entityId: org.id,
        before: { [field]: existing?.role ?? null },
        after: { [field]: input.capacity },
      });
      return {
        table_name: 'user',
        table_id: user.id,
        group_id: org.id,
        capacity: input.capacity,
        state: 'active',
      };
    }),
});

export const memberDelete = defineAction({
  name: 'member_delete',
  doc: 'Removes a user from an institution. Admins of it or sysadmins.',
  readOnly: false,
  schema: Type.Object({ id: OrgRef, object: UserRef, object_type: ObjectType }),
  policy: manageMembersPolicy,
  handler: async (ctx, input) =>
    ctx.services.catalog.db.transaction().execute(async (trx) => {
      const org = await findOrganization(trx, input.id);
      const user = await findUser(trx, input.object, { deleted: true });
      const gone = await trx
        .deleteFrom('membership')
        .where('user_id', '=', user.id)
        .where('organization_id', '=', org.id)
        .returning('role')
        .executeTakeFirst();
      if (!gone) throw notFound(`member ${user.name} of ${org.name}`);
      const field = `member:${user.name}`;
      await audit(trx, ctx.actor, {
        action: 'member_delete',
        entityType: 'organization',
        entityId: org.id,
        before: { [field]: gone.role },
        after: { [field]: null },
      });
      return null;
    }),
});

export const memberList = defineAction({
  name: 'member_list',
  doc: 'Members of an institution as CKAN’s (id, type, capacity) triples, by user name. Signed-in users.',
  readOnly: true,
  schema: Type.Object({
    id: OrgRef,
    object_type: Type.Optional(ObjectType),
    capacity: Type.Optional(Role),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.id);
    let q = db
      .selectFrom('membership as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.role'])
      .where('m.organization_id', '=', org.id)
      .where('u.state', '=', 'active');
    if (input.capacity) q = q.where('m.role', '=', input.capacity);
    const rows = await q.orderBy('u.name').execute();
    return rows.map((r): [string, 'user', OrgRole] => [r.user_id, 'user', r.role as OrgRole]);
  },
});
