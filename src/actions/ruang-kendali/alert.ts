/**
 * Alert rules and alerts: `alert_rule_create/list/update` (walidata and admins of the owner
 * institution) and `alert_list/show/update` (members of the alert's owner institution; its
 * editors add follow-up notes, assign, escalate and close with a note and optional evidence).
 */
import { Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { canReadDataset, EDITOR_ROLES, hasRole, MANAGER_ROLES, roleIn } from '../../catalog/access.js';
import { audit } from '../../catalog/audit.js';
import { isUuid } from '../../catalog/ckan-format.js';
import { findDataset } from '../../catalog/datasets.js';
import { jsonb } from '../../catalog/json.js';
import { findOrganization } from '../../catalog/organizations.js';
import type { AlertTier } from '../../catalog/schema.js';
import { notFound, validation } from '../../core/errors.js';
import { type AlertRow, recordEvent, setTier, TIERS } from '../../ruang-kendali/alerts.js';
import { addEvidence, evidenceOf } from '../../ruang-kendali/evidence.js';
import { canReadIndicator, findIndicator } from '../../ruang-kendali/indicators.js';
import { IdOrName, Slug } from '../catalog/schemas.js';
import { allow, deny, signedInPolicy } from '../policy.js';
import type { ActionContext, Actor } from '../types.js';
import { defineAction } from '../types.js';
import { lit } from './schemas.js';

const Kind = lit('threshold', 'target_missed', 'stale_data', 'overdue_submission', 'sentiment_spike');
const Tier = lit('staff', 'deputy', 'leadership');
const Params = Type.Object(
  {
    op: Type.Optional(lit('lt', 'le', 'gt', 'ge')),
    value: Type.Optional(Type.Number()),
    statuses: Type.Optional(
      Type.Array(lit('green', 'amber_green', 'amber', 'amber_red', 'red'), { maxItems: 5 }),
    ),
    max_age_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660 })),
    scope: Type.Optional(lit('own', 'all')),
    min_score: Type.Optional(Type.Number()),
    since_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  { additionalProperties: false },
);
const Delays = {
  deadline_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  deputy_after_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 8760 })),
  leadership_after_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 8760 })),
};

/** Organization ids whose alerts and rules the actor sees ('all' for sysadmins). */
const memberOrgs = (actor: Actor | null): 'all' | string[] =>
  actor?.sysadmin ? 'all' : Object.keys(actor?.memberships ?? {});

function checkRule(
  kind: string,
  p: Record<string, unknown>,
  refs: { indicator: boolean; dataset: boolean },
  delays: { deputy: number; leadership: number },
) {
  const errors: Record<string, string[]> = {};
  if ((kind === 'threshold' || kind === 'target_missed') && !refs.indicator)
    errors.indicator = ['required for this kind'];
  if (kind === 'threshold' && (p.op === undefined || p.value === undefined))
    errors.params = ['a threshold rule needs op and value'];
  if (kind === 'stale_data' && !refs.indicator && !refs.dataset)
    errors.package_id = ['give the dataset (or an indicator) whose releases to watch'];
  if (delays.leadership <= delays.deputy)
    errors.leadership_after_hours = ['must be later than deputy_after_hours'];
  if (Object.keys(errors).length > 0) throw validation(errors);
}

export const alertRuleCreate = defineAction({
  name: 'alert_rule_create',
  doc: 'Adds an alert rule of an institution: threshold breach or target missed (of an indicator), stale data (no new version by the release schedule or `max_age_days`), overdue submission (cycle_overdue) or sentiment spike (media_spike); with the alert deadline and the escalation delays (staff → deputy → leadership). Walidata and admins of the institution; `scope: all` (every institution) needs a sysadmin.',
  readOnly: false,
  schema: Type.Object({
    name: Slug,
    title: Type.Optional(Type.String({ maxLength: 300 })),
    kind: Kind,
    owner_org: IdOrName,
    indicator: Type.Optional(IdOrName),
    package_id: Type.Optional(IdOrName),
    params: Type.Optional(Params),
    ...Delays,
  }),
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.owner_org);
    if (!hasRole(ctx.actor, org.id, MANAGER_ROLES))
      return deny('Only the institution’s walidata or admins may set its alerts');
    if (input.params?.scope === 'all' && !ctx.actor.sysadmin)
      return deny('Only a sysadmin may watch every institution');
    if (input.indicator && !canReadIndicator(ctx.actor, await findIndicator(db, input.indicator)))
      throw notFound(`indicator ${input.indicator}`);
    if (input.package_id && !canReadDataset(ctx.actor, await findDataset(db, input.package_id)))
      throw notFound(`dataset ${input.package_id}`);
    return allow();
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.owner_org);
    const indicator = input.indicator ? (await findIndicator(db, input.indicator)).indicator : undefined;
    const ds = input.package_id ? await findDataset(db, input.package_id) : undefined;
    checkRule(
      input.kind,
      input.params ?? {},
      { indicator: !!indicator, dataset: !!ds },
      {
        deputy: input.deputy_after_hours ?? 48,
        leadership: input.leadership_after_hours ?? 120,
      },
    );
    if (await db.selectFrom('alert_rule').select('id').where('name', '=', input.name).executeTakeFirst())
      throw validation({ name: ['That rule name is already in use'] });
    return db.transaction().execute(async (trx) => {
      const rule = await trx
        .insertInto('alert_rule')
        .values({
          name: input.name,
          title: input.title ?? '',
          kind: input.kind,
          organization_id: org.id,
          indicator_id: indicator?.id ?? null,
          dataset_id: ds?.id ?? null,
          params: jsonb(input.params ?? {}),
          deadline_days: input.deadline_days,
          deputy_after_hours: input.deputy_after_hours,
          leadership_after_hours: input.leadership_after_hours,
          created_by: userIdOf(ctx.actor),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'alert_rule_create',
        entityType: 'organization',
        entityId: org.id,
        before: {},
        after: { [`alert_rule:${rule.id}`]: { name: rule.name, kind: rule.kind, params: rule.params } },
      });
      return rule;
    });
  },
});

export const alertRuleList = defineAction({
  name: 'alert_rule_list',
  doc: 'Alert rules of the caller’s institutions (all of them for a sysadmin), optionally of one institution.',
  readOnly: true,
  schema: Type.Object({ owner_org: Type.Optional(IdOrName) }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const orgs = memberOrgs(ctx.actor);
    let q = db.selectFrom('alert_rule').selectAll().orderBy('name');
    if (input.owner_org)
      q = q.where('organization_id', '=', (await findOrganization(db, input.owner_org)).id);
    if (orgs !== 'all') {
      if (orgs.length === 0) return [];
      q = q.where('organization_id', 'in', orgs);
    }
    return q.execute();
  },
});

const findRule = async (ctx: ActionContext, id: string) => {
  const rule = await ctx.services.catalog.db
    .selectFrom('alert_rule')
    .selectAll()
    .where(isUuid(id) ? 'id' : 'name', '=', id)
    .executeTakeFirst();
  if (!rule) throw notFound(`alert rule ${id}`);
  return rule;
};

export const alertRuleUpdate = defineAction({
  name: 'alert_rule_update',
  doc: 'Changes a rule’s title, parameters, deadline, escalation delays or turns it off (`active`). Walidata and admins of its institution.',
  readOnly: false,
  schema: Type.Object({
    id: IdOrName,
    title: Type.Optional(Type.String({ maxLength: 300 })),
    params: Type.Optional(Params),
    active: Type.Optional(Type.Boolean()),
    ...Delays,
  }),
  policy: async (ctx, input) => {
    const rule = await findRule(ctx, input.id);
    if (!ctx.actor || roleIn(ctx.actor, rule.organization_id) === undefined) {
      if (!ctx.actor?.sysadmin) throw notFound(`alert rule ${input.id}`);
    }
    if (input.params?.scope === 'all' && !ctx.actor?.sysadmin)
      return deny('Only a sysadmin may watch every institution');
    return hasRole(ctx.actor, rule.organization_id, MANAGER_ROLES)
      ? allow()
      : deny('Only the institution’s walidata or admins may change its alerts');
  },
  handler: async (ctx, input) => {
    const rule = await findRule(ctx, input.id);
    const params = input.params ?? rule.params;
    const deputy = input.deputy_after_hours ?? rule.deputy_after_hours;
    const leadership = input.leadership_after_hours ?? rule.leadership_after_hours;
    checkRule(
      rule.kind,
      params,
      { indicator: !!rule.indicator_id, dataset: !!rule.dataset_id },
      { deputy, leadership },
    );
    return ctx.services.catalog.db.transaction().execute(async (trx) => {
      const after = await trx
        .updateTable('alert_rule')
        .set({
          title: input.title ?? rule.title,
          params: jsonb(params),
          active: input.active ?? rule.active,
          deadline_days: input.deadline_days ?? rule.deadline_days,
          deputy_after_hours: deputy,
          leadership_after_hours: leadership,
          modified: new Date(),
        })
        .where('id', '=', rule.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const pick = (r: typeof rule) => ({
        title: r.title,
        params: r.params,
        active: r.active,
        deadline_days: r.deadline_days,
        deputy_after_hours: r.deputy_after_hours,
        leadership_after_hours: r.leadership_after_hours,
      });
      await audit(trx, ctx.actor, {
        action: 'alert_rule_update',
        entityType: 'organization',
        entityId: rule.organization_id,
        before: { [`alert_rule:${rule.id}`]: pick(rule) },
        after: { [`alert_rule:${rule.id}`]: pick(after) },
      });
      return after;
    });
  },
});

export const alertList = defineAction({
  name: 'alert_list',
  doc: 'Alerts of the caller’s institutions (all for a sysadmin), newest first: open ones by default (`state`), optionally of one institution or tier.',
  readOnly: true,
  schema: Type.Object({
    state: Type.Optional(lit('open', 'closed', 'all')),
    owner_org: Type.Optional(IdOrName),
    tier: Type.Optional(Tier),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const orgs = memberOrgs(ctx.actor);
    let q = db
      .selectFrom('alert as a')
      .innerJoin('organization as o', 'o.id', 'a.organization_id')
      .selectAll('a')
      .select(['o.name as organization', 'o.title as organization_title'])
      .orderBy('a.opened_at', 'desc')
      .limit(input.limit ?? 100);
    const state = input.state ?? 'open';
    if (state !== 'all') q = q.where('a.state', '=', state);
    if (input.tier) q = q.where('a.tier', '=', input.tier);
    if (input.owner_org)
      q = q.where('a.organization_id', '=', (await findOrganization(db, input.owner_org)).id);
    if (orgs !== 'all') {
      if (orgs.length === 0) return [];
      q = q.where('a.organization_id', 'in', orgs);
    }
    return q.execute();
  },
});

async function findAlert(ctx: ActionContext, id: string): Promise<AlertRow> {
  const alert = isUuid(id)
    ? await ctx.services.catalog.db.selectFrom('alert').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!alert) throw notFound(`alert ${id}`);
  return alert;
}

/** Members of the owner institution and sysadmins see an alert; others get Not Found. */
async function visibleAlert(ctx: ActionContext, id: string): Promise<AlertRow> {
  const alert = await findAlert(ctx, id);
  if (!ctx.actor?.sysadmin && roleIn(ctx.actor, alert.organization_id) === undefined)
    throw notFound(`alert ${id}`);
  return alert;
}

async function alertDetail(ctx: ActionContext, alert: AlertRow) {
  const db = ctx.services.catalog.db;
  const [rule, events, evidence, assignee] = await Promise.all([
    db
      .selectFrom('alert_rule')
      .select(['id', 'name', 'title', 'kind', 'deputy_after_hours', 'leadership_after_hours'])
      .where('id', '=', alert.rule_id)
      .executeTakeFirst(),
    db
      .selectFrom('alert_event')
      .select(['at', 'actor', 'action', 'note', 'data'])
      .where('alert_id', '=', alert.id)
      .orderBy('seq')
      .execute(),
    evidenceOf(ctx.services, { entity_type: 'alert', entity_id: alert.id }),
    alert.assignee
      ? db.selectFrom('app_user').select(['id', 'name']).where('id', '=', alert.assignee).executeTakeFirst()
      : undefined,
  ]);
  return { ...alert, assignee: assignee ?? null, rule, events, evidence };
}

export const alertShow = defineAction({
  name: 'alert_show',
  doc: 'One alert with its rule, follow-up log (opened, notes, assignments, escalations, webhook deliveries, closing) and evidence. Members of the owner institution.',
  readOnly: true,
  schema: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
  policy: async (ctx, input) => {
    await visibleAlert(ctx, input.id);
    return allow();
  },
  handler: async (ctx, input) => alertDetail(ctx, await findAlert(ctx, input.id)),
});

export const alertUpdate = defineAction({
  name: 'alert_update',
  doc: 'Follows up an alert: a `note`, `assignee` (user name or id), `escalate` (to the next tier, or `tier`), `close` with a `note` (required) and optional evidence (`evidence_upload_id` of an upload). Editors of the owner institution.',
  readOnly: false,
  schema: Type.Object({
    id: Type.String({ minLength: 1, maxLength: 100 }),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    escalate: Type.Optional(Type.Boolean()),
    tier: Type.Optional(Tier),
    close: Type.Optional(Type.Boolean()),
    evidence_upload_id: Type.Optional(Type.String({ maxLength: 100 })),
    evidence_caption: Type.Optional(Type.String({ maxLength: 500 })),
  }),
  policy: async (ctx, input) => {
    const alert = await visibleAlert(ctx, input.id);
    return hasRole(ctx.actor, alert.organization_id, EDITOR_ROLES)
      ? allow()
      : deny('Only editors of the owner institution may follow up its alerts');
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const now = new Date();
    let alert = await findAlert(ctx, input.id);
    const note = input.note?.trim() ?? '';
    if (alert.state === 'closed') throw validation({ id: ['the alert is closed'] });
    if (input.close && note === '') throw validation({ note: ['closing an alert needs a note'] });
    const acted = [
      input.note,
      input.assignee,
      input.escalate,
      input.tier,
      input.close,
      input.evidence_upload_id,
    ].some((v) => v !== undefined);
    if (!acted) throw validation({ note: ['give a note, assignee, escalate, tier, close or evidence'] });
    const plainNote = note !== '' && !input.close && !(input.tier || input.escalate);
    if (plainNote) await recordEvent(ctx.services, alert, 'note', ctx.actor, now, note);
    if (input.assignee) {
      const user = await db
        .selectFrom('app_user')
        .select(['id', 'name'])
        .where(isUuid(input.assignee) ? 'id' : 'name', '=', input.assignee)
        .executeTakeFirst();
      if (!user) throw validation({ assignee: [`no user ${input.assignee}`] });
      alert = await db
        .updateTable('alert')
        .set({ assignee: user.id })
        .where('id', '=', alert.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(ctx.services, alert, 'assigned', ctx.actor, now, '', { user: user.name });
    }
    if (input.evidence_upload_id) {
      const ev = await addEvidence(
        ctx.services,
        ctx.actor,
        { entity_type: 'alert', entity_id: alert.id },
        input.evidence_upload_id,
        input.evidence_caption ?? '',
      );
      await recordEvent(ctx.services, alert, 'evidence', ctx.actor, now, ev.filename, { evidence_id: ev.id });
    }
    if (input.tier || input.escalate) {
      const next: AlertTier =
        input.tier ?? (TIERS[Math.min(TIERS.indexOf(alert.tier) + 1, TIERS.length - 1)] as AlertTier);
      alert = await setTier(ctx.services, alert, next, ctx.actor, now, input.close ? '' : note);
    }
    if (input.close) {
      alert = await db
        .updateTable('alert')
        .set({ state: 'closed', closed_at: now, close_note: note })
        .where('id', '=', alert.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(ctx.services, alert, 'closed', ctx.actor, now, note, { by: userIdOf(ctx.actor) });
    }
    return alertDetail(ctx, alert);
  },
});
