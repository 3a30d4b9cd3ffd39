/**
 * Reading accounts. Kendali's accounts are the staff of institutions, not the public, so
 * unlike CKAN's default (`ckan.auth.public_user_details`) user details and lists are for
 * signed-in users only; emails only for the user themselves and sysadmins.
 */
import { Type } from '@sinclair/typebox';
import { deny, signedInPolicy } from '../policy.js';
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
  doc: 'Active users by name, as CKAN user dicts (`q` matches name and full name); `state` deleted or any lists deactivated users too (sysadmins). Signed-in users.',
  readOnly: true,
  schema: Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Text in the name or full name' })),
    state: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('deleted'), Type.Literal('any')], {
        description: 'active (default); deleted or any: sysadmins only',
      }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  }),
  policy: (ctx, input) => {
    if (input.state && input.state !== 'active' && ctx.actor && !ctx.actor.sysadmin)
      return deny('Only a sysadmin may list deactivated users');
    return signedInPolicy(ctx);
  },
  handler: async (ctx, input) => {
    const state = input.state ?? 'active';
    let q = ctx.services.catalog.db.selectFrom('app_user').selectAll();
    if (state !== 'any') q = q.where('state', '=', state);
    if (input.q) {
      const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('fullname', 'ilike', like)]));
    }
    const rows = await q.orderBy('name').limit(input.limit).offset(input.offset).execute();
    return rows.map((u) => userDict(u, seesPrivate(ctx, u.id)));
  },
});
