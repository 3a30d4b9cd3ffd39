/**
 * Media sentiment per institution per day (the control room's feed), and negative-sentiment
 * spikes: an institution's negative mentions on a day against its trailing baseline (the mean
 * of the 14 days before). A day is a spike when it has at least `MIN_NEGATIVE` negative items
 * and a Poisson-style score (count − baseline) / √(baseline + 1) of at least `MIN_SCORE`;
 * spikes are recorded in `media_spike` (one row per institution and day, updated when seen again).
 */
import { type Kysely, sql } from 'kysely';
import { jsonb } from '../../catalog/json.js';
import type { CatalogSchema } from '../../catalog/schema.js';
import { addDays } from './text.js';

export const BASELINE_DAYS = 14;
export const MIN_NEGATIVE = 3;
export const MIN_SCORE = 3;

export interface DailyRow {
  readonly day: string;
  readonly organization_id: string;
  readonly organization: string;
  readonly organization_title: string;
  readonly positive: number;
  readonly neutral: number;
  readonly negative: number;
  readonly items: number;
  /** Mean sentiment score of the day's items (−1…1). */
  readonly mean_score: number;
}

/** Items mentioning each institution per day and sentiment, between two days (inclusive). */
export async function dailySentiment(
  db: Kysely<CatalogSchema>,
  filter: { from: string; to: string; organizationId?: string },
): Promise<DailyRow[]> {
  let q = db
    .selectFrom('media_mention as m')
    .innerJoin('media_item as i', 'i.id', 'm.item_id')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select([
      sql<string>`to_char(i.day, 'YYYY-MM-DD')`.as('day'),
      'o.id as organization_id',
      'o.name as organization',
      'o.title as organization_title',
      sql<number>`count(*) FILTER (WHERE i.sentiment = 'positive')::int`.as('positive'),
      sql<number>`count(*) FILTER (WHERE i.sentiment = 'neutral')::int`.as('neutral'),
      sql<number>`count(*) FILTER (WHERE i.sentiment = 'negative')::int`.as('negative'),
      sql<number>`count(*)::int`.as('items'),
      sql<number>`round(avg(i.score)::numeric, 3)::float8`.as('mean_score'),
    ])
    .where('m.kind', '=', 'organization')
    .where(sql<boolean>`i.day BETWEEN ${filter.from}::date AND ${filter.to}::date`)
    .groupBy(['i.day', 'o.id', 'o.name', 'o.title'])
    .orderBy('i.day')
    .orderBy('o.name');
  if (filter.organizationId) q = q.where('o.id', '=', filter.organizationId);
  return (await q.execute()).map((r) => ({ ...r, mean_score: Number(r.mean_score) }));
}

export interface Spike {
  readonly organization_id: string;
  readonly day: string;
  readonly negative_count: number;
  readonly baseline: number;
  readonly score: number;
  readonly items: string[];
}

/** The spike score of `count` negative items against a trailing mean `baseline`. */
export const spikeScore = (count: number, baseline: number): number =>
  Math.round(((count - baseline) / Math.sqrt(baseline + 1)) * 1000) / 1000;

/**
 * Finds spikes on `days` for every institution (their baselines from the 14 days before each)
 * and records them in `media_spike`. Returns the spikes found.
 */
export async function detectSpikes(db: Kysely<CatalogSchema>, days: readonly string[]): Promise<Spike[]> {
  if (days.length === 0) return [];
  const sorted = [...days].sort();
  const from = addDays(sorted[0] as string, -BASELINE_DAYS);
  const to = sorted[sorted.length - 1] as string;
  const rows = await db
    .selectFrom('media_mention as m')
    .innerJoin('media_item as i', 'i.id', 'm.item_id')
    .select(['m.organization_id', 'i.id', sql<string>`to_char(i.day, 'YYYY-MM-DD')`.as('day')])
    .where('m.kind', '=', 'organization')
    .where('i.sentiment', '=', 'negative')
    .where(sql<boolean>`i.day BETWEEN ${from}::date AND ${to}::date`)
    .execute();
  // organization → day → negative item ids
  const byOrg = new Map<string, Map<string, string[]>>();
  for (const r of rows) {
    if (!r.organization_id) continue;
    const perDay = byOrg.get(r.organization_id) ?? new Map<string, string[]>();
    perDay.set(r.day, [...(perDay.get(r.day) ?? []), r.id]);
    byOrg.set(r.organization_id, perDay);
  }
  const spikes: Spike[] = [];
  for (const [org, perDay] of byOrg) {
    for (const day of sorted) {
      const items = perDay.get(day) ?? [];
      if (items.length < MIN_NEGATIVE) continue;
      let total = 0;
      for (let k = 1; k <= BASELINE_DAYS; k++) total += perDay.get(addDays(day, -k))?.length ?? 0;
      const baseline = total / BASELINE_DAYS;
      const score = spikeScore(items.length, baseline);
      if (score >= MIN_SCORE)
        spikes.push({
          organization_id: org,
          day,
          negative_count: items.length,
          baseline,
          score,
          items: items.sort(),
        });
    }
  }
  for (const s of spikes) {
    await db
      .insertInto('media_spike')
      .values({ ...s, items: jsonb(s.items) })
      .onConflict((oc) =>
        oc.columns(['organization_id', 'day']).doUpdateSet({
          negative_count: s.negative_count,
          baseline: s.baseline,
          score: s.score,
          items: jsonb(s.items),
          detected_at: new Date(),
        }),
      )
      .execute();
  }
  return spikes;
}
