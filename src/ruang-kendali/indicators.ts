/**
 * Indicators as callers see them: who may read one (its own privacy and its dataset's), the
 * current value with target, achievement, status and the scale's written definitions, the
 * as-of date and freshness, and the lineage back to the dataset version.
 */
import type { Actor, Services } from '../actions/types.js';
import { canReadDataset, roleIn } from '../catalog/access.js';
import { isUuid } from '../catalog/ckan-format.js';
import { notFound } from '../core/errors.js';
import { ruangKendaliBus } from './bus.js';
import { comparePeriods, type IndicatorRow, type SourceVersion, sourceVersion } from './compute.js';
import { achievement, checkScale, definitions, type Polarity, statusOf } from './status.js';
import { loadValues, valueKey } from './values.js';

type Db = Services['catalog']['db'];

export interface Readable {
  readonly indicator: IndicatorRow;
  readonly dataset: {
    id: string;
    name: string;
    title: string;
    organization_id: string;
    private: boolean;
    state: string;
    creator_user_id: string | null;
  };
}

/** The indicator's own privacy: private ones only for members of its institution. */
const canSeeIndicator = (actor: Actor | null, ind: IndicatorRow): boolean =>
  !ind.private || actor?.sysadmin === true || roleIn(actor, ind.organization_id) !== undefined;

export const canReadIndicator = (actor: Actor | null, r: Readable): boolean =>
  canSeeIndicator(actor, r.indicator) && canReadDataset(actor, r.dataset);

const DATASET_FIELDS = [
  'id',
  'name',
  'title',
  'organization_id',
  'private',
  'state',
  'creator_user_id',
] as const;

export async function findIndicator(db: Db, idOrName: string): Promise<Readable> {
  const indicator = await db
    .selectFrom('indicator')
    .selectAll()
    .where(isUuid(idOrName) ? 'id' : 'name', '=', idOrName)
    .executeTakeFirst();
  if (!indicator) throw notFound(`indicator ${idOrName}`);
  const dataset = await db
    .selectFrom('dataset')
    .select(DATASET_FIELDS)
    .where('id', '=', indicator.dataset_id)
    .executeTakeFirstOrThrow();
  return { indicator, dataset };
}

/** Indicators the actor may read (their own privacy and their dataset's), by title. */
export async function readableIndicators(
  db: Db,
  actor: Actor | null,
  filter: { org?: string } = {},
): Promise<Readable[]> {
  let q = db
    .selectFrom('indicator as i')
    .innerJoin('dataset as d', 'd.id', 'i.dataset_id')
    .selectAll('i')
    .select([
      'd.name as d_name',
      'd.title as d_title',
      'd.organization_id as d_org',
      'd.private as d_private',
      'd.state as d_state',
      'd.creator_user_id as d_creator',
    ])
    .orderBy('i.title');
  if (filter.org) q = q.where('i.organization_id', '=', filter.org);
  const rows = await q.execute();
  return rows
    .map(({ d_name, d_title, d_org, d_private, d_state, d_creator, ...indicator }) => ({
      indicator,
      dataset: {
        id: indicator.dataset_id,
        name: d_name,
        title: d_title,
        organization_id: d_org,
        private: d_private,
        state: d_state,
        creator_user_id: d_creator,
      },
    }))
    .filter((r) => canReadIndicator(actor, r));
}

/** Targets of an indicator: period → region ('' = whole coverage) → value. */
export async function targetsOf(
  db: Db,
  id: string,
): Promise<{ period: string; region_code: string; value: number }[]> {
  const rows = await db
    .selectFrom('indicator_target')
    .select(['period', 'region_code', 'value'])
    .where('indicator_id', '=', id)
    .execute();
  return rows.sort(
    (a, b) => comparePeriods(a.period, b.period) || a.region_code.localeCompare(b.region_code),
  );
}

/** The target of one period and region: a given target, else the trajectory's point for the period. */
export function targetFor(
  ind: IndicatorRow,
  targets: readonly { period: string; region_code: string; value: number }[],
  period: string,
  region = '',
): number | null {
  const given = targets.find((t) => t.period === period && t.region_code === region);
  if (given) return given.value;
  if (region !== '') return null;
  const point = (ind.trajectory as { period: string; value: number }[]).find((p) => p.period === period);
  return point?.value ?? null;
}

const DAY_MS = 86_400_000;

/** The current value, its target and status, freshness and lineage (what `indicator_show` returns). */
export async function indicatorSummary(services: Services, r: Readable, now = new Date()) {
  const ind = r.indicator;
  const db = services.catalog.db;
  const scale = checkScale(ind.scale as Parameters<typeof checkScale>[0]);
  const targets = await targetsOf(db, ind.id);
  let source: SourceVersion | null = null;
  let current: { period: string; value: number | null } | null = null;
  try {
    source = await sourceVersion(services, ind);
    // The stored national values when they were computed from this version and definition: a
    // scheduled evaluation with nothing new scans no table (a wall stays quick while it runs).
    const national = { indicator: ind, source, level: 'national' as const, province: '' };
    const values = (await loadValues(services, [national])).get(valueKey(ind.id, 'national', '')) ?? [];
    current = values.sort((a, b) => comparePeriods(a.period, b.period)).at(-1) ?? null;
  } catch (e) {
    if ((e as { code?: string }).code !== 'NOT_FOUND') throw e;
  }
  const target = current ? targetFor(ind, targets, current.period) : null;
  const achieved =
    current?.value != null ? achievement(current.value, target, ind.polarity as Polarity) : null;
  const resource = source?.resourceId
    ? await db
        .selectFrom('resource')
        .select(['id', 'name'])
        .where('id', '=', source.resourceId)
        .executeTakeFirst()
    : undefined;
  const org = await db
    .selectFrom('organization')
    .select(['id', 'name', 'title'])
    .where('id', '=', ind.organization_id)
    .executeTakeFirstOrThrow();
  const datasetOrg =
    r.dataset.organization_id === org.id
      ? org
      : await db
          .selectFrom('organization')
          .select(['id', 'name', 'title'])
          .where('id', '=', r.dataset.organization_id)
          .executeTakeFirstOrThrow();
  const base = services.config.baseUrl.replace(/\/$/, '');
  return {
    ...indicatorDict(ind),
    organization: { name: org.name, title: org.title },
    targets,
    current: {
      period: current?.period || null,
      value: current?.value ?? null,
      target,
      achievement: achieved,
      status: statusOf(achieved, scale),
    },
    scale: { levels: scale.levels, thresholds: scale.thresholds, definitions: definitions(scale) },
    as_of: source?.created.toISOString() ?? null,
    freshness: source ? { age_days: Math.floor((now.getTime() - source.created.getTime()) / DAY_MS) } : null,
    lineage: {
      dataset_id: r.dataset.id,
      dataset_name: r.dataset.name,
      dataset_title: r.dataset.title,
      version: source?.version ?? null,
      pinned: ind.pinned_version !== null,
      resource_id: resource?.id ?? null,
      resource_name: resource?.name ?? null,
      institution: { name: datasetOrg.name, title: datasetOrg.title },
      url: `${base}/dataset/${r.dataset.name}`,
    },
  };
}

export function indicatorDict(ind: IndicatorRow) {
  return {
    id: ind.id,
    name: ind.name,
    title: ind.title,
    title_en: ind.title_en,
    description: ind.description,
    private: ind.private,
    measure: ind.measure,
    aggregation: ind.aggregation,
    region_column: ind.region_column,
    region_level: ind.region_level,
    province_column: ind.province_column,
    period_column: ind.period_column,
    filters: ind.filters,
    unit: ind.unit,
    polarity: ind.polarity,
    trajectory: ind.trajectory,
    pinned_version: ind.pinned_version,
    last: {
      value: ind.last_value,
      status: ind.last_status,
      period: ind.last_period,
      version: ind.last_version,
      evaluated_at: ind.evaluated_at?.toISOString() ?? null,
    },
  };
}

/**
 * Computes an indicator again and stores its current value and status; emits
 * `indicator.updated` when the value, status, period or version changed. Returns the summary.
 */
export async function refreshIndicator(services: Services, r: Readable, now = new Date()) {
  const summary = await indicatorSummary(services, r, now);
  const ind = r.indicator;
  const c = summary.current;
  const version = summary.lineage.version;
  const changed =
    ind.last_value !== c.value ||
    ind.last_status !== c.status ||
    ind.last_period !== c.period ||
    ind.last_version !== version;
  await services.catalog.db
    .updateTable('indicator')
    .set({
      last_value: c.value,
      last_status: c.status,
      last_period: c.period,
      last_version: version,
      evaluated_at: now,
    })
    .where('id', '=', ind.id)
    .execute();
  if (changed && version !== null)
    ruangKendaliBus(services).emit('indicator.updated', {
      id: ind.id,
      name: ind.name,
      organization_id: ind.organization_id,
      value: c.value,
      status: c.status,
      period: c.period,
      version,
    });
  return summary;
}
