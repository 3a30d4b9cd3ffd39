/**
 * Priority programmes and national strategic projects (PSN): `programme_create/update/show/list`.
 * Owner institution, status, location (Kemendagri region code, optional coordinates),
 * milestones with dates, bottleneck notes and evidence (photos, documents). Anyone reads them;
 * editors of the owner institution change them.
 */
import { Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { EDITOR_ROLES, hasRole } from '../../catalog/access.js';
import { audit } from '../../catalog/audit.js';
import { isUuid } from '../../catalog/ckan-format.js';
import { findOrganization } from '../../catalog/organizations.js';
import { notFound, validation } from '../../core/errors.js';
import { addEvidence, evidenceOf } from '../../ruang-kendali/evidence.js';
import { IdOrName, Slug } from '../catalog/schemas.js';
import { allow, deny, publicPolicy } from '../policy.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { lit } from './schemas.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Status = lit('planned', 'on_track', 'at_risk', 'delayed', 'completed');
const Fields = {
  title: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })),
  kind: Type.Optional(lit('priority', 'psn', 'other')),
  status: Type.Optional(Status),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  region_code: Type.Optional(
    Type.Union([Type.String({ pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$' }), Type.Null()]),
  ),
  lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
  lon: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
  start_date: Type.Optional(Type.Union([Day, Type.Null()])),
  end_date: Type.Optional(Type.Union([Day, Type.Null()])),
  milestones: Type.Optional(
    Type.Array(
      Type.Object({
        title: Type.String({ minLength: 1, maxLength: 300 }),
        due_date: Day,
        done_date: Type.Optional(Type.Union([Day, Type.Null()])),
      }),
      { maxItems: 200 },
    ),
  ),
  bottleneck: Type.Optional(
    Type.String({ minLength: 1, maxLength: 5000, description: 'adds a bottleneck note' }),
  ),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 5000, description: 'adds a progress note' })),
  evidence_upload_id: Type.Optional(Type.String({ maxLength: 100 })),
  evidence_caption: Type.Optional(Type.String({ maxLength: 500 })),
};

async function findProgramme(ctx: ActionContext, id: string) {
  const p = await ctx.services.catalog.db
    .selectFrom('programme')
    .selectAll()
    .where(isUuid(id) ? 'id' : 'name', '=', id)
    .executeTakeFirst();
  if (!p) throw notFound(`programme ${id}`);
  return p;
}

async function checkRegion(ctx: ActionContext, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const known = await ctx.services.catalog.db
    .selectFrom('region')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  const any = await ctx.services.catalog.db.selectFrom('region').select('code').limit(1).executeTakeFirst();
  if (any && !known) throw validation({ region_code: [`${code} is not a Kemendagri region code`] });
}

const today = () => new Date().toISOString().slice(0, 10);

async function programmeDetail(ctx: ActionContext, id: string) {
  const db = ctx.services.catalog.db;
  const p = await findProgramme(ctx, id);
  const [org, milestones, notes, evidence, region] = await Promise.all([
    db
      .selectFrom('organization')
      .select(['name', 'title'])
      .where('id', '=', p.organization_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('programme_milestone')
      .select(['title', 'due_date', 'done_date'])
      .where('programme_id', '=', p.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('programme_note')
      .select(['at', 'actor', 'kind', 'text'])
      .where('programme_id', '=', p.id)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    evidenceOf(ctx.services, { entity_type: 'programme', entity_id: p.id }),
    p.region_code
      ? db.selectFrom('region').select(['name', 'level']).where('code', '=', p.region_code).executeTakeFirst()
      : undefined,
  ]);
  const day = today();
  return {
    ...p,
    organization: org,
    region_name: region?.name ?? null,
    milestones: milestones.map((m) => ({ ...m, late: m.done_date === null && m.due_date < day })),
    bottlenecks: notes.filter((n) => n.kind === 'bottleneck'),
    notes: notes.filter((n) => n.kind === 'note'),
    evidence,
  };
}

/** Milestones, notes and evidence of a create or update, after the row is written. */
async function saveParts(
  ctx: ActionContext,
  id: string,
  input: {
    milestones?: { title: string; due_date: string; done_date?: string | null }[];
    bottleneck?: string;
    note?: string;
    evidence_upload_id?: string;
    evidence_caption?: string;
  },
) {
  const db = ctx.services.catalog.db;
  if (input.milestones) {
    await db.deleteFrom('programme_milestone').where('programme_id', '=', id).execute();
    if (input.milestones.length > 0)
      await db
        .insertInto('programme_milestone')
        .values(
          input.milestones.map((m, position) => ({
            programme_id: id,
            position,
            title: m.title,
            due_date: m.due_date,
            done_date: m.done_date ?? null,
          })),
        )
        .execute();
  }
  for (const [kind, text] of [
    ['bottleneck', input.bottleneck],
    ['note', input.note],
  ] as const)
    if (text)
      await db
        .insertInto('programme_note')
        .values({ programme_id: id, kind, text, actor: ctx.actor?.name ?? null })
        .execute();
  if (input.evidence_upload_id)
    await addEvidence(
      ctx.services,
      ctx.actor,
      { entity_type: 'programme', entity_id: id },
      input.evidence_upload_id,
      input.evidence_caption ?? '',
    );
}

const ROW_FIELDS = [
  'title',
  'kind',
  'status',
  'description',
  'region_code',
  'lat',
  'lon',
  'start_date',
  'end_date',
] as const;

export const programmeCreate = defineAction({
  name: 'programme_create',
  doc: 'Adds a priority programme or national strategic project (PSN) of an institution: status, location (region code, optional coordinates), milestones with dates, a first bottleneck note and evidence. Editors of the institution.',
  readOnly: false,
  schema: Type.Object({ name: Slug, owner_org: IdOrName, ...Fields }),
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    const org = await findOrganization(ctx.services.catalog.db, input.owner_org);
    return hasRole(ctx.actor, org.id, EDITOR_ROLES)
      ? allow()
      : deny('Only editors of the institution may add its programmes');
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.owner_org);
    if (await db.selectFrom('programme').select('id').where('name', '=', input.name).executeTakeFirst())
      throw validation({ name: ['That programme name is already in use'] });
    await checkRegion(ctx, input.region_code);
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('programme')
        .values({
          name: input.name,
          title: input.title ?? input.name,
          kind: input.kind ?? 'priority',
          status: input.status ?? 'planned',
          organization_id: org.id,
          description: input.description ?? '',
          region_code: input.region_code ?? null,
          lat: input.lat ?? null,
          lon: input.lon ?? null,
          start_date: input.start_date ?? null,
          end_date: input.end_date ?? null,
          created_by: userIdOf(ctx.actor),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'programme_create',
        entityType: 'organization',
        entityId: org.id,
        before: {},
        after: { [`programme:${row.id}`]: { name: input.name, status: input.status ?? 'planned' } },
      });
      return row.id;
    });
    await saveParts(ctx, id, input);
    return programmeDetail(ctx, id);
  },
});

export const programmeUpdate = defineAction({
  name: 'programme_update',
  doc: 'Changes a programme (fields left out keep their value; `milestones` replaces them all) and adds a bottleneck note, a progress note or evidence. Editors of the owner institution.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName, ...Fields }),
  policy: async (ctx, input) => {
    const p = await findProgramme(ctx, input.id);
    return hasRole(ctx.actor, p.organization_id, EDITOR_ROLES)
      ? allow()
      : deny('Only editors of the institution may change its programmes');
  },
  handler: async (ctx, input) => {
    const p = await findProgramme(ctx, input.id);
    await checkRegion(ctx, input.region_code);
    const set = Object.fromEntries(
      ROW_FIELDS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]),
    );
    await ctx.services.catalog.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('programme')
        .set({ ...set, modified: new Date() })
        .where('id', '=', p.id)
        .execute();
      await audit(trx, ctx.actor, {
        action: 'programme_update',
        entityType: 'organization',
        entityId: p.organization_id,
        before: {
          [`programme:${p.id}`]: Object.fromEntries(Object.keys(set).map((k) => [k, p[k as keyof typeof p]])),
        },
        after: { [`programme:${p.id}`]: set },
      });
    });
    await saveParts(ctx, p.id, input);
    return programmeDetail(ctx, p.id);
  },
});

export const programmeShow = defineAction({
  name: 'programme_show',
  doc: 'One programme with its milestones (late ones marked), bottleneck and progress notes, evidence and location.',
  readOnly: true,
  schema: Type.Object({ id: IdOrName }),
  policy: publicPolicy,
  handler: async (ctx, input) => programmeDetail(ctx, input.id),
});

export const programmeList = defineAction({
  name: 'programme_list',
  doc: 'Programmes, optionally of one institution, kind, status or region (a province code includes its regencies), with their next milestone.',
  readOnly: true,
  schema: Type.Object({
    owner_org: Type.Optional(IdOrName),
    kind: Type.Optional(lit('priority', 'psn', 'other')),
    status: Type.Optional(Status),
    region: Type.Optional(Type.String({ minLength: 2, maxLength: 20 })),
  }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    let q = db
      .selectFrom('programme as p')
      .innerJoin('organization as o', 'o.id', 'p.organization_id')
      .selectAll('p')
      .select(['o.name as organization', 'o.title as organization_title'])
      .orderBy('p.title');
    if (input.owner_org)
      q = q.where('p.organization_id', '=', (await findOrganization(db, input.owner_org)).id);
    if (input.kind) q = q.where('p.kind', '=', input.kind);
    if (input.status) q = q.where('p.status', '=', input.status);
    if (input.region)
      q = q.where((eb) =>
        eb.or([
          eb('p.region_code', '=', input.region as string),
          eb('p.region_code', 'like', `${input.region}.%`),
        ]),
      );
    const rows = await q.execute();
    const milestones = rows.length
      ? await db
          .selectFrom('programme_milestone')
          .select(['programme_id', 'title', 'due_date', 'done_date'])
          .where(
            'programme_id',
            'in',
            rows.map((r) => r.id),
          )
          .where('done_date', 'is', null)
          .orderBy('due_date')
          .execute()
      : [];
    return rows.map((r) => ({
      ...r,
      next_milestone: milestones.find((m) => m.programme_id === r.id) ?? null,
    }));
  },
});
