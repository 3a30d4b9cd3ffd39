/**
 * The joint PR agenda (Humas): institutions post planned activities — press conferences,
 * releases, campaigns, events — with topic, hashtag and audience on one shared calendar.
 *
 * - `agenda_create`, `agenda_update`, `agenda_delete`: members of the institution (any role)
 *   or a sysadmin; audited on the institution.
 * - `agenda_show`, `agenda_list`, `agenda_week`: anyone (the agenda is published as iCalendar
 *   too). Every item carries its clashes (same day and topic or hashtag, or overlapping slots
 *   that compete for the press); `agenda_week` is the weekly alignment view: days Monday to
 *   Sunday, and the week's topics with the institutions speaking on each.
 */
import { Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { audit } from '../../catalog/audit.js';
import { findOrganization } from '../../catalog/organizations.js';
import { validation } from '../../core/errors.js';
import { daysOf, hashtagKey, jakartaMidnight, topicKey, weekStart } from '../../humas/agenda/clash.js';
import { jakartaDay } from '../../humas/media/text.js';
import { IdOrName } from '../catalog/schemas.js';
import { allow, deny, publicPolicy } from '../policy.js';
import type { ActionRegistry } from '../registry.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { type AgendaDict, agendaItems, findItem, KINDS } from './read.js';

const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$';
const DateTime = Type.String({
  pattern: DATE_TIME,
  description: 'ISO 8601 date and time; without an offset it is read in Asia/Jakarta (UTC+7)',
});
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Kind = Type.Union(KINDS.map((k) => Type.Literal(k)));

const Fields = {
  title: Type.String({ minLength: 3, maxLength: 300 }),
  kind: Kind,
  topic: Type.Optional(Type.String({ maxLength: 200 })),
  hashtag: Type.Optional(Type.String({ maxLength: 100, pattern: '^(#?[A-Za-z0-9_]+)?$' })),
  audience: Type.Optional(Type.String({ maxLength: 300 })),
  location: Type.Optional(Type.String({ maxLength: 300 })),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  starts_at: DateTime,
  ends_at: Type.Optional(DateTime),
};

/** A date-time as given, or in Jakarta when it has no offset; refused, naming the field, when not a real time. */
function instant(field: string, value: string): Date {
  const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}+07:00`;
  const d = new Date(withZone);
  if (Number.isNaN(d.getTime())) throw validation({ [field]: [`Not a date and time: ${value}`] });
  return d;
}

function slotTimes(starts: string, ends: string | undefined): { starts_at: Date; ends_at: Date } {
  const starts_at = instant('starts_at', starts);
  const ends_at = ends ? instant('ends_at', ends) : new Date(starts_at.getTime() + 3_600_000);
  if (ends_at < starts_at) throw validation({ ends_at: ['Must not be before starts_at'] });
  if (ends_at.getTime() - starts_at.getTime() > 366 * 86_400_000)
    throw validation({ ends_at: ['An activity may last at most a year'] });
  return { starts_at, ends_at };
}

const normaliseHashtag = (h: string | undefined): string => (h ? `#${hashtagKey(h)}` : '');

/** Members of the institution (any role) and sysadmins post its agenda. */
async function memberOf(ctx: ActionContext, orgId: string) {
  if (!ctx.actor) return deny('You must be signed in to do this');
  if (ctx.actor.sysadmin || ctx.actor.memberships[orgId]) return allow();
  return deny('Only members of the institution may post its agenda');
}

const itemPolicy = async (ctx: ActionContext, input: { id: string }) => {
  if (!ctx.actor) return deny('You must be signed in to do this');
  const item = await findItem(ctx.services.catalog.db, input.id);
  return memberOf(ctx, item.organization_id);
};

export const agendaCreate = defineAction({
  name: 'agenda_create',
  doc: 'Posts a planned PR activity (press_conference, release, campaign, event, other) of an institution on the joint agenda, with topic, hashtag, audience and time (end defaults to an hour after the start). Answers it with its clashes. Members of the institution or a sysadmin.',
  readOnly: false,
  schema: Type.Object({ owner_org: IdOrName, ...Fields }, { additionalProperties: false }),
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    const org = await findOrganization(ctx.services.catalog.db, input.owner_org);
    return memberOf(ctx, org.id);
  },
  handler: async (ctx, input): Promise<AgendaDict> => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.owner_org);
    const times = slotTimes(input.starts_at, input.ends_at);
    const id = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('agenda_item')
        .values({
          organization_id: org.id,
          title: input.title.trim(),
          kind: input.kind,
          topic: (input.topic ?? '').trim(),
          hashtag: normaliseHashtag(input.hashtag),
          audience: (input.audience ?? '').trim(),
          location: (input.location ?? '').trim(),
          description: input.description ?? '',
          ...times,
          created_by: userIdOf(ctx.actor),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'agenda_create',
        entityType: 'organization',
        entityId: org.id,
        before: {},
        after: { [`agenda:${row.id}`]: { title: input.title, kind: input.kind, starts_at: times.starts_at } },
      });
      return row.id;
    });
    return (await agendaItems(db, { id })).items[0] as AgendaDict;
  },
});

export const agendaShow = defineAction({
  name: 'agenda_show',
  doc: 'One activity of the joint agenda with its clashes. Anyone.',
  readOnly: true,
  schema: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
  policy: publicPolicy,
  handler: async (ctx, input): Promise<AgendaDict> => {
    const item = await findItem(ctx.services.catalog.db, input.id);
    return (await agendaItems(ctx.services.catalog.db, { id: item.id })).items[0] as AgendaDict;
  },
});

export const agendaList = defineAction({
  name: 'agenda_list',
  doc: 'Activities of the joint agenda between two days (default: from today, 30 days), optionally of one institution or topic, by start time, each with its clashes; `clashes_only` keeps the clashing ones. Anyone.',
  readOnly: true,
  schema: Type.Object({
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    owner_org: Type.Optional(IdOrName),
    topic: Type.Optional(Type.String({ maxLength: 200 })),
    clashes_only: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const from = input.from ?? jakartaDay(new Date());
    const to = input.to ?? new Date(Date.parse(from) + 30 * 86_400_000).toISOString().slice(0, 10);
    if (to < from) throw validation({ to: ['Must not be before from'] });
    const org = input.owner_org ? await findOrganization(db, input.owner_org) : undefined;
    const { items } = await agendaItems(db, {
      from: jakartaMidnight(from),
      to: new Date(jakartaMidnight(to).getTime() + 86_400_000),
      ...(org ? { organizationId: org.id } : {}),
    });
    const topic = input.topic ? topicKey(input.topic) : '';
    const kept = items
      .filter((i) => !topic || topicKey(i.topic) === topic)
      .filter((i) => !input.clashes_only || i.clashes.length > 0);
    return { from, to, count: kept.length, items: kept.slice(0, input.limit ?? 500) };
  },
});

export const agendaWeek = defineAction({
  name: 'agenda_week',
  doc: 'The weekly alignment view: the week (Monday–Sunday, Asia/Jakarta) holding `date` (default today), its activities per day with clash flags, and the week’s topics with the institutions speaking on each. Optionally one institution’s activities (clashes still count every institution’s). Anyone.',
  readOnly: true,
  schema: Type.Object({ date: Type.Optional(Day), owner_org: Type.Optional(IdOrName) }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const start = weekStart(input.date ?? jakartaDay(new Date()));
    const days = Array.from({ length: 7 }, (_, k) =>
      new Date(Date.parse(start) + k * 86_400_000).toISOString().slice(0, 10),
    );
    const org = input.owner_org ? await findOrganization(db, input.owner_org) : undefined;
    const { items } = await agendaItems(db, {
      from: jakartaMidnight(start),
      to: new Date(jakartaMidnight(start).getTime() + 7 * 86_400_000),
      ...(org ? { organizationId: org.id } : {}),
    });
    const topics = new Map<string, { topic: string; items: number; organizations: Set<string> }>();
    for (const i of items) {
      const key = topicKey(i.topic);
      if (!key) continue;
      const t = topics.get(key) ?? { topic: i.topic, items: 0, organizations: new Set<string>() };
      t.items++;
      t.organizations.add(i.organization);
      topics.set(key, t);
    }
    return {
      week_start: start,
      week_end: days[6],
      count: items.length,
      clashing: items.filter((i) => i.clashes.length > 0).length,
      days: days.map((day) => ({ day, items: items.filter((i) => daysOf(i).includes(day)) })),
      topics: [...topics.values()]
        .map((t) => ({ topic: t.topic, items: t.items, organizations: [...t.organizations].sort() }))
        .sort((a, b) => b.items - a.items || a.topic.localeCompare(b.topic)),
    };
  },
});

export const agendaUpdate = defineAction({
  name: 'agenda_update',
  doc: 'Changes an activity of the joint agenda: only the fields given (times are checked together). Members of its institution or a sysadmin.',
  readOnly: false,
  schema: Type.Object(
    {
      id: Type.String({ minLength: 1, maxLength: 100 }),
      ...Type.Partial(Type.Object(Fields)).properties,
    },
    { additionalProperties: false },
  ),
  policy: itemPolicy,
  handler: async (ctx, input): Promise<AgendaDict> => {
    const db = ctx.services.catalog.db;
    const old = await findItem(db, input.id);
    const times = slotTimes(
      input.starts_at ?? old.starts_at.toISOString(),
      input.ends_at ?? (input.starts_at ? undefined : old.ends_at.toISOString()),
    );
    const changes = {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.topic !== undefined ? { topic: input.topic.trim() } : {}),
      ...(input.hashtag !== undefined ? { hashtag: normaliseHashtag(input.hashtag) } : {}),
      ...(input.audience !== undefined ? { audience: input.audience.trim() } : {}),
      ...(input.location !== undefined ? { location: input.location.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...times,
    };
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('agenda_item')
        .set({ ...changes, modified: new Date() })
        .where('id', '=', old.id)
        .execute();
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, old[k as keyof typeof old]]));
      await audit(trx, ctx.actor, {
        action: 'agenda_update',
        entityType: 'organization',
        entityId: old.organization_id,
        before: { [`agenda:${old.id}`]: before },
        after: { [`agenda:${old.id}`]: changes },
      });
    });
    return (await agendaItems(db, { id: old.id })).items[0] as AgendaDict;
  },
});

export const agendaDelete = defineAction({
  name: 'agenda_delete',
  doc: 'Removes an activity from the joint agenda. Members of its institution or a sysadmin.',
  readOnly: false,
  schema: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
  policy: itemPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const old = await findItem(db, input.id);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('agenda_item').where('id', '=', old.id).execute();
      await audit(trx, ctx.actor, {
        action: 'agenda_delete',
        entityType: 'organization',
        entityId: old.organization_id,
        before: { [`agenda:${old.id}`]: { title: old.title, starts_at: old.starts_at } },
        after: {},
      });
    });
    return { id: old.id, deleted: true };
  },
});

export function registerAgendaActions(r: ActionRegistry): ActionRegistry {
  return r
    .register(agendaCreate)
    .register(agendaShow)
    .register(agendaList)
    .register(agendaWeek)
    .register(agendaUpdate)
    .register(agendaDelete);
}
