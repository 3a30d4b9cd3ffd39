/**
 * One evaluation of the control room (the durable job `ruang_kendali_evaluate`, scheduled and
 * queued after a new dataset version): indicators computed again, every active rule checked,
 * alerts opened for what it finds, open alerts escalated when their delay has passed.
 *
 * Rule kinds and what they find:
 * - threshold: the indicator's current value crosses `params.op` (lt, le, gt, ge) `params.value`;
 * - target_missed: the current status is one of `params.statuses` (default red);
 * - stale_data: no new version of the dataset by its release schedule: `params.max_age_days`
 *   since the latest version, else the Daftar Data due dates (data_plan_item.due_dates) — the
 *   latest passed due date's period got no version;
 * - overdue_submission: open rows of `cycle_overdue` (own institution, or all: `params.scope`);
 * - sentiment_spike: rows of `media_spike` of the last `params.since_days` (default 7) days with
 *   `score` ≥ `params.min_score` (default 0).
 */
import { sql } from 'kysely';
import type { Services } from '../actions/types.js';
import { type AlertRuleRow, escalateDue, type Finding, openAlert, settleWebhooks } from './alerts.js';
import { findIndicator, refreshIndicator } from './indicators.js';
import { warmIndicatorValues } from './values.js';

const ID_NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
/** A value as an alert title shows it: `19,02`, not `19.024210526315787`. */
const idNumber = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : ID_NUMBER.format(v);

type Summary = Awaited<ReturnType<typeof refreshIndicator>>;
const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const OPS: Record<string, (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
};
const OP_TEXT: Record<string, string> = { lt: '<', le: '≤', gt: '>', ge: '≥' };

async function staleFindings(
  services: Services,
  datasetId: string,
  rule: AlertRuleRow,
  now: Date,
): Promise<Finding[]> {
  const db = services.catalog.db;
  const ds = await db
    .selectFrom('dataset')
    .select(['name', 'title'])
    .where('id', '=', datasetId)
    .executeTakeFirst();
  if (!ds) return [];
  const latest = await db
    .selectFrom('dataset_version')
    .select(['version', 'created'])
    .where('dataset_id', '=', datasetId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const maxAge = rule.params.max_age_days;
  if (typeof maxAge === 'number') {
    const since = latest?.created ?? rule.created;
    if (now.getTime() - since.getTime() <= maxAge * DAY_MS) return [];
    return [
      {
        subject: `age:v${latest?.version ?? 0}`,
        title: `Data tidak diperbarui: ${ds.title} (lebih dari ${maxAge} hari)`,
        detail: {
          dataset: ds.name,
          version: latest?.version ?? null,
          last_version_at: latest?.created.toISOString() ?? null,
          max_age_days: maxAge,
        },
      },
    ];
  }
  const plans = await db
    .selectFrom('data_plan_item')
    .select(['title', 'due_dates'])
    .where('dataset_id', '=', datasetId)
    .execute();
  const dates = [...new Set(plans.flatMap((p) => p.due_dates as string[]))].sort();
  const today = day(now);
  const passed = dates.filter((d) => d < today);
  const due = passed.at(-1);
  if (!due) return [];
  const previous = passed.at(-2);
  const lastDay = latest ? day(latest.created) : null;
  // Covered when a version came after the previous due date (late ones count until found).
  if (lastDay !== null && (previous === undefined || lastDay > previous)) return [];
  return [
    {
      subject: `due:${due}`,
      title: `Data terlambat dari jadwal rilis: ${ds.title} (jatuh tempo ${due})`,
      detail: { dataset: ds.name, due_date: due, last_version_at: latest?.created.toISOString() ?? null },
    },
  ];
}

async function overdueFindings(services: Services, rule: AlertRuleRow): Promise<Finding[]> {
  let q = services.catalog.db
    .selectFrom('cycle_overdue as c')
    .innerJoin('data_plan_item as p', 'p.id', 'c.plan_item_id')
    .select([
      'c.id',
      'c.organization_id',
      'c.plan_item_id',
      'p.title',
      sql<string>`c.due_date::text`.as('due_date'),
    ])
    .where('c.resolved_at', 'is', null);
  if (rule.params.scope !== 'all') q = q.where('c.organization_id', '=', rule.organization_id);
  return (await q.execute()).map((r) => ({
    subject: `overdue:${r.id}`,
    title: `Penyerahan data terlambat: ${r.title} (jatuh tempo ${r.due_date})`,
    detail: { plan_item_id: r.plan_item_id, due_date: r.due_date },
    organization_id: r.organization_id,
  }));
}

async function spikeFindings(services: Services, rule: AlertRuleRow, now: Date): Promise<Finding[]> {
  const since = day(new Date(now.getTime() - Number(rule.params.since_days ?? 7) * DAY_MS));
  let q = services.catalog.db
    .selectFrom('media_spike')
    .select([
      'id',
      'organization_id',
      sql<string>`day::text`.as('day'),
      'negative_count',
      'baseline',
      'score',
      'items',
    ])
    .where(sql<string>`day::text`, '>=', since)
    .where('score', '>=', Number(rule.params.min_score ?? 0));
  if (rule.params.scope !== 'all') q = q.where('organization_id', '=', rule.organization_id);
  return (await q.execute()).map((r) => {
    const d = r.day;
    return {
      subject: `spike:${r.id}`,
      title: `Lonjakan sentimen negatif ${d}: ${r.negative_count} berita (biasanya ${r.baseline})`,
      detail: {
        day: d,
        negative_count: r.negative_count,
        baseline: r.baseline,
        score: r.score,
        items: r.items,
      },
      organization_id: r.organization_id,
    };
  });
}

function indicatorFindings(rule: AlertRuleRow, s: Summary): Finding[] {
  const c = s.current;
  if (c.value === null) return [];
  const period = c.period ?? '';
  const detail = {
    indicator: s.name,
    period: c.period,
    value: c.value,
    target: c.target,
    status: c.status,
    version: s.lineage.version,
  };
  if (rule.kind === 'threshold') {
    const op = String(rule.params.op);
    const limit = Number(rule.params.value);
    if (!OPS[op]?.(c.value, limit)) return [];
    return [
      {
        subject: `value:${period}`,
        title: `Ambang batas: ${s.title} = ${idNumber(c.value)} ${s.unit} (${OP_TEXT[op]} ${idNumber(limit)})`,
        detail: { ...detail, op, limit },
      },
    ];
  }
  const statuses = (rule.params.statuses as string[] | undefined) ?? ['red'];
  if (c.status === null || !statuses.includes(c.status)) return [];
  return [
    {
      subject: `target:${period}`,
      title: `Target tidak tercapai: ${s.title} ${period} (${idNumber(c.value)} dari target ${idNumber(c.target)})`,
      detail,
    },
  ];
}

export interface EvaluationResult {
  readonly indicators: number;
  readonly opened: number;
  readonly escalated: number;
}

/** Evaluates everything, or only what reads one dataset (after a new version of it). */
export async function evaluate(
  services: Services,
  now = new Date(),
  opts: { datasetId?: string } = {},
): Promise<EvaluationResult> {
  const db = services.catalog.db;
  let iq = db.selectFrom('indicator').select('id');
  if (opts.datasetId) iq = iq.where('dataset_id', '=', opts.datasetId);
  const summaries = new Map<string, Summary>();
  for (const { id } of await iq.execute()) {
    try {
      summaries.set(id, await refreshIndicator(services, await findIndicator(db, id), now));
      await warmIndicatorValues(services, id);
    } catch {
      // A dataset whose columns changed under the indicator: left as it was, the others go on.
    }
  }
  let rq = db.selectFrom('alert_rule').selectAll().where('active', '=', true);
  if (opts.datasetId) {
    const ids = [...summaries.keys()];
    rq = rq.where((eb) =>
      eb.or([
        eb('dataset_id', '=', opts.datasetId as string),
        ...(ids.length ? [eb('indicator_id', 'in', ids)] : []),
      ]),
    );
  }
  let opened = 0;
  for (const rule of await rq.execute()) {
    let findings: Finding[] = [];
    if (rule.kind === 'threshold' || rule.kind === 'target_missed') {
      const s = rule.indicator_id ? summaries.get(rule.indicator_id) : undefined;
      if (s) findings = indicatorFindings(rule, s);
    } else if (rule.kind === 'stale_data') {
      const datasetId =
        rule.dataset_id ??
        (rule.indicator_id
          ? (
              await db
                .selectFrom('indicator')
                .select('dataset_id')
                .where('id', '=', rule.indicator_id)
                .executeTakeFirst()
            )?.dataset_id
          : undefined);
      if (datasetId) findings = await staleFindings(services, datasetId, rule, now);
    } else if (rule.kind === 'overdue_submission') {
      findings = await overdueFindings(services, rule);
    } else if (rule.kind === 'sentiment_spike') {
      findings = await spikeFindings(services, rule, now);
    }
    for (const f of findings) if (await openAlert(services, rule, f, now)) opened++;
  }
  const escalated = await escalateDue(services, now);
  await settleWebhooks(services);
  return { indicators: summaries.size, opened, escalated };
}
