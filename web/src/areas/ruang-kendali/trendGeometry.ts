/**
 * The geometry of a trend tile's chart (TrendChart.tsx), apart from React so it can be tested:
 * periods on a category axis (each point at the middle of its band, as ECharts drew them), a
 * value axis fitted to the data (and targets) rather than to zero, a few round ticks inside it
 * (fewer as the chart gets shorter, so labels never overlap) and as many period labels as fit side by side. Text widths
 * are estimated from the font size (digits and periods are short and uniform enough), so the
 * layout needs no measuring beyond the box itself.
 */
import type { PeriodValue } from '../../../../src/ruang-kendali/board-format.js';

export interface TrendBox {
  readonly width: number;
  readonly height: number;
  /** The axis labels' font size in px. */
  readonly font: number;
}

export interface TrendGeometry {
  /** The plot area inside the axes' labels. */
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  /** Horizontal grid lines at the ticks, one path, and the category axis' line. */
  readonly grid: string;
  readonly axis: string;
  /** The series and the target as paths; a missing value breaks the line. Empty when none. */
  readonly value: string;
  readonly target: string;
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  readonly xLabels: readonly { readonly index: number; readonly x: number }[];
  /** Every period's place: its band's middle and width, and the value's y (null when missing). */
  readonly points: readonly { readonly x: number; readonly y: number | null; readonly band: number }[];
  /** Whether there is room for a marker on each point. */
  readonly markers: boolean;
}

/** Character width as a share of the font size (digits, separators, short periods). */
const CHAR = 0.6;
const round = (n: number): number => Math.round(n * 10) / 10;

/** A step of 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/** The domain drawn for values in [min, max]: a little room above and below the data. */
export function domain(min: number, max: number): [number, number] {
  if (min === max) {
    const pad = niceStep(Math.abs(min) / 10 || 1);
    return [min - pad, max + pad];
  }
  const pad = (max - min) * 0.08;
  return [min - pad, max + pad];
}

/**
 * Round values inside [lo, hi], at most `most` of them: the smallest nice step that gives no
 * more (so a tall chart gets several ticks and a short one one or two).
 */
export function niceTicks(lo: number, hi: number, most: number): number[] {
  const range = hi - lo;
  if (!(range > 0) || !Number.isFinite(range)) return [];
  const power = Math.floor(Math.log10(range));
  for (let e = power - 2; e <= power + 1; e++)
    for (const f of [1, 2, 2.5, 5]) {
      const step = f * 10 ** e;
      const first = Math.ceil(lo / step - 1e-9);
      const last = Math.floor(hi / step + 1e-9);
      if (last - first + 1 > Math.max(1, most)) continue;
      const decimals = Math.max(0, -e + (f === 2.5 ? 1 : 0));
      const ticks: number[] = [];
      for (let k = first; k <= last; k++) ticks.push(Number((k * step).toFixed(decimals)));
      return ticks;
    }
  return [];
}

export function trendGeometry(
  series: readonly PeriodValue[],
  box: TrendBox,
  format: (v: number) => string,
): TrendGeometry {
  const { width, height, font } = box;
  const numbers = series.flatMap((p) => [p.value, p.target]).filter((v): v is number => v !== null);
  const [lo, hi] = domain(
    numbers.length > 0 ? Math.min(...numbers) : 0,
    numbers.length > 0 ? Math.max(...numbers) : 1,
  );
  const top = font * 0.7;
  const bottom = height - font * 1.5;
  // A tick label every two lines of text at most, and four at most (ECharts' splitNumber 3).
  const ticks = niceTicks(lo, hi, Math.max(1, Math.min(4, Math.floor((bottom - top) / (font * 2)) + 1)));
  const labelChars = Math.max(1, ...ticks.map((v) => format(v).length));
  const left = Math.ceil(labelChars * font * CHAR + font * 0.6);
  const right = width - font * 0.6;
  const y = (v: number) => round(bottom - ((v - lo) / (hi - lo)) * (bottom - top));
  const band = (right - left) / Math.max(1, series.length);
  const x = (i: number) => round(left + band * (i + 0.5));

  const line = (pick: (p: PeriodValue) => number | null): string => {
    let d = '';
    let pen = false;
    series.forEach((p, i) => {
      const v = pick(p);
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i)} ${y(v)}`;
      pen = true;
    });
    return d;
  };

  const periodChars = Math.max(1, ...series.map((p) => p.period.length));
  const fit = Math.max(1, Math.floor((right - left) / (periodChars * font * CHAR + font)));
  const stride = Math.ceil(series.length / fit);
  const half = (periodChars * font * CHAR) / 2;
  const xLabels = series
    .map((_, i) => i)
    .filter((i) => (series.length - 1 - i) % stride === 0)
    .map((i) => ({ index: i, x: round(Math.min(Math.max(x(i), left + half - band / 2), width - half)) }));

  return {
    plot: { left, top, right, bottom },
    grid: ticks.map((v) => `M${left} ${y(v)}H${round(right)}`).join(''),
    axis: `M${left} ${round(bottom)}H${round(right)}`,
    value: line((p) => p.value),
    target: line((p) => p.target),
    yTicks: ticks.map((v) => ({ value: v, y: y(v) })),
    xLabels,
    points: series.map((p, i) => ({ x: x(i), y: p.value === null ? null : y(p.value), band: round(band) })),
    markers: band >= font * 1.2,
  };
}
