/**
 * Reading accounts. Kendali's accounts are the staff of institutions, not the public, so
 * unlike CKAN's default (`ckan.auth.public_user_details`) user details and lists are for
 * signed-in users only; emails only for the user themselves and sysadmins.
 */
import { Type } from '@sinclair/typebox';
import { signedInPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { findUser, seesPrivate, UserRef, userDict } from './shared.js';

export const userShow = defineAction({
  name: 'user_show',
  doc: 'A user’s details (CKAN shape; email and last login only for themselves and sysadmins). Signed-in users.',
  readOnly: true,
  schema: Type.Object({ id: UserRef }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const user = await findUser(ctx.services.catalog.db, input.id, { deleted: ctx.actor?.sysadmin === true });
    return userDict(user, seesPrivate(ctx, user.id));
  },
});

export const userList = defineAction({
  name: 'user_list',
  doc: 'Active users by name, as CKAN user dicts (`q` matches name and full name). Signed-in users.',
  readOnly: true,
  schema: Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Text in the name or full name' })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    let q = ctx.services.catalog.db.selectFrom('app_user').selectAll().where('state', '=', 'active');
    if (input.q) {
      const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('fullname', 'ilike', like)]));
    }
    const rows = await q.orderBy('name').limit(input.limit).offset(input.offset).execute();
    return rows.map((u) => userDict(u, seesPrivate(ctx, u.id)));
  },
});
