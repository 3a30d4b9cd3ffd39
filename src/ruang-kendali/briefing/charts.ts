/**
 * Charts of the PDF briefings, rendered on the server by ECharts' SSR SVG renderer: a line of
 * values against the target per period (trend tiles), and the provinces' values on the
 * built-in tile grid coloured by status (map tiles), or bars per region where there is no grid.
 */
import * as echarts from 'echarts';
import type { PeriodValue, RegionValue } from '../board-format.js';
import { TILE_GRID, TILE_GRID_COLUMNS, TILE_GRID_ROWS } from '../tilegrid.js';
import { formatNumber, STATUS_COLOUR } from './format.js';

export const CHART_WIDTH = 500;
export const CHART_HEIGHT = 220;
const FONT = 'Helvetica';

function render(option: echarts.EChartsCoreOption, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A trend's value line and its target line, as on the board (web/src/areas/ruang-kendali/wall.css). */
export const SERIES_COLOUR = '#1f5fa8';
export const TARGET_COLOUR = '#8a5a00';

/** Values and targets per period. */
export function trendSvg(series: readonly PeriodValue[], unit: string | null): string {
  const periods = series.map((p) => p.period);
  return render({
    grid: { left: 60, right: 20, top: 30, bottom: 30 },
    // The board's series and target colours (wall.css), not ECharts' default palette.
    color: [SERIES_COLOUR, TARGET_COLOUR],
    legend: { data: ['Nilai', 'Target'], top: 0 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', name: unit ?? '', axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [
      {
        name: 'Nilai',
        type: 'line',
        data: series.map((p) => p.value),
        label: { show: true, formatter: (p: { value: number }) => formatNumber(p.value) },
        lineStyle: { width: 2 },
      },
      { name: 'Target', type: 'line', data: series.map((p) => p.target), lineStyle: { type: 'dashed' } },
    ],
  });
}

/** Provinces on the tile grid, coloured by status, labelled with their value. */
export function tileGridSvg(regions: readonly RegionValue[]): string {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const data = TILE_GRID.map((cell) => {
    const r = byCode.get(cell.code);
    return {
      value: [cell.col, TILE_GRID_ROWS - 1 - cell.row],
      label: `${cell.abbr}\n${r ? formatNumber(r.value) : '–'}`,
      itemStyle: { color: r?.status ? STATUS_COLOUR[r.status] : '#c8c8c8' },
    };
  });
  return render(
    {
      grid: { left: 5, right: 5, top: 5, bottom: 5 },
      xAxis: { type: 'value', min: -0.5, max: TILE_GRID_COLUMNS - 0.5, show: false },
      yAxis: { type: 'value', min: -0.5, max: TILE_GRID_ROWS - 0.5, show: false },
      series: [
        {
          type: 'scatter',
          symbol: 'rect',
          symbolSize: 29,
          data,
          label: {
            show: true,
            color: '#fff',
            fontSize: 6,
            formatter: (p: { data: { label: string } }) => p.data.label,
          },
        },
      ],
    },
    CHART_HEIGHT,
  );
}

/** Bars per region (regency maps, or provinces without the grid). */
export function regionBarsSvg(regions: readonly RegionValue[], unit: string | null): string {
  const rows = regions.slice(0, 40);
  return render(
    {
      grid: { left: 130, right: 40, top: 10, bottom: 20 },
      xAxis: { type: 'value', name: unit ?? '' },
      yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { fontSize: 7 } },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({
            value: r.value,
            itemStyle: { color: r.status ? STATUS_COLOUR[r.status] : '#888' },
          })),
          label: {
            show: true,
            position: 'right',
            fontSize: 7,
            formatter: (p: { value: number }) => formatNumber(p.value),
          },
        },
      ],
    },
    Math.max(CHART_HEIGHT, rows.length * 14 + 40),
  );
}
