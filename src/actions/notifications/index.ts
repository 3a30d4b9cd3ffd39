/**
 * The caller's own notifications (made by src/notify/ on review events and overdue periods):
 * `notification_list` pages them with the unread count; `notification_read` marks some or all
 * read. Neither ever touches another user's rows: both filter by the caller's id.
 */
import { Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { isUuid } from '../../catalog/ckan-format.js';
import { validation } from '../../core/errors.js';
import { allow, deny } from '../policy.js';
import type { ActionRegistry } from '../registry.js';
import { type ActionContext, defineAction } from '../types.js';

/** Signed in as a user (a system actor has no notifications). */
const ownPolicy = (ctx: ActionContext) =>
  ctx.actor && userIdOf(ctx.actor) ? allow() : deny('You must be signed in as a user to do this');

async function unreadCount(ctx: ActionContext, userId: string): Promise<number> {
  const row = await ctx.services.catalog.db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const notificationList = defineAction({
  name: 'notification_list',
  doc: 'The caller’s notifications, newest first (`unread_only`, `limit`, `offset`), with the number unread: review steps of their submissions or awaiting them, and overdue Daftar Data periods.',
  readOnly: true,
  schema: Type.Object({
    unread_only: Type.Optional(Type.Boolean({ default: false })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  }),
  policy: ownPolicy,
  handler: async (ctx, input) => {
    const userId = userIdOf(ctx.actor) as string;
    let q = ctx.services.catalog.db
      .selectFrom('notification')
      .select(['id', 'kind', 'title', 'body', 'link', 'data', 'created', 'read_at'])
      .where('user_id', '=', userId);
    if (input.unread_only) q = q.where('read_at', 'is', null);
    const rows = await q
      .orderBy('created', 'desc')
      .orderBy('id')
      .limit(input.limit ?? 20)
      .offset(input.offset ?? 0)
      .execute();
    return {
      unread: await unreadCount(ctx, userId),
      items: rows.map((r) => ({
        ...r,
        created: r.created.toISOString(),
        read_at: r.read_at?.toISOString() ?? null,
      })),
    };
  },
});

export const notificationRead = defineAction({
  name: 'notification_read',
  doc: 'Marks the caller’s notifications read: those in `ids`, or every one with `all: true`. Ids of other users’ notifications are ignored. Returns how many changed and the number still unread.',
  readOnly: false,
  schema: Type.Object({
    ids: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 })),
    all: Type.Optional(Type.Boolean()),
  }),
  policy: ownPolicy,
  handler: async (ctx, input) => {
    const userId = userIdOf(ctx.actor) as string;
    if (!input.all && !input.ids?.length)
      throw validation({ ids: ['Give the ids to mark read, or all: true'] });
    const bad = (input.ids ?? []).findIndex((id) => !isUuid(id));
    if (!input.all && bad >= 0) throw validation({ [`ids.${bad}`]: ['Not a notification id'] });
    let q = ctx.services.catalog.db
      .updateTable('notification')
      .set({ read_at: new Date() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (!input.all) q = q.where('id', 'in', input.ids as string[]);
    const changed = await q.returning('id').execute();
    return { marked: changed.length, unread: await unreadCount(ctx, userId) };
  },
});

export function registerNotificationActions(registry: ActionRegistry): ActionRegistry {
  return registry.register(notificationList).register(notificationRead);
}
