/**
 * The board document ("dashboards as code") and the tile data a board page renders. Shared by
 * the server (board actions, PDF briefings) and the browser (board, wall and editor pages), so
 * it imports nothing from Node. A board file is this document as JSON: `board_show` with
 * `format: 'document'` exports it and `board_create`/`board_update` import it.
 */

export const BOARD_FORMAT = 'kendali.board/1' as const;

export const TILE_KINDS = [
  'kpi',
  'trend',
  'map',
  'ranking',
  'table',
  'alerts',
  'programmes',
  'media',
] as const;
export type TileKind = (typeof TILE_KINDS)[number];

/** The board grid has 12 columns; rows are as many as the tiles need. */
export const BOARD_COLUMNS = 12;

export interface TileSpec {
  /** Unique within the board (letters, digits, `-`, `_`). */
  readonly id: string;
  readonly kind: TileKind;
  /** Shown above the tile; defaults to the indicator's title. */
  readonly title?: string;
  /** Indicator id or name: required for kpi, trend, map, ranking and table. */
  readonly indicator?: string;
  /** Grid position and size in cells: x 0–11, w 1–12, y ≥ 0, h 1–8. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly options?: TileOptions;
}

export interface TileOptions {
  /** map: `tilegrid` (built-in, 38 provinces) or the name of a registered GeoJSON map. */
  readonly map?: string;
  /** map, ranking, table: the region level (default province). */
  readonly level?: 'province' | 'regency';
  /** map, ranking, table at regency level: the province code (`32`) they narrow to. */
  readonly province?: string;
  /** ranking, table, alerts, media: how many rows (default 10). */
  readonly limit?: number;
  /** ranking: best first (default) or worst first. */
  readonly order?: 'best' | 'worst';
}

export interface BoardDocument {
  readonly format: typeof BOARD_FORMAT;
  /** URL name (slug), unique. */
  readonly name: string;
  readonly title: string;
  readonly title_en?: string;
  readonly description?: string;
  /** Owner institution's name. */
  readonly organization: string;
  readonly private?: boolean;
  /** Province code when this is a province board (its maps and rankings default to it). */
  readonly province?: string | null;
  readonly tiles: readonly TileSpec[];
}

export type Status = 'green' | 'amber_green' | 'amber' | 'amber_red' | 'red';

/** Where a number comes from: shown in the lineage panel and in exports. */
export interface Lineage {
  readonly indicator_id: string;
  readonly indicator_name: string;
  readonly indicator_title: string;
  readonly measure: string;
  readonly aggregation: string;
  readonly unit: string | null;
  readonly dataset_name: string;
  readonly dataset_title: string;
  readonly version: number | null;
  readonly institution: { readonly name: string; readonly title: string };
  readonly as_of: string | null;
  /** Link to the dataset page. */
  readonly url: string;
}

export interface RegionValue {
  /** Kemendagri code, dotted (`32`, `32.04`). */
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly target: number | null;
  readonly status: Status | null;
}

export interface PeriodValue {
  readonly period: string;
  readonly value: number | null;
  readonly target: number | null;
}

interface TileBase {
  readonly id: string;
  readonly kind: TileKind;
  readonly title: string;
  /** Set when the tile could not be computed (indicator gone, no version, no access). */
  readonly error?: string;
}

export interface IndicatorTileBase extends TileBase {
  readonly indicator: string | null;
  readonly unit: string | null;
  readonly polarity: 'higher' | 'lower' | null;
  readonly period: string | null;
  readonly lineage: Lineage | null;
}

export interface KpiTile extends IndicatorTileBase {
  readonly kind: 'kpi';
  readonly value: number | null;
  readonly target: number | null;
  readonly status: Status | null;
  readonly sparkline: readonly PeriodValue[];
}
export interface TrendTile extends IndicatorTileBase {
  readonly kind: 'trend';
  readonly series: readonly PeriodValue[];
}
export interface RegionTile extends IndicatorTileBase {
  readonly kind: 'map' | 'ranking' | 'table';
  readonly level: 'province' | 'regency';
  readonly province: string | null;
  readonly map: string | null;
  readonly regions: readonly RegionValue[];
}
export interface AlertsTile extends TileBase {
  readonly kind: 'alerts';
  readonly alerts: readonly {
    readonly id: string;
    readonly title: string;
    readonly kind: string;
    readonly tier: string;
    readonly deadline: string | null;
    readonly organization: string;
    readonly opened: string;
  }[];
}
export interface ProgrammesTile extends TileBase {
  readonly kind: 'programmes';
  readonly programmes: readonly {
    readonly id: string;
    readonly title: string;
    readonly status: string;
    readonly region: string | null;
    readonly lat: number | null;
    readonly lon: number | null;
  }[];
}
export interface MediaTile extends TileBase {
  readonly kind: 'media';
  readonly items: readonly {
    readonly title: string;
    readonly url: string;
    readonly source: string;
    readonly published: string | null;
    readonly sentiment: 'positive' | 'neutral' | 'negative' | null;
  }[];
}

export type TileData = KpiTile | TrendTile | RegionTile | AlertsTile | ProgrammesTile | MediaTile;

/** `board_show` with `data: true`: the document, the tiles' data in document order, and when. */
export interface BoardView {
  readonly board: BoardDocument & {
    readonly id: string;
    readonly created: string;
    readonly modified: string;
  };
  readonly tiles: readonly (TileSpec & { readonly data: TileData })[];
  /** The newest source version's as-of among the tiles (data freshness on the wall). */
  readonly as_of: string | null;
  readonly computed_at: string;
}
