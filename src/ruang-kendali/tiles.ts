/**
 * A board's tile data for one viewer (`board_show` with `data: true`, the PDF briefing): every
 * indicator tile from the materialised values (`values.ts`), with a fixed number of catalog
 * reads for the whole board (indicators, versions, targets, institutions, stored values, region
 * names, alerts, programmes, media), whatever the number of tiles. Indicators the viewer may not
 * read give a tile `error`, never numbers.
 */
import type { Actor, Services } from '../actions/types.js';
import type {
  BoardView,
  IndicatorTileBase,
  PeriodValue,
  RegionValue,
  TileData,
  TileSpec,
} from './board-format.js';
import { type BoardRow, boardRecord, storedTiles } from './boards.js';
import { comparePeriods, type IndicatorRow, type ValueLevel, type ValueRow } from './compute.js';
import { targetFor } from './indicators.js';
import { achievement, checkScale, type Polarity, statusOf } from './status.js';
import { sideTiles } from './tiles-side.js';
import { type IndicatorInfo, loadIndicators } from './tiles-source.js';
import { loadValues, type ValueRequest, valueKey } from './values.js';

type Db = Services['catalog']['db'];

/** Tile errors (stable codes the pages translate). */
export const TILE_ERRORS = {
  notFound: 'indicator_not_found',
  noVersion: 'no_version',
  noRegions: 'no_region_values',
} as const;

/**
 * The values a tile reads: national for kpi/trend (on a province board, or with a province
 * option, that province's own values), else its level (and province for regencies).
 */
function requestOf(tile: TileSpec, board: BoardRow): { level: ValueLevel; province: string } {
  if (tile.kind === 'kpi' || tile.kind === 'trend')
    return onlyProvince(tile, board)
      ? { level: 'province', province: '' }
      : { level: 'national', province: '' };
  const level = tile.options?.level ?? 'province';
  return level === 'regency'
    ? { level, province: tile.options?.province ?? board.province ?? '' }
    : { level: 'province', province: '' };
}

/** The province a kpi or trend tile shows instead of the whole country, if any. */
const onlyProvince = (tile: TileSpec, board: BoardRow): string | null =>
  tile.kind === 'kpi' || tile.kind === 'trend'
    ? (tile.options?.province ?? board.province ?? null) || null
    : null;

const latest = (rows: readonly ValueRow[]): string | null =>
  rows.reduce<string | null>((m, r) => (m === null || comparePeriods(r.period, m) > 0 ? r.period : m), null);

function statusFor(ind: IndicatorRow, value: number | null, target: number | null) {
  const scale = checkScale(ind.scale as Parameters<typeof checkScale>[0]);
  return value === null ? null : statusOf(achievement(value, target, ind.polarity as Polarity), scale);
}

function indicatorTile(
  tile: TileSpec,
  board: BoardRow,
  info: IndicatorInfo | undefined,
  values: Map<string, ValueRow[]>,
  names: Map<string, string>,
  failures: Map<string, string>,
): TileData {
  const ind = info?.r.indicator;
  const base: IndicatorTileBase = {
    id: tile.id,
    kind: tile.kind,
    title: tile.title ?? ind?.title ?? tile.id,
    indicator: ind?.name ?? null,
    unit: ind?.unit || null,
    polarity: ind?.polarity ?? null,
    period: null,
    lineage: info?.lineage ?? null,
  };
  const req = requestOf(tile, board);
  const key = ind ? valueKey(ind.id, req.level, req.province) : '';
  const error = !info
    ? TILE_ERRORS.notFound
    : !info.source
      ? TILE_ERRORS.noVersion
      : (failures.get(key) ?? (values.has(key) ? undefined : TILE_ERRORS.noRegions));
  const only = onlyProvince(tile, board);
  const rows = (values.get(key) ?? []).filter((r) => only === null || r.region === only);
  if (tile.kind === 'kpi' || tile.kind === 'trend') {
    const series: PeriodValue[] = [...rows]
      .sort((a, b) => comparePeriods(a.period, b.period))
      .map((r) => ({
        period: r.period,
        value: r.value,
        target: ind && info ? targetFor(ind, info.targets, r.period) : null,
      }));
    const last = series.at(-1);
    const period = last?.period || null;
    if (tile.kind === 'trend') return { ...base, kind: 'trend', period, series, ...(error ? { error } : {}) };
    const value = last?.value ?? null;
    const target = last?.target ?? null;
    return {
      ...base,
      kind: 'kpi',
      period,
      value,
      target,
      status: ind ? statusFor(ind, value, target) : null,
      sparkline: series.slice(-12),
      ...(error ? { error } : {}),
    };
  }
  const period = latest(rows);
  let regions: RegionValue[] = rows
    .filter((r) => r.period === (period ?? '') && r.region !== '')
    .map((r) => {
      const target =
        ind && info
          ? (targetFor(ind, info.targets, r.period, r.region) ?? targetFor(ind, info.targets, r.period))
          : null;
      return {
        code: r.region,
        name: names.get(r.region) ?? r.region,
        value: r.value,
        target,
        status: ind ? statusFor(ind, r.value, target) : null,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const limit = tile.options?.limit ?? 10;
  if (tile.kind === 'ranking') {
    const sign = (ind?.polarity === 'lower' ? 1 : -1) * (tile.options?.order === 'worst' ? -1 : 1);
    regions = regions
      .filter((r) => r.value !== null)
      .sort((a, b) => sign * ((a.value as number) - (b.value as number)) || a.code.localeCompare(b.code))
      .slice(0, limit);
  } else if (tile.kind === 'table') regions = regions.slice(0, limit);
  return {
    ...base,
    kind: tile.kind as 'map' | 'ranking' | 'table',
    period: period || null,
    level: req.level === 'regency' ? 'regency' : 'province',
    province: req.level === 'regency' ? req.province || null : null,
    map: tile.kind === 'map' ? (tile.options?.map ?? (req.level === 'province' ? 'tilegrid' : null)) : null,
    regions,
    ...(error ? { error } : {}),
  };
}

/** The board's tiles computed for `actor` (null = anonymous, e.g. a share-link viewer). */
export async function boardView(
  services: Services,
  actor: Actor | null,
  board: BoardRow,
): Promise<BoardView> {
  const db: Db = services.catalog.db;
  const tiles = storedTiles(board);
  const ids = [...new Set(tiles.map((t) => t.indicator).filter((i): i is string => !!i))];
  const infos = await loadIndicators(services, actor, ids);
  const requests: ValueRequest[] = [];
  for (const tile of tiles) {
    const info = tile.indicator ? infos.get(tile.indicator) : undefined;
    if (!info?.source) continue;
    requests.push({ indicator: info.r.indicator, source: info.source, ...requestOf(tile, board) });
  }
  const failures = new Map<string, string>();
  const values = new Map<string, ValueRow[]>();
  // Requests one by one only when one fails (an indicator without a regency column, say).
  try {
    for (const [k, v] of await loadValues(services, requests)) values.set(k, v);
  } catch {
    for (const r of requests) {
      const key = valueKey(r.indicator.id, r.level, r.province);
      try {
        for (const [k, v] of await loadValues(services, [r])) values.set(k, v);
      } catch (e) {
        failures.set(
          key,
          (e as { code?: string }).code === 'VALIDATION' ? TILE_ERRORS.noRegions : 'compute_failed',
        );
      }
    }
  }
  const codes = new Set<string>();
  for (const [k, rows] of values)
    if (!k.endsWith('|national|')) for (const r of rows) if (r.region) codes.add(r.region);
  const names = new Map(
    codes.size > 0
      ? (
          await db
            .selectFrom('region')
            .select(['code', 'name'])
            .where('code', 'in', [...codes])
            .execute()
        ).map((r) => [r.code, r.name])
      : [],
  );
  const side = await sideTiles(services, actor, board, tiles);
  const record = await boardRecord(db, board);
  const data = record.tiles.map((spec, i) => {
    const tile = tiles[i] as TileSpec;
    const info = tile.indicator ? infos.get(tile.indicator) : undefined;
    return {
      ...spec,
      data: side.get(tile.id) ?? indicatorTile(tile, board, info, values, names, failures),
    };
  });
  let asOf: Date | null = null;
  for (const t of tiles) {
    const s = t.indicator ? infos.get(t.indicator)?.source : null;
    if (s && (!asOf || s.created > asOf)) asOf = s.created;
  }
  return {
    board: record,
    tiles: data,
    as_of: asOf?.toISOString() ?? null,
    computed_at: new Date().toISOString(),
  };
}
