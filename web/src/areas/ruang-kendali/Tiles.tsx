/**
 * The tiles of a board. Every tile's root carries `data-tile` (its id), `data-kind`,
 * `data-indicator` (the indicator id) and, for single values, `data-value` (the raw number), so
 * tests and monitors can read a wall. Every number opens the lineage panel when clicked.
 */

import type { TFunction } from 'i18next';
import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AlertsTile,
  KpiTile,
  Lineage,
  MediaTile,
  PeriodValue,
  ProgrammesTile,
  RegionTile,
  RegionValue,
  Status,
  TileData,
  TrendTile,
} from '../../../../src/ruang-kendali/board-format.js';
import { TILE_GRID, TILE_GRID_COLUMNS, TILE_GRID_ROWS } from '../../../../src/ruang-kendali/tilegrid.js';
import { callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import type { Language } from '../../i18n/languages.js';
import { NO_STATUS, STATUS_COLOURS, statusColour, statusInk } from './colours.js';
import { TrendChart } from './TrendChart.js';

/** Boundary maps draw with ECharts: their own chunk, loaded only when a tile shows one. */
const GeoMap = lazy(() => import('./GeoMap.js'));

interface TileText {
  readonly t: TFunction<'translation', undefined>;
  readonly lang: Language;
}
const TileTextContext = createContext<TileText | null>(null);

/**
 * The translation function and language of every tile, read once for the grid (BoardGrid): a
 * wall has hundreds of numbers, chips and cells, and a `useTranslation` in each (the language
 * hook is one too) costs more than drawing them. Tiles re-render when the language changes.
 */
export function TileTextProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const value = useMemo(() => ({ t, lang }), [t, lang]);
  return <TileTextContext value={value}>{children}</TileTextContext>;
}

function useTileText(): TileText {
  const text = useContext(TileTextContext);
  if (!text) throw new Error('tiles render inside TileTextProvider');
  return text;
}

export type OpenLineage = (lineage: Lineage, label: string, value: number | null) => void;

export function Tile({ data, onLineage }: { data: TileData; onLineage: OpenLineage }) {
  const { t } = useTileText();
  const indicator = 'lineage' in data ? (data.lineage?.indicator_id ?? undefined) : undefined;
  const value = data.kind === 'kpi' && data.value !== null ? String(data.value) : undefined;
  return (
    <section
      className={`rk-tile rk-tile-${data.kind}`}
      data-tile={data.id}
      data-kind={data.kind}
      data-indicator={indicator}
      data-value={value}
      // A KPI and a trend of one indicator share a title: the kind tells their regions apart.
      aria-label={`${t(`wall.kind.${data.kind}`)}: ${data.title}`}
    >
      <h2 className="rk-tile-title">{data.title}</h2>
      {data.error ? (
        <p className="rk-tile-error" role="note">
          {t('wall.tileError', {
            reason: t(`wall.tileErrors.${data.error}` as 'wall.tileErrors.compute_failed', {
              defaultValue: data.error,
            }),
          })}
        </p>
      ) : (
        <TileBody data={data} onLineage={onLineage} />
      )}
    </section>
  );
}

function TileBody({ data, onLineage }: { data: TileData; onLineage: OpenLineage }) {
  switch (data.kind) {
    case 'kpi':
      return <Kpi data={data} onLineage={onLineage} />;
    case 'trend':
      return <Trend data={data} onLineage={onLineage} />;
    case 'map':
      return <RegionMap data={data} onLineage={onLineage} />;
    case 'ranking':
    case 'table':
      return <RegionList data={data} regions={data.regions} onLineage={onLineage} />;
    case 'alerts':
      return <Alerts data={data} />;
    case 'programmes':
      return <Programmes data={data} />;
    case 'media':
      return <Media data={data} />;
  }
}

/** A number that opens its lineage. */
function Num({
  value,
  unit,
  lineage,
  label,
  onLineage,
  className,
}: {
  value: number | null;
  unit: string | null;
  lineage: Lineage | null;
  label: string;
  onLineage: OpenLineage;
  className?: string;
}) {
  const { t, lang } = useTileText();
  const text = formatNumber(value, lang);
  if (!lineage)
    return (
      <span className={className}>
        {text}
        {unit ? <small> {unit}</small> : null}
      </span>
    );
  return (
    <button
      type="button"
      className={`rk-num ${className ?? ''}`}
      onClick={() => onLineage(lineage, label, value)}
      title={t('wall.lineageOpen')}
    >
      {text}
      {unit ? <small> {unit}</small> : null}
    </button>
  );
}

function StatusChip({ status }: { status: Status | null }) {
  const { t } = useTileText();
  return (
    <span className="rk-status" data-status={status ?? 'none'}>
      <span className="rk-dot" style={{ background: statusColour(status) }} aria-hidden="true" />
      {status ? t(`wall.status.${status}`) : t('wall.status.none')}
    </span>
  );
}

function Sparkline({ points }: { points: readonly PeriodValue[] }) {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = 100 / (points.length - 1);
  const path = points
    .map((p, i) =>
      p.value === null ? null : `${(i * step).toFixed(1)},${(28 - ((p.value - min) / span) * 26).toFixed(1)}`,
    )
    .filter(Boolean)
    .join(' ');
  return (
    <svg className="rk-spark" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
      <polyline
        points={path}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}

function Kpi({ data, onLineage }: { data: KpiTile; onLineage: OpenLineage }) {
  const { t, lang } = useTileText();
  return (
    <div className="rk-kpi" style={{ borderColor: statusColour(data.status) }}>
      <Num
        className="rk-kpi-value"
        value={data.value}
        unit={data.unit}
        lineage={data.lineage}
        label={data.title}
        onLineage={onLineage}
      />
      <p className="rk-kpi-meta">
        <StatusChip status={data.status} />
        <span>
          {t('wall.target')}: {formatNumber(data.target, lang)}
        </span>
        {data.period ? <span>{data.period}</span> : null}
      </p>
      <Sparkline points={data.sparkline} />
    </div>
  );
}

function Trend({ data, onLineage }: { data: TrendTile; onLineage: OpenLineage }) {
  const { t, lang } = useTileText();
  const format = useCallback((v: number | null) => formatNumber(v, lang), [lang]);
  const target = t('wall.target');
  const label = `${data.title}: ${t('wall.trendLabel')}. ${data.series
    .map(
      (p) => `${p.period}: ${format(p.value)}${p.target === null ? '' : ` (${target} ${format(p.target)})`}`,
    )
    .join('; ')}`;
  const last = data.series.at(-1);
  return (
    <div className="rk-trend">
      <TrendChart
        series={data.series}
        label={label}
        valueName={data.title}
        targetName={target}
        format={format}
      />
      {last ? (
        <p className="rk-trend-last">
          {last.period}:{' '}
          <Num
            value={last.value}
            unit={data.unit}
            lineage={data.lineage}
            label={data.title}
            onLineage={onLineage}
          />
        </p>
      ) : null}
    </div>
  );
}

interface ValuesResult {
  values: {
    region_code: string | null;
    region_name: string | null;
    period: string | null;
    value: number | null;
    target: number | null;
    status: Status | null;
  }[];
}

interface MapInfo {
  name: string;
  level: 'province' | 'regency';
}

let mapsPromise: Promise<MapInfo[]> | undefined;
const registeredMaps = (): Promise<MapInfo[]> => {
  mapsPromise ??= callAction<MapInfo[] | { maps: MapInfo[] }>('map_list').then(
    (r) => (Array.isArray(r) ? r : r.maps),
    () => [],
  );
  return mapsPromise;
};

/**
 * A choropleth of provinces: the built-in tile grid, or a registered boundary map. Clicking a
 * province drills down to its regencies (a boundary map of them when one is registered, else a
 * ranked list), with a way back.
 */
function RegionMap({ data, onLineage }: { data: RegionTile; onLineage: OpenLineage }) {
  const { t } = useTileText();
  const [drill, setDrill] = useState<{ code: string; name: string } | null>(null);
  const [regencies, setRegencies] = useState<RegionValue[] | 'loading' | { error: string }>('loading');
  const indicator = data.lineage?.indicator_id;
  useEffect(() => {
    if (!drill || !indicator) return;
    setRegencies('loading');
    let live = true;
    callAction<ValuesResult>(
      'indicator_values',
      {
        id: indicator,
        level: 'regency',
        province: drill.code,
        ...(data.period ? { period: data.period } : {}),
      },
      { method: 'GET' },
    ).then(
      (r) => {
        if (!live) return;
        const latest =
          data.period ??
          r.values
            .map((v) => v.period ?? '')
            .sort()
            .at(-1) ??
          '';
        setRegencies(
          r.values
            .filter((v) => v.region_code && (v.period ?? '') === latest)
            .map((v) => ({
              code: v.region_code as string,
              name: v.region_name ?? (v.region_code as string),
              value: v.value,
              target: v.target,
              status: v.status,
            })),
        );
      },
      (e: unknown) => live && setRegencies({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [drill, indicator, data.period]);

  if (drill)
    return (
      <div className="rk-drill" data-drill={drill.code}>
        <p className="rk-drill-head">
          <button type="button" className="rk-back" onClick={() => setDrill(null)}>
            ← {t('wall.backToNational')}
          </button>{' '}
          <strong>{drill.name}</strong>
        </p>
        {regencies === 'loading' ? (
          <p role="status">{t('common.loading')}</p>
        ) : 'error' in regencies ? (
          <p className="rk-tile-error">{regencies.error}</p>
        ) : (
          <RegencyView province={drill.code} regions={regencies} data={data} onLineage={onLineage} />
        )}
      </div>
    );
  const pick = (code: string) => {
    const r = data.regions.find((x) => x.code === code);
    setDrill({ code, name: r?.name ?? code });
  };
  if (data.level === 'regency')
    return <RegionList data={data} regions={data.regions} onLineage={onLineage} />;
  if (data.map && data.map !== 'tilegrid')
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <GeoMap mapName={data.map} regions={data.regions} title={data.title} onPick={pick} />
      </Suspense>
    );
  return <TileGridMap regions={data.regions} onPick={pick} />;
}

function TileGridMap({
  regions,
  onPick,
}: {
  regions: readonly RegionValue[];
  onPick: (code: string) => void;
}) {
  const { t, lang } = useTileText();
  const byCode = new Map(regions.map((r) => [r.code, r]));
  // One lookup per status, not one per cell (38 cells a map, a dozen maps a wall).
  const statusText = useMemo(() => {
    const text = new Map<Status | null, string>([[null, t('wall.status.none')]]);
    for (const s of Object.keys(STATUS_COLOURS) as Status[]) text.set(s, t(`wall.status.${s}`));
    return text;
  }, [t]);
  return (
    <div
      className="rk-tilegrid"
      style={{
        gridTemplateColumns: `repeat(${TILE_GRID_COLUMNS}, 1fr)`,
        gridTemplateRows: `repeat(${TILE_GRID_ROWS}, 1fr)`,
      }}
    >
      {TILE_GRID.map((cell) => {
        const r = byCode.get(cell.code);
        // The name a voice user says is the one on the tile (WCAG 2.5.3): the abbreviation
        // leads unless the region's name already starts with it (ACEH, Aceh).
        const name = r?.name ?? cell.abbr;
        const named = name.toLowerCase().startsWith(cell.abbr.toLowerCase())
          ? name
          : `${cell.abbr} (${name})`;
        const label = `${named}: ${formatNumber(r?.value ?? null, lang)} (${statusText.get(r?.status ?? null)})`;
        return (
          <button
            type="button"
            key={cell.code}
            className="rk-cell"
            data-region={cell.code}
            data-value={r?.value ?? undefined}
            style={{
              gridColumn: cell.col + 1,
              gridRow: cell.row + 1,
              background: statusColour(r?.status),
              color: statusInk(r?.status),
            }}
            title={label}
            aria-label={label}
            onClick={() => onPick(cell.code)}
          >
            {cell.abbr}
          </button>
        );
      })}
    </div>
  );
}

function RegencyView({
  province,
  regions,
  data,
  onLineage,
}: {
  province: string;
  regions: RegionValue[];
  data: RegionTile;
  onLineage: OpenLineage;
}) {
  const [maps, setMaps] = useState<MapInfo[]>();
  useEffect(() => {
    let live = true;
    void registeredMaps().then((m) => live && setMaps(m));
    return () => {
      live = false;
    };
  }, []);
  const regencyMap = maps?.find((m) => m.level === 'regency');
  return (
    <>
      {regencyMap ? (
        <Suspense fallback={null}>
          <GeoMap mapName={regencyMap.name} regions={regions} title={data.title} filter={province} />
        </Suspense>
      ) : null}
      <RegionList data={data} regions={regions} onLineage={onLineage} compact={Boolean(regencyMap)} />
    </>
  );
}

function RegionList({
  data,
  regions,
  onLineage,
  compact,
}: {
  data: RegionTile;
  regions: readonly RegionValue[];
  onLineage: OpenLineage;
  compact?: boolean;
}) {
  const { t, lang } = useTileText();
  const values = regions.map((r) => r.value).filter((v): v is number => v !== null);
  const max = Math.max(...values.map(Math.abs), 0) || 1;
  if (regions.length === 0) return <p className="rk-empty">{t('wall.noValues')}</p>;
  return (
    <table
      className={`rk-list ${data.kind === 'table' ? 'rk-list-table' : ''} ${compact ? 'rk-list-compact' : ''}`}
    >
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('wall.region')}</th>
          <th scope="col">{t('wall.value')}</th>
          <th scope="col">{t('wall.target')}</th>
        </tr>
      </thead>
      <tbody>
        {regions.map((r, i) => (
          <tr key={r.code} data-region={r.code} data-value={r.value ?? undefined}>
            <th scope="row">
              {data.kind === 'ranking' ? <span className="rk-rank">{i + 1}</span> : null}
              <span className="rk-dot" style={{ background: statusColour(r.status) }} aria-hidden="true" />
              {r.name}
            </th>
            <td>
              <span
                className="rk-bar"
                style={{ width: `${(Math.abs(r.value ?? 0) / max) * 100}%` }}
                aria-hidden="true"
              />
              <Num
                value={r.value}
                unit={null}
                lineage={data.lineage}
                label={`${data.title} — ${r.name}`}
                onLineage={onLineage}
              />
            </td>
            <td className="rk-target">{formatNumber(r.target, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Alerts({ data }: { data: AlertsTile }) {
  const { t, lang } = useTileText();
  if (data.alerts.length === 0) return <p className="rk-empty">{t('wall.noAlerts')}</p>;
  return (
    <ul className="rk-alerts">
      {data.alerts.map((a) => (
        <li key={a.id} data-alert={a.id} data-tier={a.tier}>
          <span className={`rk-tier rk-tier-${a.tier}`}>
            {t(`wall.tier.${a.tier}`, { defaultValue: a.tier })}
          </span>{' '}
          <strong>{a.title}</strong>
          <small>
            {a.organization}
            {a.deadline ? ` · ${t('wall.deadline')} ${formatDate(a.deadline, lang)}` : ''}
          </small>
        </li>
      ))}
    </ul>
  );
}

function Programmes({ data }: { data: ProgrammesTile }) {
  const { t } = useTileText();
  if (data.programmes.length === 0) return <p className="rk-empty">{t('wall.noProgrammes')}</p>;
  return (
    <ul className="rk-programmes">
      {data.programmes.map((p) => (
        <li key={p.id} data-programme={p.id} data-status={p.status}>
          <span className="rk-dot" style={{ background: programmeColour(p.status) }} aria-hidden="true" />
          <strong>{p.title}</strong>{' '}
          <small>{t(`wall.programme.${p.status}`, { defaultValue: p.status })}</small>
        </li>
      ))}
    </ul>
  );
}

const programmeColour = (s: string): string =>
  s === 'on_track' || s === 'done' || s === 'completed'
    ? STATUS_COLOURS.green
    : s === 'at_risk'
      ? STATUS_COLOURS.amber
      : s === 'delayed' || s === 'blocked' || s === 'off_track'
        ? STATUS_COLOURS.red
        : NO_STATUS;

function Media({ data }: { data: MediaTile }) {
  const { t } = useTileText();
  if (data.items.length === 0) return <p className="rk-empty">{t('wall.noMedia')}</p>;
  return (
    <ul className="rk-media">
      {data.items.map((m) => (
        <li key={m.url} data-sentiment={m.sentiment ?? 'none'}>
          <span className={`rk-sentiment rk-sentiment-${m.sentiment ?? 'none'}`}>
            {t(`wall.sentiment.${m.sentiment ?? 'none'}`)}
          </span>{' '}
          {m.title} <small>{m.source}</small>
        </li>
      ))}
    </ul>
  );
}
