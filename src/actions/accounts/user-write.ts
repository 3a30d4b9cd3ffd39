/**
 * Creating and changing accounts. Only sysadmins create users (no self-registration). Users
 * change their own name, email and password (the password only with the old one); only
 * sysadmins change `sysadmin` and `state`, and never so that no active sysadmin is left.
 */
import { Type } from '@sinclair/typebox';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { isSelfOrSysadmin } from '../../auth/policies.js';
import { audit } from '../../catalog/audit.js';
import { validation } from '../../core/errors.js';
import { allow, deny, sysadminPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import {
  type Db,
  Email,
  findUser,
  Password,
  seesPrivate,
  UserName,
  UserRef,
  type UserRow,
  userDict,
} from './shared.js';

const FullName = Type.String({ maxLength: 200, description: 'Full name' });

/** What the audit log keeps of a user: never the hash, only whether the password changed. */
const audited = (u: UserRow, password: string) => ({
  name: u.name,
  fullname: u.fullname,
  email: u.email,
  sysadmin: u.sysadmin,
  state: u.state,
  password,
});

async function assertEmailFree(db: Db, email: string, exceptId?: string): Promise<void> {
  let q = db.selectFrom('app_user').select('id').where('email', '=', email);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw validation({ email: ['That email address is already in use'] });
}

export const userCreate = defineAction({
  name: 'user_create',
  doc: 'Creates a user account and returns its user dict. Sysadmins only (there is no self-registration).',
  readOnly: false,
  schema: Type.Object({
    name: UserName,
    email: Type.Optional(Email),
    password: Password,
    fullname: Type.Optional(FullName),
    sysadmin: Type.Boolean({ default: false, description: 'Give the user every right' }),
  }),
  policy: sysadminPolicy,
  handler: async (ctx, input) => {
    const hash = await hashPassword(input.password);
    const email = input.email?.toLowerCase() ?? null;
    return ctx.services.catalog.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('app_user')
        .select('id')
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (taken) throw validation({ name: ['That login name is not available'] });
      if (email) await assertEmailFree(trx, email);
      const user = await trx
        .insertInto('app_user')
        .values({
          name: input.name,
          email,
          fullname: input.fullname ?? '',
          password_hash: hash,
          sysadmin: input.sysadmin,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'user_create',
        entityType: 'user',
        entityId: user.id,
        before: null,
        after: audited(user, '(set)'),
      });
      return userDict(user, true);
    });
  },
});

const UpdateSchema = Type.Object({
  id: UserRef,
  fullname: Type.Optional(FullName),
  email: Type.Optional(Type.Union([Type.Literal(''), Email])),
  password: Type.Optional(Password),
  old_password: Type.Optional(
    Type.String({ maxLength: 1024, description: 'Needed to change your own password' }),
  ),
  sysadmin: Type.Optional(Type.Boolean({ description: 'Sysadmins only' })),
  state: Type.Optional(
    Type.Union([Type.Literal('active'), Type.Literal('deleted')], { description: 'Sysadmins only' }),
  ),
});

export const userUpdate = defineAction({
  name: 'user_update',
  doc: 'Changes a user’s full name, email, password (your own needs old_password), sysadmin or state. The user or a sysadmin.',
  readOnly: false,
  schema: UpdateSchema,
  policy: (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    if (!isSelfOrSysadmin(ctx, input.id)) return deny('You may only change your own account');
    if ((input.sysadmin !== undefined || input.state !== undefined) && !ctx.actor.sysadmin) {
      return deny('Only a sysadmin may change sysadmin or state');
    }
    return allow();
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const target = await findUser(db, input.id, { deleted: ctx.actor?.sysadmin === true });
    if (input.password !== undefined && ctx.actor?.id === target.id) {
      const ok =
        input.old_password !== undefined && (await verifyPassword(target.password_hash, input.old_password));
      if (!ok) throw validation({ old_password: ['The old password is not correct'] });
    }
    const hash = input.password !== undefined ? await hashPassword(input.password) : undefined;
    return db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', target.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const email = input.email === undefined ? before.email : input.email.toLowerCase() || null;
      if (email && email !== before.email) await assertEmailFree(trx, email, before.id);
      const sysadmin = input.sysadmin ?? before.sysadmin;
      const state = input.state ?? before.state;
      if (before.sysadmin && before.state === 'active' && (!sysadmin || state !== 'active')) {
        const others = await trx
          .selectFrom('app_user')
          .select('id')
          .where('sysadmin', '=', true)
          .where('state', '=', 'active')
          .where('id', '!=', before.id)
          .executeTakeFirst();
        if (!others) throw validation({ sysadmin: ['Kendali needs at least one active sysadmin'] });
      }
      const after = await trx
        .updateTable('app_user')
        .set({
          fullname: input.fullname ?? before.fullname,
          email,
          sysadmin,
          state,
          ...(hash ? { password_hash: hash } : {}),
        })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'user_update',
        entityType: 'user',
        entityId: after.id,
        before: audited(before, '(hidden)'),
        after: audited(after, hash ? '(changed)' : '(hidden)'),
      });
      return userDict(after, seesPrivate(ctx, after.id));
    });
  },
});
