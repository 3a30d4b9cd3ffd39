import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { audit } from '../../catalog/audit.js';
import { jsonb } from '../../catalog/json.js';
import { findOrganization, organizationDict, visibleDatasetCounts } from '../../catalog/organizations.js';
import { reindexDatasets } from '../../catalog/search/index-sql.js';
import { catalogTransaction, organizationChanged } from '../../catalog/search/sync.js';
import { conflict, validation } from '../../core/errors.js';
import { allow, deny, publicPolicy, sysadminPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { Extras, HttpUrl, IdOrName, Markdown, Slug, Title, unsafeMarkup } from './schemas.js';

const ORG_TYPES = ['ministry', 'agency', 'province', 'regency', 'city', 'other'] as const;
const LEVELS = ['central', 'province', 'regency'] as const;

const OrgFields = {
  title: Type.Optional(Title),
  description: Type.Optional(Markdown),
  image_url: Type.Optional(HttpUrl),
  org_type: Type.Optional(Type.Union(ORG_TYPES.map((t) => Type.Literal(t)))),
  level: Type.Optional(Type.Union(LEVELS.map((t) => Type.Literal(t)))),
  region_code: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{2})?$' })])),
  extras: Type.Optional(Extras),
};

const extrasMap = (x: { key: string; value: string }[] | undefined) =>
  x ? Object.fromEntries(x.map((e) => [e.key, e.value])) : undefined;

async function checkRegion(
  ctx: Parameters<typeof organizationCreate.handler>[0],
  code: string | null | undefined,
) {
  if (!code) return;
  const r = await ctx.services.catalog.db
    .selectFrom('region')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!r) throw validation({ region_code: [`unknown Kemendagri region code ${code}`] });
}

export const organizationList = defineAction({
  name: 'organization_list',
  doc: 'Names of the institutions (CKAN organizations), or their dicts with all_fields.',
  readOnly: true,
  schema: Type.Object({
    all_fields: Type.Optional(Type.Boolean({ default: false })),
    sort: Type.Optional(
      Type.String({ default: 'title asc', pattern: '^(name|title|package_count)( (asc|desc))?$' }),
    ),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    organizations: Type.Optional(Type.Array(Type.String())),
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    let q = db.selectFrom('organization').selectAll().where('state', '=', 'active');
    if (input.q)
      q = q.where((eb) => eb.or([eb('name', 'ilike', `%${input.q}%`), eb('title', 'ilike', `%${input.q}%`)]));
    if (input.organizations?.length) q = q.where('name', 'in', input.organizations);
    const orgs = await q.execute();
    const counts = await visibleDatasetCounts(db, ctx.actor);
    const [field = 'title', dir = 'asc'] = (input.sort ?? 'title asc').split(' ');
    const key = (o: (typeof orgs)[number]): string | number =>
      field === 'package_count' ? (counts.get(o.id) ?? 0) : field === 'name' ? o.name : o.title.toLowerCase();
    orgs.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const c = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
      return dir === 'desc' ? -c : c;
    });
    const page = orgs.slice(
      input.offset ?? 0,
      input.limit !== undefined ? (input.offset ?? 0) + input.limit : undefined,
    );
    return input.all_fields
      ? page.map((o) => organizationDict(o, counts.get(o.id) ?? 0))
      : page.map((o) => o.name);
  },
});

export const organizationShow = defineAction({
  name: 'organization_show',
  doc: 'One institution by id or name; include_datasets adds its datasets the caller may see (up to 1000).',
  readOnly: true,
  schema: Type.Object({ id: IdOrName, include_datasets: Type.Optional(Type.Boolean({ default: false })) }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.id);
    const counts = await visibleDatasetCounts(db, ctx.actor, [org.id]);
    const dict = organizationDict(org, counts.get(org.id) ?? 0);
    if (!input.include_datasets) return dict;
    const res = (await ctx.call('package_search', {
      fq: `owner_org:${org.id}`,
      rows: 1000,
      include_private: true,
    })) as {
      results: unknown[];
    };
    return { ...dict, packages: res.results };
  },
});

export const organizationCreate = defineAction({
  name: 'organization_create',
  doc: 'Creates an institution (CKAN organization). Sysadmins only.',
  readOnly: false,
  schema: Type.Object({ name: Slug, ...OrgFields }, { additionalProperties: false }),
  policy: sysadminPolicy,
  handler: async (ctx, input) => {
    if (unsafeMarkup(input.description))
      throw validation({ description: ['contains script or event-handler markup'] });
    await checkRegion(ctx, input.region_code);
    return ctx.services.catalog.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom('organization')
        .select('id')
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (exists) throw validation({ name: ['Group name already exists in database'] });
      const org = await trx
        .insertInto('organization')
        .values({
          name: input.name,
          title: input.title || input.name,
          description: input.description ?? '',
          image_url: input.image_url || null,
          org_type: input.org_type ?? 'agency',
          level: input.level ?? 'central',
          region_code: input.region_code ?? null,
          extras: jsonb(extrasMap(input.extras) ?? {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const dict = organizationDict(org, 0);
      await audit(trx, ctx.actor, {
        action: 'organization_create',
        entityType: 'organization',
        entityId: org.id,
        before: null,
        after: dict,
      });
      return dict;
    });
  },
});

const orgAdminPolicy = async (
  ctx: Parameters<typeof organizationCreate.policy>[0],
  input: { id: string },
) => {
  if (ctx.actor?.sysadmin) return allow();
  const org = await findOrganization(ctx.services.catalog.db, input.id);
  return ctx.actor?.memberships[org.id] === 'admin'
    ? allow()
    : deny('Only an admin of this institution or a sysadmin may do this');
};

export const organizationUpdate = defineAction({
  name: 'organization_update',
  doc: 'Changes an institution; fields left out keep their value (as organization_patch). Admins of it or sysadmins.',
  readOnly: false,
  schema: Type.Object(
    { id: IdOrName, name: Type.Optional(Slug), ...OrgFields },
    { additionalProperties: false },
  ),
  policy: orgAdminPolicy,
  handler: async (ctx, input) => {
    if (unsafeMarkup(input.description))
      throw validation({ description: ['contains script or event-handler markup'] });
    await checkRegion(ctx, input.region_code);
    return catalogTransaction(ctx.services.catalog, async (trx) => {
      const before = await findOrganization(trx, input.id);
      if (input.name && input.name !== before.name) {
        const clash = await trx
          .selectFrom('organization')
          .select('id')
          .where('name', '=', input.name)
          .executeTakeFirst();
        if (clash) throw validation({ name: ['Group name already exists in database'] });
      }
      const extras = extrasMap(input.extras);
      const after = await trx
        .updateTable('organization')
        .set({
          ...(input.name ? { name: input.name } : {}),
          ...(input.title !== undefined ? { title: input.title || before.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.image_url !== undefined ? { image_url: input.image_url || null } : {}),
          ...(input.org_type ? { org_type: input.org_type } : {}),
          ...(input.level ? { level: input.level } : {}),
          ...(input.region_code !== undefined ? { region_code: input.region_code } : {}),
          ...(extras ? { extras: jsonb(extras) } : {}),
          modified: sql`now()`,
        })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (after.title !== before.title || after.name !== before.name) {
        const ids = await trx
          .selectFrom('dataset')
          .select('id')
          .where('organization_id', '=', after.id)
          .execute();
        await reindexDatasets(
          trx,
          ids.map((r) => r.id),
        );
        organizationChanged(trx, after.id);
      }
      const dict = organizationDict(after);
      await audit(trx, ctx.actor, {
        action: 'organization_update',
        entityType: 'organization',
        entityId: after.id,
        before: organizationDict(before),
        after: dict,
      });
      return dict;
    });
  },
});

export const organizationDelete = defineAction({
  name: 'organization_delete',
  doc: 'Marks an institution deleted. Refused while it still has datasets that are not deleted. Admins of it or sysadmins.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName }, { additionalProperties: false }),
  policy: orgAdminPolicy,
  handler: async (ctx, input) =>
    ctx.services.catalog.db.transaction().execute(async (trx) => {
      const org = await findOrganization(trx, input.id);
      const live = await trx
        .selectFrom('dataset')
        .select(sql<number>`count(*)`.as('n'))
        .where('organization_id', '=', org.id)
        .where('state', '!=', 'deleted')
        .executeTakeFirstOrThrow();
      if (Number(live.n) > 0)
        throw conflict(`organization ${org.name} still has ${live.n} datasets; delete or move them first`);
      await trx
        .updateTable('organization')
        .set({ state: 'deleted', modified: sql`now()` })
        .where('id', '=', org.id)
        .execute();
      await audit(trx, ctx.actor, {
        action: 'organization_delete',
        entityType: 'organization',
        entityId: org.id,
        before: { state: org.state },
        after: { state: 'deleted' },
      });
      return null;
    }),
});
