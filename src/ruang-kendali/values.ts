/**
 * Materialised indicator values: one row of `indicator_value` per (indicator, level, province)
 * holding every (region, period, value) group of the dataset version the indicator reads. A
 * board reads these rows instead of running one group-by per tile and request. A row is valid
 * only for the version and the definition (columns, aggregation, filters) it was computed
 * with; on a miss or a stale row the group-by runs once and the row is replaced. The
 * evaluation job warms the national and province rows when it refreshes an indicator.
 */
import { createHash } from 'node:crypto';
import type { Services } from '../actions/types.js';
import { jsonb } from '../catalog/json.js';
import {
  computeValues,
  type IndicatorRow,
  type SourceVersion,
  sourceVersion,
  type ValueLevel,
  type ValueRow,
} from './compute.js';

export interface ValueRequest {
  readonly indicator: IndicatorRow;
  readonly source: SourceVersion;
  readonly level: ValueLevel;
  /** '' unless the regencies of one province. */
  readonly province: string;
}

/** What the values depend on besides the version: a change of any of these invalidates them. */
export function definitionHash(ind: IndicatorRow): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        ind.dataset_id,
        ind.resource_id,
        ind.pinned_version,
        ind.measure,
        ind.aggregation,
        ind.region_column,
        ind.region_level,
        ind.province_column,
        ind.period_column,
        ind.filters,
      ]),
    )
    .digest('hex')
    .slice(0, 32);
}

export const valueKey = (indicatorId: string, level: ValueLevel, province: string): string =>
  `${indicatorId}|${level}|${province}`;

type Stored = [string, string, number | null][];

/**
 * Values for many requests at once: one catalog read for every stored row, a group-by only for
 * the missing or stale ones (whose rows are then stored). Keyed by `valueKey`.
 */
export async function loadValues(
  services: Services,
  requests: readonly ValueRequest[],
): Promise<Map<string, ValueRow[]>> {
  const out = new Map<string, ValueRow[]>();
  if (requests.length === 0) return out;
  const db = services.catalog.db;
  const ids = [...new Set(requests.map((r) => r.indicator.id))];
  const stored = await db
    .selectFrom('indicator_value')
    .select(['indicator_id', 'level', 'province', 'version', 'definition', 'vals'])
    .where('indicator_id', 'in', ids)
    .execute();
  const byKey = new Map(stored.map((s) => [valueKey(s.indicator_id, s.level, s.province), s]));
  for (const r of requests) {
    const key = valueKey(r.indicator.id, r.level, r.province);
    if (out.has(key)) continue;
    const s = byKey.get(key);
    if (s && s.version === r.source.version && s.definition === definitionHash(r.indicator)) {
      out.set(
        key,
        (s.vals as Stored).map(([region, period, value]) => ({ region, period, value })),
      );
      continue;
    }
    out.set(key, await materialise(services, r));
  }
  return out;
}

/** Computes one request's values with the group-by and stores them (replacing a stale row). */
export async function materialise(services: Services, r: ValueRequest): Promise<ValueRow[]> {
  const rows = await computeValues(services, r.indicator, r.source, {
    level: r.level,
    province: r.province || undefined,
  });
  const vals: Stored = rows.map((v) => [v.region, v.period, v.value]);
  const row = {
    indicator_id: r.indicator.id,
    level: r.level,
    province: r.province,
    version: r.source.version,
    definition: definitionHash(r.indicator),
    vals: jsonb(vals),
    computed: new Date(),
  };
  await services.catalog.db
    .insertInto('indicator_value')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['indicator_id', 'level', 'province']).doUpdateSet({
        version: row.version,
        definition: row.definition,
        vals: jsonb(vals),
        computed: row.computed,
      }),
    )
    .execute();
  return rows;
}

/** The levels a board reads without options: national, and province when the data has one. */
export function defaultLevels(ind: IndicatorRow): ValueLevel[] {
  const levels: ValueLevel[] = ['national'];
  const provinceColumn = ind.region_level === 'province' ? ind.region_column : ind.province_column;
  if (provinceColumn) levels.push('province');
  return levels;
}

/**
 * Stores an indicator's national and province values, and the regencies of every province
 * a board read before, for the version it reads now (the evaluation job calls this after
 * refreshing it, so boards find them). Never throws: a board computes what is missing.
 */
export async function warmIndicatorValues(services: Services, indicatorId: string): Promise<void> {
  try {
    const ind = await services.catalog.db
      .selectFrom('indicator')
      .selectAll()
      .where('id', '=', indicatorId)
      .executeTakeFirst();
    if (!ind) return;
    const source = await sourceVersion(services, ind);
    // What boards read before (regencies of one province, say) is computed again too.
    const used = await services.catalog.db
      .selectFrom('indicator_value')
      .select(['level', 'province'])
      .where('indicator_id', '=', ind.id)
      .execute();
    const wanted = [
      ...defaultLevels(ind).map((level) => ({ level, province: '' })),
      ...used.filter((u) => u.province !== ''),
    ];
    for (const w of wanted)
      try {
        await loadValues(services, [{ indicator: ind, source, ...w }]);
      } catch {
        // That level no longer fits the definition: the tile shows the error.
      }
  } catch {
    // No published version, or columns gone: the board tile shows the error.
  }
}
