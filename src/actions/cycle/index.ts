/**
 * The Satu Data cycle (Perpres 39/2019): the Daftar Data and the review of submitted versions.
 *
 * - `data_plan_create`, `data_plan_list`: planned datasets per year and institution, with
 *   producer, standard-data reference, priority flag, frequency and due dates; an item whose
 *   due date passed with no submission in its period is `overdue`.
 * - `review_submit`: a producer submits a file for a dataset. It is imported and checked as
 *   `datastore_import` does, and staged: written to the datastore, seen by no reader.
 * - `review_list`, `review_show`: the queue for the caller's role (walidata and admins of the
 *   institution: submitted; pembina: priority data awaiting them; producers: their own), and one
 *   submission with its validation report, its history and a diff against the published table.
 * - `review_decide`: the walidata approves (priority data then goes to the pembina, the rest is
 *   published) or returns it with a comment; the pembina (walidata or admin of an institution
 *   marked `pembina: true`, e.g. BPS for statistics) approves (published) or returns it.
 * Every step is an event with who, when and the comment, and in the audit log.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { canReadDataset, hasRole } from '../../catalog/access.js';
import { audit } from '../../catalog/audit.js';
import { isUuid } from '../../catalog/ckan-format.js';
import { findDataset } from '../../catalog/datasets.js';
import { jsonb } from '../../catalog/json.js';
import { findOrganization } from '../../catalog/organizations.js';
import type { SubmissionState } from '../../catalog/schema.js';
import { conflict, notFound, validation } from '../../core/errors.js';
import { coversItem, jakartaDate, missedDueDates, resolveOverdue } from '../../cycle/overdue.js';
import type { Coverage } from '../../ingest/coverage.js';
import { prepareImport } from '../../ingest/pipeline/import.js';
import type { TableSchema } from '../../ingest/pipeline/schema.js';
import type { FieldType } from '../../ingest/pipeline/types.js';
import { publishStaged, stageImport } from '../../ingest/publish.js';
import { findUpload } from '../../ingest/uploads.js';
import { notifyReview } from '../../notify/cycle-events.js';
import { editDatasetPolicy } from '../catalog/dataset-policy.js';
import { IdOrName } from '../catalog/schemas.js';
import { ImportInput } from '../datastore/import.js';
import { allow, type Decision, deny, signedInPolicy } from '../policy.js';
import type { ActionRegistry } from '../registry.js';
import type { ActionContext, Actor } from '../types.js';
import { defineAction } from '../types.js';
import { overdueList } from './overdue-list.js';
import { readPlanFile } from './plan-file.js';

const userId = (ctx: ActionContext): string | null => userIdOf(ctx.actor);
const MANAGER_ROLES = ['walidata', 'admin'] as const;

/** Due dates of a year by frequency: the last day of each month, of each quarter, or of the year. */
export function dueDates(year: number, frequency: 'monthly' | 'quarterly' | 'yearly'): string[] {
  const months =
    frequency === 'monthly'
      ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
      : frequency === 'quarterly'
        ? [3, 6, 9, 12]
        : [12];
  return months.map((m) => new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10));
}

/** Organizations marked as pembina data (their walidata and admins re-check priority data). */
async function pembinaOrgs(ctx: ActionContext): Promise<string[]> {
  const rows = await ctx.services.catalog.db.selectFrom('organization').select(['id', 'extras']).execute();
  return rows.filter((o) => o.extras.pembina === 'true').map((o) => o.id);
}

const isPembina = async (ctx: ActionContext, actor: Actor | null): Promise<boolean> =>
  actor?.sysadmin === true || (await pembinaOrgs(ctx)).some((id) => hasRole(actor, id, MANAGER_ROLES));

export const dataPlanCreate = defineAction({
  name: 'data_plan_create',
  doc: 'Adds a planned dataset to an institution’s Daftar Data for a year: producer, standard-data reference, priority, frequency and due dates (default: the last day of each month, quarter or the year). The institution’s walidata and admins, or a sysadmin.',
  readOnly: false,
  schema: Type.Object({
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    owner_org: IdOrName,
    title: Type.String({ minLength: 2, maxLength: 300 }),
    package_id: Type.Optional(IdOrName),
    produsen: Type.Optional(Type.String({ maxLength: 200 })),
    standard_ref: Type.Optional(Type.String({ maxLength: 300 })),
    priority: Type.Optional(Type.Boolean()),
    frequency: Type.Union([Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('yearly')]),
    due_dates: Type.Optional(Type.Array(Type.String({ format: 'date' }), { maxItems: 366 })),
  }),
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    const org = await findOrganization(ctx.services.catalog.db, input.owner_org);
    return hasRole(ctx.actor, org.id, MANAGER_ROLES)
      ? allow()
      : deny('Only the institution’s walidata or admins may plan its data');
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.owner_org);
    const ds = input.package_id ? await findDataset(db, input.package_id) : undefined;
    if (ds && ds.organization_id !== org.id)
      throw validation({ package_id: ['The dataset belongs to another institution'] });
    const taken = await db
      .selectFrom('data_plan_item')
      .select('id')
      .where('year', '=', input.year)
      .where('organization_id', '=', org.id)
      .where('title', '=', input.title)
      .executeTakeFirst();
    if (taken) throw validation({ title: [`Already in the ${input.year} Daftar Data of ${org.name}`] });
    const due = input.due_dates ?? dueDates(input.year, input.frequency);
    const row = await db.transaction().execute(async (trx) => {
      const made = await trx
        .insertInto('data_plan_item')
        .values({
          year: input.year,
          organization_id: org.id,
          title: input.title,
          dataset_id: ds?.id ?? null,
          produsen: input.produsen ?? '',
          standard_ref: input.standard_ref ?? '',
          priority: input.priority ?? false,
          frequency: input.frequency,
          due_dates: jsonb([...due].sort()),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'data_plan_create',
        entityType: 'organization',
        entityId: org.id,
        before: {},
        after: {
          [`data_plan:${made.id}`]: {
            year: input.year,
            title: input.title,
            priority: input.priority ?? false,
          },
        },
      });
      return made;
    });
    return (await planItems(ctx, { id: row.id }))[0];
  },
});

async function planItems(
  ctx: ActionContext,
  filter: { id?: string; year?: number; org?: string },
  today = new Date(),
) {
  let q = ctx.services.catalog.db
    .selectFrom('data_plan_item as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .leftJoin('dataset as d', 'd.id', 'p.dataset_id')
    .select([
      'p.id',
      'p.year',
      'p.title',
      'p.produsen',
      'p.standard_ref',
      'p.priority',
      'p.frequency',
      'p.due_dates',
      'p.dataset_id',
      'o.name as organization',
      'd.name as dataset',
    ])
    .orderBy('o.name')
    .orderBy('p.title');
  if (filter.id) q = q.where('p.id', '=', filter.id);
  if (filter.year) q = q.where('p.year', '=', filter.year);
  if (filter.org) q = q.where('p.organization_id', '=', filter.org);
  const items = await q.execute();
  const datasets = datasetIds(items);
  const submitted = items.length
    ? await ctx.services.catalog.db
        .selectFrom('submission')
        .select(['plan_item_id', 'dataset_id', 'created'])
        .where((w) =>
          w.or([
            w(
              'plan_item_id',
              'in',
              items.map((i) => i.id),
            ),
            ...(datasets.length ? [w('dataset_id', 'in', datasets)] : []),
          ]),
        )
        .execute()
    : [];
  const day = jakartaDate(today);
  return items.map((item) => {
    const dates = [...item.due_dates].sort();
    const made = submitted.filter((s) => coversItem(item, s)).map((s) => jakartaDate(s.created));
    const missed = missedDueDates(dates, made, day);
    return {
      ...item,
      due_dates: dates,
      next_due: dates.find((d) => d >= day) ?? null,
      overdue: missed,
    };
  });
}

const datasetIds = (items: readonly { dataset_id: string | null }[]): string[] => [
  ...new Set(items.flatMap((i) => (i.dataset_id ? [i.dataset_id] : []))),
];

export const dataPlanList = defineAction({
  name: 'data_plan_list',
  doc: 'The Daftar Data: planned datasets (optionally of one year and institution) with their due dates, the next one, and the periods now overdue (a due date passed with no submission, for the item or its dataset, since the previous due date; the rule of overdue_list).',
  readOnly: true,
  schema: Type.Object({
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    owner_org: Type.Optional(IdOrName),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const org = input.owner_org
      ? await findOrganization(ctx.services.catalog.db, input.owner_org)
      : undefined;
    return planItems(ctx, { ...(input.year ? { year: input.year } : {}), ...(org ? { org: org.id } : {}) });
  },
});

async function submissionRow(ctx: ActionContext, id: string) {
  const row = isUuid(id)
    ? await ctx.services.catalog.db
        .selectFrom('submission as s')
        .innerJoin('dataset as d', 'd.id', 's.dataset_id')
        .selectAll('s')
        .select(['d.name as dataset', 'd.organization_id', 'd.private', 'd.state as dataset_state'])
        .where('s.id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound(`submission ${id}`);
  return row;
}
type SubmissionRow = Awaited<ReturnType<typeof submissionRow>>;

/** Who may see a submission: the institution’s members, the pembina for priority data, sysadmins. */
async function canSeeSubmission(ctx: ActionContext, s: SubmissionRow): Promise<boolean> {
  if (!ctx.actor) return false;
  if (ctx.actor.sysadmin || ctx.actor.memberships[s.organization_id] !== undefined) return true;
  return s.priority && (await isPembina(ctx, ctx.actor));
}

async function seePolicy(ctx: ActionContext, input: { id: string }): Promise<Decision> {
  if (!ctx.actor) return deny('You must be signed in to do this');
  const s = await submissionRow(ctx, input.id).catch(() => undefined);
  if (!s || !(await canSeeSubmission(ctx, s))) throw notFound(`submission ${input.id}`);
  return allow();
}

async function event(ctx: ActionContext, submissionId: string, action: string, comment = '') {
  await ctx.services.catalog.db
    .insertInto('submission_event')
    .values({ submission_id: submissionId, actor: ctx.actor?.name ?? null, action, comment })
    .execute();
}

export const reviewSubmit = defineAction({
  name: 'review_submit',
  doc: 'Submits an uploaded file for review as the next version of a dataset’s table: imported and checked like datastore_import, then staged (no reader sees it) until the walidata — and for priority data the pembina — approves. With `resubmit`, replaces the file of a submission that was returned. A file with errors is refused. Editors of the dataset’s institution.',
  readOnly: false,
  schema: Type.Object({
    upload_id: Type.String({ minLength: 1 }),
    package_id: IdOrName,
    plan_item_id: Type.Optional(Type.String({ maxLength: 100 })),
    resubmit: Type.Optional(Type.String({ maxLength: 100, description: 'Id of a returned submission' })),
    sheet: Type.Optional(Type.Union([Type.String(), Type.Integer({ minimum: 0 })])),
    types: Type.Optional(ImportInput.properties.types),
    region_columns: Type.Optional(ImportInput.properties.region_columns),
    region_choices: Type.Optional(ImportInput.properties.region_choices),
    schema: Type.Optional(
      Type.Object(
        { fields: Type.Array(Type.Object({ name: Type.String() }, { additionalProperties: true })) },
        { additionalProperties: true },
      ),
    ),
  }),
  policy: (ctx, input) => editDatasetPolicy(ctx, { id: input.package_id }),
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const ds = await findDataset(db, input.package_id);
    const upload = await findUpload(
      ctx.services.config.dataDir,
      input.upload_id,
      ctx.actor?.id ?? null,
      ctx.actor?.sysadmin ?? false,
    );
    const previous = input.resubmit ? await submissionRow(ctx, input.resubmit) : undefined;
    if (previous && (previous.dataset_id !== ds.id || previous.state !== 'returned'))
      throw conflict(`submission ${input.resubmit} is not a returned submission of ${ds.name}`);
    const plan = input.plan_item_id ?? previous?.plan_item_id ?? undefined;
    const item = plan
      ? await db
          .selectFrom('data_plan_item')
          .selectAll()
          .where('id', '=', isUuid(plan) ? plan : '00000000-0000-0000-0000-000000000000')
          .executeTakeFirst()
      : undefined;
    if (plan && !item) throw validation({ plan_item_id: ['Not an item of the Daftar Data'] });
    if (item && item.organization_id !== ds.organization_id)
      throw validation({ plan_item_id: ['The item belongs to another institution'] });
    const prepared = await prepareImport(upload.path, {
      workDir: join(ctx.services.config.dataDir, 'tmp', `review-${randomUUID()}`),
      ...(input.sheet !== undefined ? { reader: { sheet: input.sheet } } : {}),
      ...(input.schema ? { schema: input.schema as unknown as TableSchema } : {}),
      ...(input.types ? { types: input.types as Record<string, FieldType> } : {}),
      ...(input.region_columns ? { regions: input.region_columns.map((column) => ({ column })) } : {}),
      ...(input.region_choices ? { regionChoices: input.region_choices } : {}),
    });
    try {
      const { report } = prepared;
      if (!report.valid) {
        const first = report.issues.find(
          (i) => i.code !== 'region-ambiguous' && i.code !== 'region-unresolved',
        );
        throw validation(
          {
            upload_id: [
              `${report.errorCount} errors; nothing was submitted. First: row ${first?.row}, line ${first?.line}: ${first?.message}`,
            ],
          },
          'The file has errors',
        );
      }
      const staged = await stageImport(ctx.services, { datasetId: ds.id, prepared });
      const values = {
        dataset_id: ds.id,
        plan_item_id: item?.id ?? null,
        resource_id: staged.resourceId,
        table_id: staged.tableId,
        staged_version: staged.version,
        columns: jsonb(staged.columns),
        row_count: staged.rows,
        report: jsonb(report as unknown as Record<string, unknown>),
        filename: upload.filename,
        priority: item?.priority ?? false,
        state: 'submitted' as const,
        submitted_by: userId(ctx),
        updated: new Date(),
      };
      const id = previous
        ? (
            await db
              .updateTable('submission')
              .set(values)
              .where('id', '=', previous.id)
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : (await db.insertInto('submission').values(values).returning('id').executeTakeFirstOrThrow()).id;
      await event(ctx, id, previous ? 'resubmit' : 'submit', `${upload.filename}: ${report.rows} baris`);
      await audit(db, ctx.actor, {
        action: 'review_submit',
        entityType: 'dataset',
        entityId: ds.id,
        before: null,
        after: { submission: id, staged_version: staged.version, file: upload.filename },
      });
      await resolveOverdue(db, { submissionId: id, datasetId: ds.id, planItemId: item?.id ?? null });
      await notifyReview(ctx, id, previous ? 'resubmit' : 'submit');
      return submissionDict(ctx, await submissionRow(ctx, id));
    } finally {
      await prepared.dispose();
    }
  },
});

async function submissionDict(ctx: ActionContext, s: SubmissionRow) {
  const events = await ctx.services.catalog.db
    .selectFrom('submission_event')
    .select(['at', 'actor', 'action', 'comment'])
    .where('submission_id', '=', s.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return {
    id: s.id,
    dataset: s.dataset,
    plan_item_id: s.plan_item_id,
    state: s.state,
    priority: s.priority,
    filename: s.filename,
    rows: Number(s.row_count),
    staged_version: s.staged_version,
    published_version: s.published_version,
    created: s.created.toISOString(),
    updated: s.updated.toISOString(),
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

export const reviewList = defineAction({
  name: 'review_list',
  doc: 'The review queue for the caller: submissions awaiting them (walidata and admins: submitted in their institutions; pembina: priority data awaiting the pembina; producers: their own returned ones), or all they may see in one `state`, or with `mine` the ones they submitted, in every state.',
  readOnly: true,
  schema: Type.Object({
    state: Type.Optional(
      Type.Union(['submitted', 'returned', 'awaiting_pembina', 'published'].map((s) => Type.Literal(s))),
    ),
    mine: Type.Optional(Type.Boolean()),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const actor = ctx.actor as Actor;
    let q = ctx.services.catalog.db
      .selectFrom('submission as s')
      .innerJoin('dataset as d', 'd.id', 's.dataset_id')
      .selectAll('s')
      .select(['d.name as dataset', 'd.organization_id', 'd.private', 'd.state as dataset_state'])
      .orderBy('s.updated', 'desc')
      .limit(500);
    if (input.state) q = q.where('s.state', '=', input.state as SubmissionState);
    if (input.mine) q = q.where('s.submitted_by', '=', userId(ctx) ?? '00000000-0000-0000-0000-000000000000');
    const rows = await q.execute();
    const pembina = await isPembina(ctx, actor);
    const mine = rows.filter((s) => {
      if (input.mine) return true;
      if (input.state)
        return (
          actor.sysadmin || actor.memberships[s.organization_id] !== undefined || (s.priority && pembina)
        );
      if (s.state === 'submitted') return hasRole(actor, s.organization_id, MANAGER_ROLES);
      if (s.state === 'awaiting_pembina') return pembina;
      if (s.state === 'returned')
        return s.submitted_by === actor.id || hasRole(actor, s.organization_id, MANAGER_ROLES);
      return false;
    });
    return Promise.all(mine.map((s) => submissionDict(ctx, s)));
  },
});

export const reviewShow = defineAction({
  name: 'review_show',
  doc: 'One submission: its state and history (who, when, comments), its validation report, and how it differs from the published table (columns and rows added, removed, changed).',
  readOnly: true,
  schema: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
  policy: seePolicy,
  handler: async (ctx, input) => {
    const s = await submissionRow(ctx, input.id);
    const published = await ctx.services.catalog.db
      .selectFrom('dataset_version')
      .select(['version', 'table_id'])
      .where('dataset_id', '=', s.dataset_id)
      .where('table_id', '=', s.table_id)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const diff =
      published && s.state !== 'published'
        ? await ctx.services.datastore.diff(
            { tableId: published.table_id, version: published.version },
            { tableId: s.table_id, version: s.staged_version },
            [],
            { limit: 5 },
          )
        : null;
    const ds = await findDataset(ctx.services.catalog.db, s.dataset_id);
    return {
      ...(await submissionDict(ctx, s)),
      report: s.report,
      columns: s.columns,
      against_version: published?.version ?? null,
      diff,
      dataset_readable: canReadDataset(ctx.actor, ds),
    };
  },
});

export const reviewDecide = defineAction({
  name: 'review_decide',
  doc: 'Approves or returns a submission at its current step: the walidata (or an admin) of the dataset’s institution decides a submitted one — approved priority data goes to the pembina, the rest is published; the pembina decides priority data awaiting it — approved is published. Returning needs a comment.',
  readOnly: false,
  schema: Type.Object({
    id: Type.String({ minLength: 1, maxLength: 100 }),
    decision: Type.Union([Type.Literal('approve'), Type.Literal('return')]),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  }),
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    const s = await submissionRow(ctx, input.id).catch(() => undefined);
    if (!s || !(await canSeeSubmission(ctx, s))) throw notFound(`submission ${input.id}`);
    if (s.state === 'awaiting_pembina')
      return (await isPembina(ctx, ctx.actor)) ? allow() : deny('Only the pembina data may decide this step');
    return hasRole(ctx.actor, s.organization_id, MANAGER_ROLES)
      ? allow()
      : deny('Only the institution’s walidata or admins may decide this step');
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const s = await submissionRow(ctx, input.id);
    if (s.state !== 'submitted' && s.state !== 'awaiting_pembina')
      throw conflict(`submission ${s.id} is ${s.state}: there is nothing to decide`);
    const step = s.state === 'submitted' ? 'walidata' : 'pembina';
    if (input.decision === 'return') {
      if (!input.comment?.trim()) throw validation({ comment: ['Say why it is returned'] });
      await db
        .updateTable('submission')
        .set({ state: 'returned', updated: new Date() })
        .where('id', '=', s.id)
        .execute();
      await event(ctx, s.id, `return:${step}`, input.comment.trim());
      await audit(db, ctx.actor, {
        action: 'review_return',
        entityType: 'dataset',
        entityId: s.dataset_id,
        before: { submission: s.state },
        after: { submission: 'returned', step, comment: input.comment.trim() },
      });
      await notifyReview(ctx, s.id, 'return', input.comment.trim());
      return submissionDict(ctx, await submissionRow(ctx, s.id));
    }
    await event(ctx, s.id, `approve:${step}`, input.comment?.trim() ?? '');
    if (step === 'walidata' && s.priority) {
      await db
        .updateTable('submission')
        .set({ state: 'awaiting_pembina', updated: new Date() })
        .where('id', '=', s.id)
        .execute();
      await audit(db, ctx.actor, {
        action: 'review_approve',
        entityType: 'dataset',
        entityId: s.dataset_id,
        before: { submission: s.state },
        after: { submission: 'awaiting_pembina', step },
      });
      await notifyReview(ctx, s.id, 'awaiting_pembina');
      return submissionDict(ctx, await submissionRow(ctx, s.id));
    }
    const published = await publishStaged(ctx.services, ctx.actor, {
      datasetId: s.dataset_id,
      resourceId: s.resource_id,
      tableId: s.table_id,
      version: s.staged_version,
      rows: Number(s.row_count),
      columns: s.columns,
      filename: s.filename,
      note: `${s.filename}: disetujui ${step}`,
      ...(coverageOf(s.report) ?? {}),
    });
    await db
      .updateTable('submission')
      .set({
        state: 'published',
        published_version: published.version,
        resource_id: published.resource_id,
        updated: new Date(),
      })
      .where('id', '=', s.id)
      .execute();
    await event(ctx, s.id, 'publish', `versi ${published.version}`);
    await audit(db, ctx.actor, {
      action: 'review_approve',
      entityType: 'dataset',
      entityId: s.dataset_id,
      before: { submission: s.state },
      after: { submission: 'published', step, version: published.version },
    });
    await notifyReview(ctx, s.id, 'publish');
    return {
      ...(await submissionDict(ctx, await submissionRow(ctx, s.id))),
      resource_id: published.resource_id,
    };
  },
});

export const dataPlanImport = defineAction({
  name: 'data_plan_import',
  doc: 'Imports a Daftar Data file (CSV or XLSX with columns tahun, instansi, judul, dataset, produsen, standar_data, prioritas, frekuensi, jatuh_tempo): new items are added, items with the same year, institution and title are updated; the whole file or nothing. Walidata and admins of every institution in the file, or a sysadmin. `GET /api/data-plan.csv` (or `.xlsx`) `?year=` exports it.',
  readOnly: false,
  schema: Type.Object({ upload_id: Type.String({ minLength: 1 }) }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const upload = await findUpload(
      ctx.services.config.dataDir,
      input.upload_id,
      ctx.actor?.id ?? null,
      ctx.actor?.sysadmin ?? false,
    );
    const { rows, errors } = await readPlanFile(upload.path);
    const orgs = new Map<string, string>();
    for (const name of new Set(rows.map((r) => r.organization))) {
      const org = await findOrganization(db, name).catch(() => undefined);
      if (!org) errors.push(`instansi "${name}" tidak dikenal`);
      else if (!hasRole(ctx.actor, org.id, MANAGER_ROLES))
        errors.push(`hanya walidata atau admin ${name} yang boleh mengisi Daftar Data-nya`);
      else orgs.set(name, org.id);
    }
    const datasets = new Map<string, string>();
    for (const name of new Set(rows.flatMap((r) => (r.dataset ? [r.dataset] : [])))) {
      const ds = await findDataset(db, name).catch(() => undefined);
      if (!ds) errors.push(`dataset "${name}" tidak dikenal`);
      else datasets.set(name, ds.id);
    }
    if (errors.length)
      throw validation(
        { upload_id: errors.slice(0, 50) },
        `${upload.filename}: ${errors.length} galat; Daftar Data tidak diubah`,
      );
    let created = 0;
    let updated = 0;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const organization_id = orgs.get(r.organization) as string;
        const values = {
          dataset_id: r.dataset ? (datasets.get(r.dataset) ?? null) : null,
          produsen: r.produsen,
          standard_ref: r.standard_ref,
          priority: r.priority,
          frequency: r.frequency,
          due_dates: jsonb(r.due_dates ?? dueDates(r.year, r.frequency)),
        };
        const existing = await trx
          .selectFrom('data_plan_item')
          .select('id')
          .where('year', '=', r.year)
          .where('organization_id', '=', organization_id)
          .where('title', '=', r.title)
          .executeTakeFirst();
        if (existing) {
          await trx.updateTable('data_plan_item').set(values).where('id', '=', existing.id).execute();
          updated++;
        } else {
          await trx
            .insertInto('data_plan_item')
            .values({ ...values, year: r.year, organization_id, title: r.title })
            .execute();
          created++;
        }
      }
      for (const id of new Set(orgs.values()))
        await audit(trx, ctx.actor, {
          action: 'data_plan_import',
          entityType: 'organization',
          entityId: id,
          before: {},
          after: { file: upload.filename, rows: rows.filter((r) => orgs.get(r.organization) === id).length },
        });
    });
    return { file: upload.filename, created, updated };
  },
});

export function registerCycleActions(registry: ActionRegistry): ActionRegistry {
  return registry
    .register(dataPlanCreate)
    .register(dataPlanList)
    .register(dataPlanImport)
    .register(reviewSubmit)
    .register(reviewList)
    .register(reviewShow)
    .register(reviewDecide)
    .register(overdueList);
}

/** The coverage a submission's report read from its data, when it has one (coverage.ts). */
function coverageOf(report: unknown): { coverage: Coverage } | undefined {
  const c = (report as { coverage?: unknown } | null)?.coverage;
  return c && typeof c === 'object' ? { coverage: c as Coverage } : undefined;
}
