/**
 * The alert lifecycle: an alert opens once per (rule, subject) with an owner institution and a
 * deadline; it climbs the escalation tiers staff → deputy → leadership after the rule's delays
 * (or by hand); every step is an `alert_event` (the follow-up log the UI shows), is emitted as
 * `alert.changed` and, where configured, POSTed to the webhook. It stays open until closed with
 * a note (and optional evidence). A closed alert is not opened again for the same subject.
 */
import type { Selectable } from 'kysely';
import type { Actor, Services } from '../actions/types.js';
import { jsonb } from '../catalog/json.js';
import type { AlertEventTable, AlertRuleTable, AlertTable, AlertTier } from '../catalog/schema.js';
import { ruangKendaliBus } from './bus.js';
import { postWebhook } from './webhook.js';

export type AlertRow = Selectable<AlertTable>;
export type AlertRuleRow = Selectable<AlertRuleTable>;
type Db = Services['catalog']['db'];
type Action = AlertEventTable['action'];

export const TIERS: readonly AlertTier[] = ['staff', 'deputy', 'leadership'];
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface Finding {
  readonly subject: string;
  readonly title: string;
  readonly detail: Record<string, unknown>;
  /** Owner institution when not the rule's (overdue and spike rules watching every institution). */
  readonly organization_id?: string;
}

/** Opens an alert for a finding unless one exists for the rule and subject; returns it when new. */
export async function openAlert(
  services: Services,
  rule: AlertRuleRow,
  f: Finding,
  now: Date,
): Promise<AlertRow | undefined> {
  const db = services.catalog.db;
  const made = await db
    .insertInto('alert')
    .values({
      rule_id: rule.id,
      kind: rule.kind,
      organization_id: f.organization_id ?? rule.organization_id,
      subject: f.subject,
      title: f.title,
      detail: jsonb(f.detail),
      state: 'open',
      tier: 'staff',
      opened_at: now,
      deadline: new Date(now.getTime() + rule.deadline_days * DAY_MS),
      tier_changed_at: now,
    })
    .onConflict((oc) => oc.columns(['rule_id', 'subject']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (made) await recordEvent(services, made, 'opened', null, now, f.title);
  return made;
}

/** Records a step in the alert's log, emits `alert.changed` and notifies the webhook. */
export async function recordEvent(
  services: Services,
  alert: AlertRow,
  action: Action,
  actor: Actor | null,
  now: Date,
  note = '',
  data: Record<string, unknown> = {},
): Promise<void> {
  await services.catalog.db
    .insertInto('alert_event')
    .values({ alert_id: alert.id, at: now, actor: actor?.name ?? null, action, note, data: jsonb(data) })
    .execute();
  ruangKendaliBus(services).emit('alert.changed', {
    id: alert.id,
    organization_id: alert.organization_id,
    kind: alert.kind,
    state: alert.state,
    tier: alert.tier,
    action,
  });
  if (action === 'opened' || action === 'escalated' || action === 'closed') {
    // Delivered in the background so a slow webhook never holds up an action; see settleWebhooks.
    const delivery = notify(services, alert, action, note, now).catch(() => {});
    const set = pendingOf(services);
    set.add(delivery);
    void delivery.finally(() => set.delete(delivery));
  }
}

const pending = new WeakMap<object, Set<Promise<void>>>();
const pendingOf = (services: Services): Set<Promise<void>> => {
  let set = pending.get(services.catalog);
  if (!set) {
    set = new Set();
    pending.set(services.catalog, set);
  }
  return set;
};

/** Resolves once every webhook delivery started so far has ended (the evaluation job waits for them). */
export async function settleWebhooks(services: Services): Promise<void> {
  while (pendingOf(services).size > 0) await Promise.all([...pendingOf(services)]);
}

/** POSTs the event to the configured webhook and logs the outcome on the alert. */
async function notify(
  services: Services,
  alert: AlertRow,
  action: Action,
  note: string,
  now: Date,
): Promise<void> {
  const url = services.config.alertWebhookUrl;
  if (!url) return;
  const org = await services.catalog.db
    .selectFrom('organization')
    .select(['name', 'title'])
    .where('id', '=', alert.organization_id)
    .executeTakeFirst();
  const outcome = await postWebhook(url, {
    event: `alert.${action}`,
    at: now.toISOString(),
    alert: {
      id: alert.id,
      kind: alert.kind,
      title: alert.title,
      state: alert.state,
      tier: alert.tier,
      deadline: alert.deadline.toISOString(),
      organization: org ?? null,
      detail: alert.detail,
    },
    note,
    link: `${services.config.baseUrl.replace(/\/$/, '')}/ruang-kendali/alert/${alert.id}`,
  });
  await services.catalog.db
    .insertInto('alert_event')
    .values({
      alert_id: alert.id,
      at: new Date(),
      actor: null,
      action: 'webhook',
      note: outcome.ok ? 'terkirim' : `gagal: ${outcome.error}`,
      data: jsonb({ ...outcome, for: action }),
    })
    .execute()
    .catch(() => {});
}

/** Moves an open alert to a tier; returns the changed row (unchanged when already there or closed). */
export async function setTier(
  services: Services,
  alert: AlertRow,
  tier: AlertTier,
  actor: Actor | null,
  now: Date,
  note = '',
): Promise<AlertRow> {
  if (alert.state !== 'open' || alert.tier === tier) return alert;
  const changed = await services.catalog.db
    .updateTable('alert')
    .set({ tier, tier_changed_at: now })
    .where('id', '=', alert.id)
    .where('state', '=', 'open')
    .returningAll()
    .executeTakeFirst();
  if (!changed) return alert;
  await recordEvent(services, changed, 'escalated', actor, now, note, { from: alert.tier, to: tier });
  return changed;
}

/** The tier an open alert should have reached by `now` under its rule's delays. */
export function dueTier(
  alert: AlertRow,
  rule: Pick<AlertRuleRow, 'deputy_after_hours' | 'leadership_after_hours'>,
  now: Date,
): AlertTier {
  const hours = (now.getTime() - alert.opened_at.getTime()) / HOUR_MS;
  if (hours >= rule.leadership_after_hours) return 'leadership';
  if (hours >= rule.deputy_after_hours) return 'deputy';
  return 'staff';
}

/** Escalates every open alert whose delay has passed (never lowers a tier set by hand). */
export async function escalateDue(services: Services, now: Date): Promise<number> {
  const db: Db = services.catalog.db;
  const open = await db
    .selectFrom('alert as a')
    .innerJoin('alert_rule as r', 'r.id', 'a.rule_id')
    .selectAll('a')
    .select(['r.deputy_after_hours', 'r.leadership_after_hours'])
    .where('a.state', '=', 'open')
    .where('a.tier', '!=', 'leadership')
    .execute();
  let n = 0;
  for (const { deputy_after_hours, leadership_after_hours, ...alert } of open) {
    const due = dueTier(alert, { deputy_after_hours, leadership_after_hours }, now);
    if (TIERS.indexOf(due) > TIERS.indexOf(alert.tier)) {
      await setTier(services, alert, due, null, now, 'eskalasi otomatis: tenggat tingkat terlewati');
      n++;
    }
  }
  return n;
}
