import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { audit } from '../../catalog/audit.js';
import { ckanTime, isUuid } from '../../catalog/ckan-format.js';
import { notFound, validation } from '../../core/errors.js';
import { publicPolicy, sysadminPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { HttpUrl, IdOrName, Markdown, Slug, Title, unsafeMarkup } from './schemas.js';

type GroupRow = Awaited<ReturnType<typeof findGroup>>;

async function findGroup(db: Parameters<typeof audit>[0], idOrName: string) {
  const g = await db
    .selectFrom('group')
    .selectAll()
    .where(isUuid(idOrName) ? 'id' : 'name', '=', idOrName)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (!g) throw notFound(`group ${idOrName}`);
  return g;
}

/** CKAN's group dict; package_count counts active public datasets. */
const groupDict = (g: GroupRow, packageCount?: number) => ({
  id: g.id,
  name: g.name,
  title: g.title,
  display_name: g.title || g.name,
  description: g.description,
  image_url: g.image_url ?? '',
  image_display_url: g.image_url ?? '',
  created: ckanTime(g.created),
  is_organization: false,
  approval_status: 'approved',
  state: g.state,
  type: 'group',
  ...(packageCount !== undefined ? { package_count: packageCount } : {}),
});

async function publicCounts(db: Parameters<typeof audit>[0]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('dataset_group as dg')
    .innerJoin('dataset as d', 'd.id', 'dg.dataset_id')
    .select(['dg.group_id', sql<number>`count(*)`.as('n')])
    .where('d.state', '=', 'active')
    .where('d.private', '=', false)
    .groupBy('dg.group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

export const groupList = defineAction({
  name: 'group_list',
  doc: 'Names of the groups (themes such as Kesehatan, Pendidikan), or their dicts with all_fields.',
  readOnly: true,
  schema: Type.Object({
    all_fields: Type.Optional(Type.Boolean({ default: false })),
    sort: Type.Optional(
      Type.String({ default: 'title asc', pattern: '^(name|title|package_count)( (asc|desc))?$' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const groups = await db.selectFrom('group').selectAll().where('state', '=', 'active').execute();
    const counts = await publicCounts(db);
    const [field = 'title', dir = 'asc'] = (input.sort ?? 'title asc').split(' ');
    const key = (g: GroupRow) =>
      field === 'package_count' ? (counts.get(g.id) ?? 0) : field === 'name' ? g.name : g.title.toLowerCase();
    groups.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const c = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
      return dir === 'desc' ? -c : c;
    });
    const start = input.offset ?? 0;
    const page = groups.slice(start, input.limit !== undefined ? start + input.limit : undefined);
    return input.all_fields ? page.map((g) => groupDict(g, counts.get(g.id) ?? 0)) : page.map((g) => g.name);
  },
});

export const groupShow = defineAction({
  name: 'group_show',
  doc: 'One group by id or name.',
  readOnly: true,
  schema: Type.Object({ id: IdOrName, include_datasets: Type.Optional(Type.Boolean({ default: false })) }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const g = await findGroup(db, input.id);
    const dict = groupDict(g, (await publicCounts(db)).get(g.id) ?? 0);
    if (!input.include_datasets) return dict;
    const res = (await ctx.call('package_search', { fq: `groups:${g.name}`, rows: 1000 })) as {
      results: unknown[];
    };
    return { ...dict, packages: res.results };
  },
});

export const groupCreate = defineAction({
  name: 'group_create',
  doc: 'Creates a group (theme). Sysadmins only.',
  readOnly: false,
  schema: Type.Object(
    {
      name: Slug,
      title: Type.Optional(Title),
      description: Type.Optional(Markdown),
      image_url: Type.Optional(HttpUrl),
    },
    { additionalProperties: false },
  ),
  policy: sysadminPolicy,
  handler: async (ctx, input) => {
    if (unsafeMarkup(input.description))
      throw validation({ description: ['contains script or event-handler markup'] });
    return ctx.services.catalog.db.transaction().execute(async (trx) => {
      const clash = await trx
        .selectFrom('group')
        .select('id')
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (clash) throw validation({ name: ['Group name already exists in database'] });
      const g = await trx
        .insertInto('group')
        .values({
          name: input.name,
          title: input.title || input.name,
          description: input.description ?? '',
          image_url: input.image_url || null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const dict = groupDict(g, 0);
      await audit(trx, ctx.actor, {
        action: 'group_create',
        entityType: 'group',
        entityId: g.id,
        before: null,
        after: dict,
      });
      return dict;
    });
  },
});
