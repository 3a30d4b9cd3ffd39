/**
 * Computing an indicator: one group-by aggregate through the datastore backend over the
 * version the indicator reads (the latest published one, or a pinned one). Rows never come
 * into JS: only one value per (region, period) group.
 */
import type { Selectable } from 'kysely';
import type { Services } from '../actions/types.js';
import type { IndicatorTable } from '../catalog/schema.js';
import { notFound, validation } from '../core/errors.js';
import type { CellValue, Filter } from '../datastore/backend.js';

export type IndicatorRow = Selectable<IndicatorTable>;
export type ValueLevel = 'national' | 'province' | 'regency';

export interface SourceVersion {
  readonly tableId: string;
  readonly version: number;
  readonly resourceId: string | null;
  readonly created: Date;
  readonly columns: readonly { name: string; type: string }[];
}

export interface ValueRow {
  /** '' for the whole coverage. */
  readonly region: string;
  /** '' when the indicator has no period column. */
  readonly period: string;
  readonly value: number | null;
}

/** The dataset version an indicator reads: pinned, else the latest recorded (published) one. */
export async function sourceVersion(
  services: Services,
  ind: Pick<IndicatorRow, 'dataset_id' | 'resource_id' | 'pinned_version'>,
): Promise<SourceVersion> {
  let q = services.catalog.db
    .selectFrom('dataset_version')
    .select(['table_id', 'version', 'resource_id', 'created', 'columns'])
    .where('dataset_id', '=', ind.dataset_id)
    .orderBy('version', 'desc');
  if (ind.resource_id) q = q.where('resource_id', '=', ind.resource_id);
  if (ind.pinned_version !== null) q = q.where('version', '=', ind.pinned_version);
  const v = await q.executeTakeFirst();
  if (!v)
    throw notFound(
      ind.pinned_version !== null
        ? `version ${ind.pinned_version} of the dataset`
        : 'a published version of the dataset',
    );
  return {
    tableId: v.table_id,
    version: v.version,
    resourceId: v.resource_id,
    created: v.created,
    columns: v.columns,
  };
}

/** Checks that the indicator's columns exist in the version with usable types; names each problem. */
export function checkColumns(ind: Partial<IndicatorRow>, columns: SourceVersion['columns']): void {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const errors: Record<string, string[]> = {};
  const need = (field: string, name: string | null | undefined) => {
    if (name && !types.has(name))
      errors[field] = [`no column ${JSON.stringify(name)} in the dataset version`];
  };
  need('measure', ind.measure);
  need('region_column', ind.region_column);
  need('province_column', ind.province_column);
  need('period_column', ind.period_column);
  const t = ind.measure ? types.get(ind.measure) : undefined;
  if (t && ind.aggregation !== 'count' && t !== 'integer' && t !== 'number')
    errors.measure = [`${ind.aggregation} needs a numeric column; ${JSON.stringify(ind.measure)} is ${t}`];
  if (ind.region_column && !ind.region_level)
    errors.region_level = ['give province or regency with region_column'];
  if (Object.keys(errors).length > 0) throw validation(errors);
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));
const num = (v: CellValue | undefined): number | null =>
  typeof v === 'number' ? v : v == null ? null : Number(v);

/** A period given as text, as a filter value of the period column's type. */
function periodValue(period: string, type: string | undefined): CellValue {
  if (type === 'integer' || type === 'number') {
    const n = Number(period);
    if (!Number.isFinite(n))
      throw validation({ period: [`${JSON.stringify(period)} is not a period of this indicator`] });
    return n;
  }
  return period;
}

/**
 * Values by region and period: `national` (one per period), `province` (a province-level
 * indicator's own rows, or a regency-level one's rolled up by its province column with the
 * same aggregation), `regency` (optionally the regencies of one province).
 */
export async function computeValues(
  services: Services,
  ind: IndicatorRow,
  source: SourceVersion,
  opts: { level?: ValueLevel; province?: string; period?: string } = {},
): Promise<ValueRow[]> {
  const level = opts.level ?? 'national';
  const types = new Map(source.columns.map((c) => [c.name, c.type]));
  let regionCol: string | null = null;
  if (level === 'province') {
    regionCol = ind.region_level === 'province' ? ind.region_column : ind.province_column;
    if (!regionCol) throw validation({ level: ['this indicator has no province column'] });
  } else if (level === 'regency') {
    if (ind.region_level !== 'regency' || !ind.region_column)
      throw validation({ level: ['this indicator has no regency column'] });
    regionCol = ind.region_column;
  }
  const filters: Filter[] = [...((ind.filters ?? []) as Filter[])];
  if (opts.province && level === 'regency') {
    if (!ind.province_column)
      throw validation({ province: ['this indicator has no province column to drill down by'] });
    filters.push({ column: ind.province_column, op: 'eq', value: opts.province });
  }
  if (opts.period && ind.period_column)
    filters.push({
      column: ind.period_column,
      op: 'eq',
      value: periodValue(opts.period, types.get(ind.period_column)),
    });
  const groupBy = [regionCol, ind.period_column].filter((c): c is string => c !== null);
  const rows = await services.datastore.aggregate(
    { tableId: source.tableId, version: source.version },
    {
      groupBy,
      measures: [
        { column: ind.aggregation === 'count' ? '*' : ind.measure, fn: ind.aggregation, as: '__value' },
      ],
      filters,
    },
  );
  return rows.map((r) => ({
    region: regionCol ? text(r[regionCol]) : '',
    period: ind.period_column ? text(r[ind.period_column]) : '',
    value: num(r.__value),
  }));
}

/** Periods in order: numbers by value, text by Indonesian collation with numbers inside. */
export const comparePeriods = (a: string, b: string): number => a.localeCompare(b, 'id', { numeric: true });
