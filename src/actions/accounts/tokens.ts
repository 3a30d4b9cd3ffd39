/**
 * API tokens as CKAN's api_token_* actions. `api_token_create` answers the token once; only
 * its hash is kept. Users manage their own tokens; sysadmins anyone's.
 */
import { Type } from '@sinclair/typebox';
import { isSelfOrSysadmin } from '../../auth/policies.js';
import { findTokenId, issueApiToken } from '../../auth/tokens.js';
import { audit } from '../../catalog/audit.js';
import { ckanTime, isUuid } from '../../catalog/ckan-format.js';
import { notFound, validation } from '../../core/errors.js';
import { allow, deny } from '../policy.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { type Db, findUser, UserRef } from './shared.js';

const signedIn = (ctx: ActionContext) => (ctx.actor ? null : deny('You must be signed in to do this'));

export const apiTokenCreate = defineAction({
  name: 'api_token_create',
  doc: 'Creates an API token for a user and returns it ({token}); it is shown this once only. The user or a sysadmin.',
  readOnly: false,
  schema: Type.Object({
    user: UserRef,
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Label, e.g. the script that uses it' }),
    expires_in: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'Days until it expires' }),
    ),
  }),
  policy: (ctx, input) =>
    signedIn(ctx) ??
    (isSelfOrSysadmin(ctx, input.user) ? allow() : deny('You may only create your own tokens')),
  handler: async (ctx, input) =>
    ctx.services.catalog.db.transaction().execute(async (trx) => {
      const user = await findUser(trx, input.user);
      const issued = await issueApiToken(trx, user.id, input.name, input.expires_in);
      const expires_at = ckanTime(issued.expiresAt);
      await audit(trx, ctx.actor, {
        action: 'api_token_create',
        entityType: 'user',
        entityId: user.id,
        before: { [`api_token:${issued.id}`]: null },
        after: { [`api_token:${issued.id}`]: { name: input.name, expires_at } },
      });
      return { token: issued.token, id: issued.id, name: input.name, expires_at };
    }),
});

const RevokeSchema = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 200, description: 'The token itself' })),
  jti: Type.Optional(
    Type.String({ maxLength: 100, description: 'The token’s id, as api_token_list shows it' }),
  ),
});

async function tokenRow(db: Db, input: { token?: string; jti?: string }) {
  if (!input.token && !input.jti) throw validation({ jti: ['Give the token or its id (jti)'] });
  const id = input.token ? await findTokenId(db, input.token) : input.jti;
  const row =
    id && isUuid(id)
      ? await db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
  if (!row) throw notFound('API token');
  return row;
}

export const apiTokenRevoke = defineAction({
  name: 'api_token_revoke',
  doc: 'Revokes an API token, given the token or its id (jti); it stops working at once. Its owner or a sysadmin.',
  readOnly: false,
  schema: RevokeSchema,
  policy: async (ctx, input) => {
    const refused = signedIn(ctx);
    if (refused) return refused;
    const row = await tokenRow(ctx.services.catalog.db, input);
    return ctx.actor?.sysadmin || row.user_id === ctx.actor?.id
      ? allow()
      : deny('You may only revoke your own tokens');
  },
  handler: async (ctx, input) =>
    ctx.services.catalog.db.transaction().execute(async (trx) => {
      const row = await tokenRow(trx, input);
      if (row.revoked_at) return null;
      const now = new Date();
      await trx.updateTable('api_token').set({ revoked_at: now }).where('id', '=', row.id).execute();
      await audit(trx, ctx.actor, {
        action: 'api_token_revoke',
        entityType: 'user',
        entityId: row.user_id,
        before: { [`api_token:${row.id}`]: { name: row.name, revoked_at: null } },
        after: { [`api_token:${row.id}`]: { name: row.name, revoked_at: ckanTime(now) } },
      });
      return null;
    }),
});

export const apiTokenList = defineAction({
  name: 'api_token_list',
  doc: 'A user’s API tokens that are not revoked (id, name, dates; never the token). The user or a sysadmin.',
  readOnly: true,
  schema: Type.Object({
    user: Type.Optional(UserRef),
    user_id: Type.Optional(Type.String({ maxLength: 100, description: 'Same as user (CKAN 2.10 name)' })),
  }),
  policy: (ctx, input) =>
    signedIn(ctx) ??
    (isSelfOrSysadmin(ctx, input.user_id ?? input.user ?? ctx.actor?.id ?? '')
      ? allow()
      : deny('You may only list your own tokens')),
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const user = await findUser(db, input.user_id ?? input.user ?? ctx.actor?.id ?? '', { deleted: true });
    const rows = await db
      .selectFrom('api_token')
      .select(['id', 'name', 'user_id', 'created', 'last_used', 'expires_at'])
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .orderBy('created')
      .execute();
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      user_id: t.user_id,
      created_at: ckanTime(t.created),
      last_access: ckanTime(t.last_used),
      expires_at: ckanTime(t.expires_at),
    }));
  },
});
