/**
 * What a briefing shows, read through the actions (so a share token, the caller's access and
 * every policy apply as on the board page): a board's tiles (`board_show` with data), or every
 * indicator the caller may read that has a value for one province (`indicator_list`,
 * `indicator_values`, `indicator_show`). Used by the HTTP routes and the CLI alike.
 */
import { notFound } from '../../core/errors.js';
import type { BoardView, Lineage, Status, TileData } from '../board-format.js';
import { comparePeriods } from '../compute.js';
import { CHART_HEIGHT, regionBarsSvg, tileGridSvg, trendSvg } from './charts.js';
import { formatNumber } from './format.js';
import type { Briefing, BriefingChart, BriefingRow } from './pdf.js';

export type Call = (name: string, input: unknown) => Promise<unknown>;

const sourceOf = (l: Lineage | null): string =>
  l ? `${l.dataset_title} v${l.version ?? '–'} · ${l.institution.title}` : '–';

function tileRows(d: TileData): BriefingRow[] {
  if (d.error) return [];
  if (d.kind === 'kpi')
    return [
      {
        indicator: d.title,
        value: formatNumber(d.value, d.unit),
        target: formatNumber(d.target, d.unit),
        status: d.status,
        period: d.period ?? '–',
        source: sourceOf(d.lineage),
      },
    ];
  if (d.kind === 'trend') {
    const last = d.series.at(-1);
    return [
      {
        indicator: d.title,
        value: formatNumber(last?.value, d.unit),
        target: formatNumber(last?.target, d.unit),
        status: null,
        period: d.period ?? '–',
        source: sourceOf(d.lineage),
      },
    ];
  }
  if (d.kind === 'ranking' || d.kind === 'table')
    return d.regions.map((r) => ({
      indicator: `${d.title}: ${r.name}`,
      value: formatNumber(r.value, d.unit),
      target: formatNumber(r.target, d.unit),
      status: r.status,
      period: d.period ?? '–',
      source: sourceOf(d.lineage),
    }));
  return [];
}

function tileChart(d: TileData): BriefingChart | null {
  if (d.error) return null;
  if (d.kind === 'trend' && d.series.length > 0)
    return { title: d.title, svg: trendSvg(d.series, d.unit), height: CHART_HEIGHT };
  if (d.kind === 'map' && d.regions.length > 0) {
    if (d.map === 'tilegrid' || (d.level === 'province' && !d.map))
      return { title: `${d.title} (${d.period ?? ''})`, svg: tileGridSvg(d.regions), height: CHART_HEIGHT };
    const svg = regionBarsSvg(d.regions, d.unit);
    return {
      title: `${d.title} (${d.period ?? ''})`,
      svg,
      height: Math.max(CHART_HEIGHT, Math.min(d.regions.length, 40) * 14 + 40),
    };
  }
  return null;
}

export async function boardBriefing(
  call: Call,
  name: string,
  share?: string,
  now = new Date(),
): Promise<Briefing> {
  const view = (await call('board_show', { id: name, data: true, ...(share ? { share } : {}) })) as BoardView;
  const rows: BriefingRow[] = [];
  const charts: BriefingChart[] = [];
  // One national row per indicator: a kpi tile's (with status) rather than a trend tile's.
  const withKpi = new Set(
    view.tiles.flatMap((t) => (t.data.kind === 'kpi' && !t.data.error ? [t.data.indicator] : [])),
  );
  const seen = new Set<string>();
  let failed = 0;
  for (const { data } of view.tiles) {
    if (data.error) failed++;
    const national = data.kind === 'kpi' || data.kind === 'trend';
    const key = national ? `national|${data.indicator}` : `${data.kind}|${data.title}`;
    const skip = data.kind === 'trend' && withKpi.has(data.indicator);
    if (!skip && !seen.has(key)) {
      rows.push(...tileRows(data));
      seen.add(key);
    }
    const chart = tileChart(data);
    if (chart) charts.push(chart);
  }
  return {
    title: view.board.title,
    subtitle: [view.board.description, view.as_of ? `Data per ${view.as_of.slice(0, 10)}` : '']
      .filter(Boolean)
      .join(' · '),
    date: now,
    rows,
    charts,
    ...(failed > 0 ? { note: `${failed} ubin tidak dapat ditampilkan (indikator tidak tersedia).` } : {}),
  };
}

interface Values {
  version: number;
  values: {
    region_code: string | null;
    region_name: string | null;
    period: string | null;
    value: number | null;
    target: number | null;
    status: Status | null;
  }[];
}

export async function provinceBriefing(call: Call, code: string, now = new Date()): Promise<Briefing> {
  if (!/^\d{2}$/.test(code)) throw notFound(`province ${code}`);
  const list = (await call('indicator_list', {})) as {
    name: string;
    title: string;
    unit: string;
    region_level: string | null;
  }[];
  const rows: BriefingRow[] = [];
  const charts: BriefingChart[] = [];
  let provinceName: string | null = null;
  for (const ind of list) {
    let values: Values;
    try {
      values = (await call('indicator_values', { id: ind.name, level: 'province' })) as Values;
    } catch {
      continue; // no province column, or no published version
    }
    const mine = values.values
      .filter((v) => v.region_code === code)
      .sort((a, b) => comparePeriods(a.period ?? '', b.period ?? ''));
    const last = mine.at(-1);
    if (!last) continue;
    provinceName ??= last.region_name;
    const shown = (await call('indicator_show', { id: ind.name })) as {
      lineage: { dataset_title: string; version: number | null; institution: { title: string } };
    };
    rows.push({
      indicator: ind.title,
      value: formatNumber(last.value, ind.unit),
      target: formatNumber(last.target, ind.unit),
      status: last.status,
      period: last.period ?? '–',
      source: `${shown.lineage.dataset_title} v${values.version} · ${shown.lineage.institution.title}`,
    });
    if (mine.length > 1)
      charts.push({
        title: ind.title,
        svg: trendSvg(
          mine.map((v) => ({ period: v.period ?? '', value: v.value, target: v.target })),
          ind.unit,
        ),
        height: CHART_HEIGHT,
      });
    if (ind.region_level === 'regency') {
      const reg = (await call('indicator_values', {
        id: ind.name,
        level: 'regency',
        province: code,
        ...(last.period ? { period: last.period } : {}),
      })) as Values;
      const regions = reg.values.map((v) => ({
        code: v.region_code ?? '',
        name: v.region_name ?? v.region_code ?? '',
        value: v.value,
        target: v.target,
        status: v.status,
      }));
      if (regions.length > 0)
        charts.push({
          title: `${ind.title} per kabupaten/kota (${last.period ?? ''})`,
          svg: regionBarsSvg(regions, ind.unit),
          height: Math.max(CHART_HEIGHT, Math.min(regions.length, 40) * 14 + 40),
        });
    }
  }
  if (rows.length === 0) throw notFound(`indicator values for province ${code}`);
  return {
    title: `Ringkasan Provinsi ${provinceName ?? code}`,
    subtitle: `Kode wilayah ${code} · ${rows.length} indikator`,
    date: now,
    rows,
    charts,
  };
}
