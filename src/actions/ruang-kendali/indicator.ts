/**
 * Indicators of the control room: `indicator_create/update/show/list` and `indicator_values`
 * (by region and period, for maps and the province → regency drill-down).
 */
import { type Static, type TOptional, type TSchema, Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { canReadDataset, EDITOR_ROLES, hasRole } from '../../catalog/access.js';
import { audit } from '../../catalog/audit.js';
import { findDataset } from '../../catalog/datasets.js';
import { jsonb } from '../../catalog/json.js';
import { findOrganization } from '../../catalog/organizations.js';
import type { IndicatorTable } from '../../catalog/schema.js';
import { notFound, validation } from '../../core/errors.js';
import {
  checkColumns,
  comparePeriods,
  computeValues,
  type IndicatorRow,
  sourceVersion,
} from '../../ruang-kendali/compute.js';
import {
  canReadIndicator,
  findIndicator,
  indicatorDict,
  indicatorSummary,
  readableIndicators,
  refreshIndicator,
  targetFor,
  targetsOf,
} from '../../ruang-kendali/indicators.js';
import { achievement, checkScale, statusOf } from '../../ruang-kendali/status.js';
import { IdOrName, Slug } from '../catalog/schemas.js';
import { allow, deny } from '../policy.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { lit } from './schemas.js';

const Period = Type.String({ minLength: 1, maxLength: 40 });
const Column = Type.String({ minLength: 1, maxLength: 200 });

const Fields = {
  title: Type.String({ minLength: 2, maxLength: 300 }),
  title_en: Type.String({ maxLength: 300 }),
  description: Type.String({ maxLength: 5000 }),
  private: Type.Boolean(),
  resource_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  version: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description: 'pinned version; null = latest published',
  }),
  measure: Column,
  aggregation: lit('sum', 'avg', 'min', 'max', 'count'),
  region_column: Type.Union([Column, Type.Null()]),
  region_level: Type.Union([lit('province', 'regency'), Type.Null()]),
  province_column: Type.Union([Column, Type.Null()]),
  period_column: Type.Union([Column, Type.Null()]),
  filters: Type.Array(
    Type.Object({
      column: Column,
      op: lit('eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'like'),
      value: Type.Union([
        Type.String(),
        Type.Number(),
        Type.Boolean(),
        Type.Null(),
        Type.Array(Type.Union([Type.String(), Type.Number()])),
      ]),
    }),
    { maxItems: 20 },
  ),
  unit: Type.String({ maxLength: 50 }),
  polarity: lit('higher', 'lower'),
  scale: Type.Object({
    levels: Type.Optional(Type.Union([Type.Literal(3), Type.Literal(5)])),
    thresholds: Type.Optional(Type.Array(Type.Number(), { maxItems: 4 })),
    definitions: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object({
          id: Type.Optional(Type.String({ maxLength: 500 })),
          en: Type.Optional(Type.String({ maxLength: 500 })),
        }),
      ),
    ),
  }),
  targets: Type.Array(
    Type.Object({
      period: Period,
      value: Type.Number(),
      region_code: Type.Optional(Type.String({ maxLength: 20 })),
    }),
    { maxItems: 5000 },
  ),
  trajectory: Type.Array(Type.Object({ period: Period, value: Type.Number() }), { maxItems: 200 }),
};
type FieldsIn = { [K in keyof typeof Fields]?: Static<(typeof Fields)[K]> };

const optional = <T extends Record<string, TSchema>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof T]: TOptional<T[K]>;
  };

/** The row's columns from the input fields that were given. */
function rowFields(input: FieldsIn): Partial<Record<keyof IndicatorTable, unknown>> {
  const out: Partial<Record<keyof IndicatorTable, unknown>> = {};
  for (const k of [
    'title',
    'title_en',
    'description',
    'private',
    'resource_id',
    'measure',
    'aggregation',
    'region_column',
    'region_level',
    'province_column',
    'period_column',
    'unit',
    'polarity',
  ] as const)
    if (input[k] !== undefined) out[k] = input[k];
  if (input.version !== undefined) out.pinned_version = input.version;
  if (input.filters !== undefined) out.filters = input.filters;
  if (input.trajectory !== undefined) out.trajectory = input.trajectory;
  if (input.scale !== undefined) out.scale = checkScale(input.scale);
  return out;
}

/** Checks the indicator against the version it reads (columns, filters by one trial aggregate). */
async function checkAgainstData(ctx: ActionContext, ind: IndicatorRow): Promise<void> {
  if (ind.resource_id) {
    const r = await ctx.services.catalog.db
      .selectFrom('resource')
      .select('dataset_id')
      .where('id', '=', ind.resource_id)
      .executeTakeFirst();
    if (r?.dataset_id !== ind.dataset_id)
      throw validation({ resource_id: ['not a resource of this dataset'] });
  }
  let source: Awaited<ReturnType<typeof sourceVersion>>;
  try {
    source = await sourceVersion(ctx.services, ind);
  } catch {
    throw validation({
      [ind.pinned_version !== null ? 'version' : 'package_id']: [
        'the dataset has no such published datastore version',
      ],
    });
  }
  checkColumns(ind, source.columns);
  await computeValues(ctx.services, ind, source);
}

async function saveTargets(ctx: ActionContext, id: string, targets: FieldsIn['targets']): Promise<void> {
  if (targets === undefined) return;
  const db = ctx.services.catalog.db;
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const key = `${t.period}|${t.region_code ?? ''}`;
    if (seen.has(key)) throw validation({ [`targets.${i}`]: ['the same period and region twice'] });
    seen.add(key);
  });
  await db.deleteFrom('indicator_target').where('indicator_id', '=', id).execute();
  if (targets.length > 0)
    await db
      .insertInto('indicator_target')
      .values(
        targets.map((t) => ({
          indicator_id: id,
          period: t.period,
          region_code: t.region_code ?? '',
          value: t.value,
        })),
      )
      .execute();
}

const readPolicy = async (ctx: ActionContext, input: { id: string }) => {
  const r = await findIndicator(ctx.services.catalog.db, input.id);
  if (!canReadIndicator(ctx.actor, r)) throw notFound(`indicator ${input.id}`);
  return allow();
};

export const indicatorCreate = defineAction({
  name: 'indicator_create',
  doc: 'Defines an indicator over a dataset’s datastore table: measure and aggregation, region (province or regency) and period columns, filters, unit, polarity, targets per period (optionally per region), a trajectory and a 3- or 5-level status scale. Reads the latest published version unless `version` pins one. Editors of the owner institution who may read the dataset.',
  readOnly: false,
  schema: Type.Object({
    name: Slug,
    owner_org: IdOrName,
    package_id: IdOrName,
    ...optional(Fields),
    measure: Column,
    polarity: Fields.polarity,
  }),
  policy: async (ctx, input) => {
    if (!ctx.actor) return deny('You must be signed in to do this');
    const org = await findOrganization(ctx.services.catalog.db, input.owner_org);
    if (!hasRole(ctx.actor, org.id, EDITOR_ROLES))
      return deny('Only editors of the institution may define its indicators');
    const ds = await findDataset(ctx.services.catalog.db, input.package_id);
    if (!canReadDataset(ctx.actor, ds)) throw notFound(`dataset ${input.package_id}`);
    return allow();
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.owner_org);
    const ds = await findDataset(db, input.package_id);
    if (await db.selectFrom('indicator').select('id').where('name', '=', input.name).executeTakeFirst())
      throw validation({ name: ['That indicator name is already in use'] });
    const fields = rowFields(input);
    const draft = {
      aggregation: 'sum',
      resource_id: null,
      pinned_version: null,
      region_column: null,
      region_level: null,
      province_column: null,
      period_column: null,
      filters: [],
      ...fields,
      dataset_id: ds.id,
    } as unknown as IndicatorRow;
    await checkAgainstData(ctx, draft);
    const id = await db.transaction().execute(async (trx) => {
      const made = await trx
        .insertInto('indicator')
        .values({
          ...(fields as object),
          name: input.name,
          title: input.title ?? input.name,
          organization_id: org.id,
          dataset_id: ds.id,
          measure: input.measure,
          aggregation: input.aggregation ?? 'sum',
          polarity: input.polarity,
          filters: jsonb(input.filters ?? []),
          trajectory: jsonb(input.trajectory ?? []),
          scale: jsonb({ ...checkScale(input.scale) } as Record<string, unknown>),
          created_by: userIdOf(ctx.actor),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'indicator_create',
        entityType: 'organization',
        entityId: org.id,
        before: {},
        after: { [`indicator:${made.id}`]: { name: input.name, dataset: ds.name, measure: input.measure } },
      });
      return made.id;
    });
    await saveTargets(ctx, id, input.targets);
    return refreshIndicator(ctx.services, await findIndicator(db, id));
  },
});

export const indicatorUpdate = defineAction({
  name: 'indicator_update',
  doc: 'Changes an indicator’s definition; fields left out keep their value, `targets` (when given) replaces every target. Editors of the owner institution.',
  readOnly: false,
  schema: Type.Object({ id: IdOrName, ...optional(Fields) }),
  policy: async (ctx, input) => {
    const r = await findIndicator(ctx.services.catalog.db, input.id);
    if (!canReadIndicator(ctx.actor, r)) throw notFound(`indicator ${input.id}`);
    return hasRole(ctx.actor, r.indicator.organization_id, EDITOR_ROLES)
      ? allow()
      : deny('Only editors of the institution may change its indicators');
  },
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const { indicator } = await findIndicator(db, input.id);
    const fields = rowFields(input);
    await checkAgainstData(ctx, { ...indicator, ...fields } as IndicatorRow);
    const set = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'object' && v !== null ? jsonb(v) : v]),
    );
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('indicator')
        .set({ ...set, modified: new Date() })
        .where('id', '=', indicator.id)
        .execute();
      await audit(trx, ctx.actor, {
        action: 'indicator_update',
        entityType: 'organization',
        entityId: indicator.organization_id,
        before: { [`indicator:${indicator.id}`]: indicatorDict(indicator) },
        after: { [`indicator:${indicator.id}`]: { ...indicatorDict(indicator), ...input } },
      });
    });
    await saveTargets(ctx, indicator.id, input.targets);
    return refreshIndicator(ctx.services, await findIndicator(db, indicator.id));
  },
});

export const indicatorShow = defineAction({
  name: 'indicator_show',
  doc: 'One indicator: its definition, current value, target, achievement and status with the scale’s written definitions (id/en), as-of date, freshness and lineage (dataset, version, resource, institution, dataset page).',
  readOnly: true,
  schema: Type.Object({ id: IdOrName }),
  policy: readPolicy,
  handler: async (ctx, input) =>
    indicatorSummary(ctx.services, await findIndicator(ctx.services.catalog.db, input.id)),
});

export const indicatorList = defineAction({
  name: 'indicator_list',
  doc: 'Indicators the caller may read (public ones over readable datasets, and the private ones of their institutions), optionally of one institution, with their last computed value and status.',
  readOnly: true,
  schema: Type.Object({ owner_org: Type.Optional(IdOrName) }),
  policy: () => allow(),
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = input.owner_org ? await findOrganization(db, input.owner_org) : undefined;
    const rows = await readableIndicators(db, ctx.actor, { org: org?.id });
    return rows.map((r) => ({
      ...indicatorDict(r.indicator),
      dataset: { id: r.dataset.id, name: r.dataset.name, title: r.dataset.title },
    }));
  },
});

export const indicatorValues = defineAction({
  name: 'indicator_values',
  doc: 'An indicator’s values by region and period for maps and drill-down: `level` national, province or regency (`province` narrows regencies to one province), optionally one `period`; each with its target, achievement and status.',
  readOnly: true,
  schema: Type.Object({
    id: IdOrName,
    level: Type.Optional(lit('national', 'province', 'regency')),
    province: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    period: Type.Optional(Period),
  }),
  policy: readPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const { indicator } = await findIndicator(db, input.id);
    const source = await sourceVersion(ctx.services, indicator);
    const level = input.level ?? 'national';
    const values = await computeValues(ctx.services, indicator, source, {
      level,
      province: input.province,
      period: input.period,
    });
    const targets = await targetsOf(db, indicator.id);
    const scale = checkScale(indicator.scale as Parameters<typeof checkScale>[0]);
    const codes = [...new Set(values.map((v) => v.region).filter((c) => c !== ''))];
    const names = new Map(
      codes.length > 0
        ? (await db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute()).map(
            (r) => [r.code, r.name],
          )
        : [],
    );
    return {
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      level,
      version: source.version,
      as_of: source.created.toISOString(),
      values: values
        .sort((a, b) => comparePeriods(a.period, b.period) || a.region.localeCompare(b.region))
        .map((v) => {
          const target =
            targetFor(indicator, targets, v.period, v.region) ??
            (v.region ? targetFor(indicator, targets, v.period) : null);
          const achieved = v.value === null ? null : achievement(v.value, target, indicator.polarity);
          return {
            region_code: v.region || null,
            region_name: v.region ? (names.get(v.region) ?? null) : null,
            period: v.period || null,
            value: v.value,
            target,
            achievement: achieved,
            status: statusOf(achieved, scale),
          };
        }),
    };
  },
});
