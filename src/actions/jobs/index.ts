/**
 * Jobs and harvesting as actions: `job_show`, `job_list`, `job_cancel`; `harvest_source_create`,
 * `harvest_source_list`, `harvest_source_show`, `harvest_run` (queues a harvest job and answers
 * its id at once), `harvest_log` (the runs with their counts and errors). Harvest sources
 * belong to an institution: its admins and sysadmins manage them.
 */

import { Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { hasRole } from '../../catalog/access.js';
import { audit } from '../../catalog/audit.js';
import { isUuid } from '../../catalog/ckan-format.js';
import { findOrganization } from '../../catalog/organizations.js';
import { notFound, validation } from '../../core/errors.js';
import { checkCron } from '../../jobs/schedule.js';
import type { Job } from '../../jobs/store.js';
import { outboundRefusal } from '../../net/outbound.js';
import { IdOrName, Slug } from '../catalog/schemas.js';
import { allow, deny, signedInPolicy } from '../policy.js';
import type { ActionRegistry } from '../registry.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { searchIndexRebuild } from './rebuild.js';

const userId = (ctx: ActionContext): string | null => userIdOf(ctx.actor);

export const jobDict = (job: Job) => ({
  id: job.id,
  kind: job.kind,
  target: job.target,
  state: job.state,
  progress: job.progress,
  attempts: job.attempts,
  max_attempts: job.max_attempts,
  error: job.error,
  result: job.result ?? null,
  cancel_requested: job.cancel_requested,
  created: job.created.toISOString(),
  started: job.started?.toISOString() ?? null,
  finished: job.finished?.toISOString() ?? null,
});

async function jobPolicy(ctx: ActionContext, input: { id: string }) {
  if (!ctx.actor) return deny('You must be signed in to do this');
  if (ctx.actor.sysadmin) return allow();
  const job = await ctx.services.jobs.store.get(input.id).catch(() => undefined);
  if (job && job.created_by === ctx.actor.id) return allow();
  if (job?.kind === 'harvest') {
    const source = await sourceRow(ctx, job.target).catch(() => undefined);
    if (source && hasRole(ctx.actor, source.organization_id, ['admin'])) return allow();
  }
  return deny('Only the job’s creator or a sysadmin may do this');
}

export const jobShow = defineAction({
  name: 'job_show',
  doc: 'A job (harvest, import, rebuild): its state, progress, attempts, error and result. Its creator, the institution’s admins for a harvest, or a sysadmin.',
  readOnly: true,
  schema: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
  policy: jobPolicy,
  handler: async (ctx, input) => jobDict(await ctx.services.jobs.store.get(input.id)),
});

export const jobList = defineAction({
  name: 'job_list',
  doc: 'Recent jobs, newest first, optionally of one kind or state: a sysadmin sees all, others their own.',
  readOnly: true,
  schema: Type.Object({
    kind: Type.Optional(Type.String({ maxLength: 50 })),
    state: Type.Optional(
      Type.Union(['queued', 'running', 'succeeded', 'failed', 'cancelled'].map((s) => Type.Literal(s))),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const jobs = await ctx.services.jobs.store.list({
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.state ? { state: input.state as Job['state'] } : {}),
      limit: input.limit ?? 50,
    });
    return jobs.filter((j) => ctx.actor?.sysadmin || j.created_by === ctx.actor?.id).map(jobDict);
  },
});

export const jobCancel = defineAction({
  name: 'job_cancel',
  doc: 'Cancels a queued job at once, or asks a running one to stop (it stops at its next step).',
  readOnly: false,
  schema: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
  policy: jobPolicy,
  handler: async (ctx, input) => jobDict(await ctx.services.jobs.cancel(input.id)),
});

/** Harvest sources with their institution's name. */
const sources = (ctx: ActionContext) =>
  ctx.services.catalog.db
    .selectFrom('harvest_source as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .select([
      's.id',
      's.name',
      's.title',
      's.type',
      's.url',
      's.organization_id',
      's.schedule',
      's.created',
      'o.name as organization',
    ]);

async function sourceRow(ctx: ActionContext, idOrName: string) {
  const row = await sources(ctx)
    .where(isUuid(idOrName) ? 's.id' : 's.name', '=', idOrName)
    .executeTakeFirst();
  if (!row) throw notFound(`harvest source ${idOrName}`);
  return row;
}

type SourceRow = Awaited<ReturnType<typeof sourceRow>>;

const sourceDict = (s: SourceRow) => ({
  id: s.id,
  name: s.name,
  title: s.title,
  type: s.type,
  url: s.url,
  owner_org: s.organization_id,
  organization: s.organization,
  schedule: s.schedule,
  created: s.created.toISOString(),
});

async function sourceAdminPolicy(ctx: ActionContext, input: { id: string }) {
  if (!ctx.actor) return deny('You must be signed in to do this');
  if (ctx.actor.sysadmin) return allow();
  const source = await sourceRow(ctx, input.id).catch(() => undefined);
  if (source && hasRole(ctx.actor, source.organization_id, ['admin'])) return allow();
  return deny('Only the institution’s admins or a sysadmin may do this');
}

export const harvestSourceCreate = defineAction({
  name: 'harvest_source_create',
  doc: 'Registers another portal to harvest (`type` ckan: CKAN or Kendali, by their Action API; dcat: a DCAT catalog with Hydra paging) into an institution, with an optional schedule (cron, Asia/Jakarta). The institution’s admins or a sysadmin.',
  readOnly: false,
  schema: Type.Object({
    name: Slug,
    title: Type.Optional(Type.String({ maxLength: 200 })),
    type: Type.Union([Type.Literal('ckan'), Type.Literal('dcat')], {
      description: 'ckan: a CKAN or Kendali Action API; dcat: a DCAT catalog document (.ttl, .jsonld, .rdf)',
    }),
    url: Type.String({
      minLength: 8,
      maxLength: 500,
      description: 'Base URL of the remote portal (dcat: the catalog document’s URL)',
    }),
    owner_org: IdOrName,
    schedule: Type.Optional(
      Type.String({ maxLength: 100, description: 'cron: minute hour day month weekday' }),
    ),
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
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw validation({ url: ['Not a URL'] });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw validation({ url: ['Only http and https'] });
    const refused = outboundRefusal(url);
    if (refused) throw validation({ url: [refused.message] });
    if (input.schedule !== undefined) {
      try {
        checkCron(input.schedule);
      } catch (e) {
        throw validation({
          schedule: [`Not a cron schedule (minute hour day month weekday): ${(e as Error).message}`],
        });
      }
    }
    const org = await findOrganization(ctx.services.catalog.db, input.owner_org);
    const db = ctx.services.catalog.db;
    const taken = await db
      .selectFrom('harvest_source')
      .select('id')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (taken) throw validation({ name: ['That harvest source name is already in use'] });
    const created = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('harvest_source')
        .values({
          name: input.name,
          title: input.title ?? input.name,
          type: input.type,
          url: url.toString().replace(/\/+$/, ''),
          organization_id: org.id,
          schedule: input.schedule?.trim() ?? null,
          created_by: userId(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'harvest_source_create',
        entityType: 'harvest_source',
        entityId: row.id,
        before: {},
        after: { name: input.name, url: input.url, owner_org: org.id, schedule: input.schedule ?? null },
      });
      return row;
    });
    return sourceDict(await sourceRow(ctx, created.id));
  },
});

export const harvestSourceList = defineAction({
  name: 'harvest_source_list',
  doc: 'Harvest sources: a sysadmin sees all; an admin those of their institutions.',
  readOnly: true,
  schema: Type.Object({}),
  policy: signedInPolicy,
  handler: async (ctx) => {
    const rows = await sources(ctx).orderBy('s.name').execute();
    return rows
      .filter((s) => ctx.actor?.sysadmin || hasRole(ctx.actor, s.organization_id, ['admin']))
      .map(sourceDict);
  },
});

export const harvestSourceShow = defineAction({
  name: 'harvest_source_show',
  doc: 'One harvest source with its latest run.',
  readOnly: true,
  schema: Type.Object({ id: IdOrName }),
  policy: sourceAdminPolicy,
  handler: async (ctx, input) => {
    const source = await sourceRow(ctx, input.id);
    const [last] = await runs(ctx, source.id, 1);
    return { ...sourceDict(source), last_run: last ?? null };
  },
});

async function runs(ctx: ActionContext, sourceId: string, limit: number) {
  const rows = await ctx.services.catalog.db
    .selectFrom('harvest_run')
    .selectAll()
    .where('source_id', '=', sourceId)
    .orderBy('started', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    job_id: r.job_id,
    state: r.state,
    started: r.started.toISOString(),
    finished: r.finished?.toISOString() ?? null,
    counts: r.counts,
    errors: r.errors,
    message: r.message,
  }));
}

export const harvestRun = defineAction({
  name: 'harvest_run',
  doc: 'Queues a harvest of the source now and answers the job at once (`job_show` follows it); a harvest already queued or running for the source is answered instead of a second one.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName }),
  policy: sourceAdminPolicy,
  handler: async (ctx, input) => {
    const source = await sourceRow(ctx, input.id);
    const { job, existing } = await ctx.services.jobs.enqueue({
      kind: 'harvest',
      target: source.id,
      params: { source: source.name },
      createdBy: userId(ctx),
    });
    return { ...jobDict(job), existing };
  },
});

export const harvestLog = defineAction({
  name: 'harvest_log',
  doc: 'The runs of a harvest source, newest first: state, counts (created, updated, unchanged, deleted, failed) and per-dataset errors.',
  readOnly: true,
  schema: Type.Object({ id: IdOrName, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }),
  policy: sourceAdminPolicy,
  handler: async (ctx, input) => {
    const source = await sourceRow(ctx, input.id);
    return runs(ctx, source.id, input.limit ?? 10);
  },
});

export function registerJobActions(registry: ActionRegistry): ActionRegistry {
  return registry
    .register(jobShow)
    .register(jobList)
    .register(jobCancel)
    .register(harvestSourceCreate)
    .register(harvestSourceList)
    .register(harvestSourceShow)
    .register(harvestRun)
    .register(harvestLog)
    .register(searchIndexRebuild);
}
