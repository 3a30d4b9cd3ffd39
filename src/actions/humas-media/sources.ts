/**
 * Media sources (RSS/Atom feeds) of the monitoring: `media_source_create/show/list/update/
 * delete` and `media_source_fetch` (queues a `media_fetch` job at once). A source belongs to an
 * institution (usually its Humas): its admins and sysadmins configure it. Schedules are cron
 * expressions in Asia/Jakarta, as for harvest sources.
 */

import { Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { hasRole } from '../../catalog/access.js';
import { audit } from '../../catalog/audit.js';
import { isUuid } from '../../catalog/ckan-format.js';
import { findOrganization } from '../../catalog/organizations.js';
import { notFound, validation } from '../../core/errors.js';
import { checkCron } from '../../jobs/schedule.js';
import { outboundRefusal } from '../../net/outbound.js';
import { IdOrName, Slug } from '../catalog/schemas.js';
import { jobDict } from '../jobs/index.js';
import { allow, deny, signedInPolicy } from '../policy.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';

const sources = (ctx: ActionContext) =>
  ctx.services.catalog.db
    .selectFrom('media_source as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.name',
      's.title',
      's.url',
      's.organization_id',
      's.schedule',
      's.active',
      's.created',
      'o.name as organization',
    ]);

export async function sourceRow(ctx: ActionContext, idOrName: string) {
  const row = await sources(ctx)
    .where(isUuid(idOrName) ? 's.id' : 's.name', '=', idOrName)
    .executeTakeFirst();
  if (!row) throw notFound(`media source ${idOrName}`);
  return row;
}

type SourceRow = Awaited<ReturnType<typeof sourceRow>>;

const sourceDict = (s: SourceRow) => ({
  id: s.id,
  name: s.name,
  title: s.title,
  url: s.url,
  owner_org: s.organization_id,
  organization: s.organization,
  schedule: s.schedule,
  active: s.active,
  created: s.created.toISOString(),
});

async function sourceAdminPolicy(ctx: ActionContext, input: { id: string }) {
  if (!ctx.actor) return deny('You must be signed in to do this');
  if (ctx.actor.sysadmin) return allow();
  const source = await sourceRow(ctx, input.id).catch(() => undefined);
  if (source && hasRole(ctx.actor, source.organization_id, ['admin'])) return allow();
  return deny('Only the institution’s admins or a sysadmin may do this');
}

/** http(s) to a host outbound requests may reach, or file: (a feed shipped with the server, as the demo's). */
function checkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validation({ url: ['Not a URL'] });
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol))
    throw validation({ url: ['Only http, https or file URLs'] });
  const refused = outboundRefusal(url);
  if (refused) throw validation({ url: [refused.message] });
  return url.toString();
}

function checkSchedule(schedule: string | undefined | null): void {
  if (schedule === undefined || schedule === null || schedule === '') return;
  try {
    checkCron(schedule);
  } catch (e) {
    throw validation({
      schedule: [`Not a cron schedule (minute hour day month weekday): ${(e as Error).message}`],
    });
  }
}

const Schedule = Type.String({
  maxLength: 100,
  description: 'cron: minute hour day month weekday (Asia/Jakarta); empty = by hand only',
});

export const mediaSourceCreate = defineAction({
  name: 'media_source_create',
  doc: 'Adds an RSS or Atom feed to media monitoring, for an institution (usually its Humas), with an optional fetch schedule (cron, Asia/Jakarta). The institution’s admins or a sysadmin.',
  readOnly: false,
  schema: Type.Object({
    name: Slug,
    title: Type.Optional(Type.String({ maxLength: 200 })),
    url: Type.String({
      minLength: 8,
      maxLength: 1000,
      description: 'The feed’s URL (http, https, or file for a feed shipped with the server)',
    }),
    owner_org: IdOrName,
    schedule: Type.Optional(Schedule),
    active: Type.Optional(Type.Boolean()),
  }),
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    if (ctx.actor.sysadmin) return allow();
    const org = await findOrganization(ctx.services.catalog.db, input.owner_org).catch(() => undefined);
    return org && hasRole(ctx.actor, org.id, ['admin'])
      ? allow()
      : deny('Only the institution’s admins or a sysadmin may do this');
  },
  handler: async (ctx, input) => {
    const url = checkUrl(input.url);
    if (url.startsWith('file:') && !ctx.actor?.sysadmin)
      throw validation({ url: ['Only a sysadmin may add a file feed'] });
    checkSchedule(input.schedule);
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.owner_org);
    const taken = await db
      .selectFrom('media_source')
      .select('id')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (taken) throw validation({ name: ['That media source name is already in use'] });
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('media_source')
        .values({
          name: input.name,
          title: input.title ?? input.name,
          url,
          organization_id: org.id,
          schedule: input.schedule || null,
          active: input.active ?? true,
          created_by: userIdOf(ctx.actor),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'media_source_create',
        entityType: 'organization',
        entityId: org.id,
        before: {},
        after: { [`media_source:${input.name}`]: { url, schedule: input.schedule ?? null } },
      });
      return row.id;
    });
    return sourceDict(await sourceRow(ctx, id));
  },
});

export const mediaSourceShow = defineAction({
  name: 'media_source_show',
  doc: 'A media source with its last 20 fetches (state, counts, the error of a failed one). The institution’s admins or a sysadmin.',
  readOnly: true,
  schema: Type.Object({ id: IdOrName }),
  policy: sourceAdminPolicy,
  handler: async (ctx, input) => {
    const s = await sourceRow(ctx, input.id);
    const fetches = await ctx.services.catalog.db
      .selectFrom('media_fetch_log')
      .selectAll()
      .where('source_id', '=', s.id)
      .orderBy('started', 'desc')
      .limit(20)
      .execute();
    return {
      ...sourceDict(s),
      fetches: fetches.map((f) => ({
        id: f.id,
        job_id: f.job_id,
        state: f.state,
        started: f.started.toISOString(),
        finished: f.finished?.toISOString() ?? null,
        counts: f.counts,
        message: f.message,
      })),
    };
  },
});

export const mediaSourceList = defineAction({
  name: 'media_source_list',
  doc: 'Media sources with the state of their last fetch. Any signed-in user.',
  readOnly: true,
  schema: Type.Object({ owner_org: Type.Optional(IdOrName) }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    let q = sources(ctx)
      .select((eb) =>
        eb
          .selectFrom('media_fetch_log as l')
          .select('l.state')
          .whereRef('l.source_id', '=', 's.id')
          .orderBy('l.started', 'desc')
          .limit(1)
          .as('last_state'),
      )
      .orderBy('s.name');
    if (input.owner_org)
      q = q.where(
        's.organization_id',
        '=',
        (await findOrganization(ctx.services.catalog.db, input.owner_org)).id,
      );
    return (await q.execute()).map((s) => ({ ...sourceDict(s), last_state: s.last_state ?? null }));
  },
});

export const mediaSourceUpdate = defineAction({
  name: 'media_source_update',
  doc: 'Changes a media source’s title, URL, schedule or active flag (only the fields given). The institution’s admins or a sysadmin.',
  readOnly: false,
  schema: Type.Object({
    id: IdOrName,
    title: Type.Optional(Type.String({ maxLength: 200 })),
    url: Type.Optional(Type.String({ minLength: 8, maxLength: 1000 })),
    schedule: Type.Optional(Schedule),
    active: Type.Optional(Type.Boolean()),
  }),
  policy: sourceAdminPolicy,
  handler: async (ctx, input) => {
    const old = await sourceRow(ctx, input.id);
    const url = input.url !== undefined ? checkUrl(input.url) : undefined;
    if (url?.startsWith('file:') && !ctx.actor?.sysadmin)
      throw validation({ url: ['Only a sysadmin may add a file feed'] });
    checkSchedule(input.schedule);
    const changes = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(url !== undefined ? { url } : {}),
      ...(input.schedule !== undefined ? { schedule: input.schedule || null } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    await ctx.services.catalog.db.transaction().execute(async (trx) => {
      if (Object.keys(changes).length)
        await trx.updateTable('media_source').set(changes).where('id', '=', old.id).execute();
      await audit(trx, ctx.actor, {
        action: 'media_source_update',
        entityType: 'organization',
        entityId: old.organization_id,
        before: {
          [`media_source:${old.name}`]: {
            title: old.title,
            url: old.url,
            schedule: old.schedule,
            active: old.active,
          },
        },
        after: {
          [`media_source:${old.name}`]: {
            title: old.title,
            url: old.url,
            schedule: old.schedule,
            active: old.active,
            ...changes,
          },
        },
      });
    });
    return sourceDict(await sourceRow(ctx, old.id));
  },
});

export const mediaSourceDelete = defineAction({
  name: 'media_source_delete',
  doc: 'Removes a media source with its items and fetch log. The institution’s admins or a sysadmin.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName }),
  policy: sourceAdminPolicy,
  handler: async (ctx, input) => {
    const old = await sourceRow(ctx, input.id);
    await ctx.services.catalog.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('media_source').where('id', '=', old.id).execute();
      await audit(trx, ctx.actor, {
        action: 'media_source_delete',
        entityType: 'organization',
        entityId: old.organization_id,
        before: { [`media_source:${old.name}`]: { url: old.url } },
        after: {},
      });
    });
    return { id: old.id, deleted: true };
  },
});

export const mediaSourceFetch = defineAction({
  name: 'media_source_fetch',
  doc: 'Queues a fetch of a media source now (a `media_fetch` job) and answers the job at once; follow it with `job_show`. The institution’s admins or a sysadmin.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName }),
  policy: sourceAdminPolicy,
  handler: async (ctx, input) => {
    const s = await sourceRow(ctx, input.id);
    const { job } = await ctx.services.jobs.enqueue({
      kind: 'media_fetch',
      target: s.id,
      params: { source: s.name },
      createdBy: userIdOf(ctx.actor),
    });
    return jobDict(job);
  },
});
