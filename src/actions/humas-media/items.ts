/**
 * Reading media monitoring: `media_item_list` (filters: source, institution, programme,
 * sentiment, date range), `media_trend` (items per day by sentiment, the most mentioned
 * institutions and programmes against the previous period, negative spikes), and
 * `media_sentiment_daily` (sentiment per institution per day: the control room's feed, also kept
 * as the datastore table of dataset `sentimen-media-harian`). Any signed-in user.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { findOrganization } from '../../catalog/organizations.js';
import { validation } from '../../core/errors.js';
import { dailySentiment } from '../../humas/media/daily.js';
import { addDays, jakartaDay } from '../../humas/media/text.js';
import { IdOrName } from '../catalog/schemas.js';
import { signedInPolicy } from '../policy.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { sourceRow } from './sources.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Jakarta)' });
const SentimentT = Type.Union([Type.Literal('positive'), Type.Literal('neutral'), Type.Literal('negative')]);

/** [from, to] with defaults (the last `days` days up to today) and checks. */
function range(input: { from?: string; to?: string }, days: number): { from: string; to: string } {
  const to = input.to ?? jakartaDay(new Date());
  const from = input.from ?? addDays(to, -(days - 1));
  if (to < from) throw validation({ to: ['Must not be before from'] });
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > 366)
    throw validation({ from: ['At most a year at a time'] });
  return { from, to };
}

/** Items (`i`) that mention the institution. */
const mentioning = (org: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM media_mention m WHERE m.item_id = i.id AND m.organization_id = ${org})`;

async function orgId(ctx: ActionContext, idOrName: string | undefined): Promise<string | undefined> {
  return idOrName ? (await findOrganization(ctx.services.catalog.db, idOrName)).id : undefined;
}

export const mediaItemList = defineAction({
  name: 'media_item_list',
  doc: 'Monitored news items, newest first, with sentiment (and score), mentions and copies seen; filters: source, institution (`owner_org` mentioned), programme, sentiment, days `from`–`to` (default the last 30). Any signed-in user.',
  readOnly: true,
  schema: Type.Object({
    source: Type.Optional(IdOrName),
    organization: Type.Optional(IdOrName),
    programme: Type.Optional(Type.String({ maxLength: 200 })),
    sentiment: Type.Optional(SentimentT),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const { from, to } = range(input, 30);
    const source = input.source ? await sourceRow(ctx, input.source) : undefined;
    const org = await orgId(ctx, input.organization);
    let q = db
      .selectFrom('media_item as i')
      .innerJoin('media_source as s', 's.id', 'i.source_id')
      .where(sql<boolean>`i.day BETWEEN ${from}::date AND ${to}::date`);
    if (source) q = q.where('i.source_id', '=', source.id);
    if (input.sentiment) q = q.where('i.sentiment', '=', input.sentiment);
    if (org) q = q.where(mentioning(org));
    if (input.programme) {
      const programme = input.programme;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('media_mention as m')
            .select('m.item_id')
            .whereRef('m.item_id', '=', 'i.id')
            .where('m.kind', '=', 'programme')
            .where(sql<boolean>`lower(m.programme) = lower(${programme})`),
        ),
      );
    }
    const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const items = await q
      .select([
        'i.id',
        'i.url',
        'i.title',
        'i.summary',
        'i.published',
        sql<string>`to_char(i.day, 'YYYY-MM-DD')`.as('day'),
        'i.sentiment',
        'i.score',
        'i.duplicates',
        's.name as source',
        's.title as source_title',
      ])
      .orderBy('i.published', 'desc')
      .orderBy('i.id')
      .limit(input.limit ?? 50)
      .offset(input.offset ?? 0)
      .execute();
    const mentions = items.length
      ? await db
          .selectFrom('media_mention as m')
          .leftJoin('organization as o', 'o.id', 'm.organization_id')
          .select([
            'm.item_id',
            'm.kind',
            'm.programme',
            'm.matched',
            'o.name as organization',
            'o.title as organization_title',
          ])
          .where(
            'm.item_id',
            'in',
            items.map((i) => i.id),
          )
          .execute()
      : [];
    return {
      from,
      to,
      count: total.n,
      items: items.map((i) => ({
        ...i,
        published: i.published.toISOString(),
        mentions: mentions
          .filter((m) => m.item_id === i.id)
          .map((m) =>
            m.kind === 'organization'
              ? {
                  kind: m.kind,
                  organization: m.organization,
                  title: m.organization_title,
                  matched: m.matched,
                }
              : { kind: m.kind, programme: m.programme, matched: m.matched },
          ),
      })),
    };
  },
});

export const mediaTrend = defineAction({
  name: 'media_trend',
  doc: 'Media trend over days `from`–`to` (default the last 14), optionally about one institution: items per day by sentiment; the most mentioned institutions and programmes with their counts in the previous period of the same length; and the negative-sentiment spikes found (negative mentions of an institution in a day against its 14-day trailing mean). Any signed-in user.',
  readOnly: true,
  schema: Type.Object({
    organization: Type.Optional(IdOrName),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const { from, to } = range(input, 14);
    const org = await orgId(ctx, input.organization);
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    const prevFrom = addDays(from, -span);
    let perDay = db
      .selectFrom('media_item as i')
      .select([
        sql<string>`to_char(i.day, 'YYYY-MM-DD')`.as('day'),
        sql<number>`count(*) FILTER (WHERE i.sentiment = 'positive')::int`.as('positive'),
        sql<number>`count(*) FILTER (WHERE i.sentiment = 'neutral')::int`.as('neutral'),
        sql<number>`count(*) FILTER (WHERE i.sentiment = 'negative')::int`.as('negative'),
      ])
      .where(sql<boolean>`i.day BETWEEN ${from}::date AND ${to}::date`)
      .groupBy('i.day')
      .orderBy('i.day');
    if (org) perDay = perDay.where(mentioning(org));
    const counted = new Map((await perDay.execute()).map((r) => [r.day, r]));
    const days = Array.from({ length: span }, (_, k) => {
      const day = addDays(from, k);
      return counted.get(day) ?? { day, positive: 0, neutral: 0, negative: 0 };
    });
    const mentioned = await db
      .selectFrom('media_mention as m')
      .innerJoin('media_item as i', 'i.id', 'm.item_id')
      .leftJoin('organization as o', 'o.id', 'm.organization_id')
      .select([
        'm.kind',
        'm.programme',
        'o.name as organization',
        'o.title as organization_title',
        sql<number>`count(*) FILTER (WHERE i.day >= ${from}::date)::int`.as('count'),
        sql<number>`count(*) FILTER (WHERE i.day < ${from}::date)::int`.as('previous'),
        sql<number>`count(*) FILTER (WHERE i.day >= ${from}::date AND i.sentiment = 'negative')::int`.as(
          'negative',
        ),
      ])
      .where(sql<boolean>`i.day BETWEEN ${prevFrom}::date AND ${to}::date`)
      .groupBy(['m.kind', 'm.programme', 'o.name', 'o.title'])
      .execute();
    let spikes = db
      .selectFrom('media_spike as s')
      .innerJoin('organization as o', 'o.id', 's.organization_id')
      .select([
        's.id',
        'o.name as organization',
        'o.title as organization_title',
        sql<string>`to_char(s.day, 'YYYY-MM-DD')`.as('day'),
        's.negative_count',
        's.baseline',
        's.score',
        's.detected_at',
        's.items',
      ])
      .where(sql<boolean>`s.day BETWEEN ${from}::date AND ${to}::date`)
      .orderBy('s.day', 'desc')
      .orderBy('s.score', 'desc');
    if (org) spikes = spikes.where('s.organization_id', '=', org);
    return {
      from,
      to,
      days,
      mentioned: mentioned
        .filter((m) => m.count > 0)
        .map((m) => ({
          kind: m.kind,
          ...(m.kind === 'organization'
            ? { organization: m.organization, title: m.organization_title }
            : { programme: m.programme }),
          count: m.count,
          previous: m.previous,
          negative: m.negative,
          change: m.previous ? Math.round(((m.count - m.previous) / m.previous) * 1000) / 10 : null,
        }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 20),
      spikes: (await spikes.execute()).map((s) => ({ ...s, detected_at: s.detected_at.toISOString() })),
    };
  },
});

export const mediaSentimentDaily = defineAction({
  name: 'media_sentiment_daily',
  doc: 'Media sentiment per institution per day (positive, neutral, negative, items, mean score) over days `from`–`to` (default the last 30): the control room’s feed, also kept as the datastore table of dataset `sentimen-media-harian`. Any signed-in user.',
  readOnly: true,
  schema: Type.Object({
    organization: Type.Optional(IdOrName),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const { from, to } = range(input, 30);
    const org = await orgId(ctx, input.organization);
    const rows = await dailySentiment(ctx.services.catalog.db, {
      from,
      to,
      ...(org ? { organizationId: org } : {}),
    });
    return { from, to, rows };
  },
});
