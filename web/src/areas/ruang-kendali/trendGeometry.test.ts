import { describe, expect, it } from 'vitest';
import { domain, niceStep, niceTicks, trendGeometry } from './trendGeometry.js';

const series = (values: (number | null)[], target: number | null = 50) =>
  values.map((value, i) => ({ period: String(2018 + i), value, target }));
const format = (v: number | null) => (v === null ? '—' : String(v));

describe('trend chart geometry', () => {
  it('picks steps of 1, 2, 2.5 and 5 times a power of ten', () => {
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(1.5)).toBe(2);
    expect(niceStep(2.2)).toBe(2.5);
    expect(niceStep(0)).toBe(1);
  });

  it('puts at most the asked number of round ticks inside the domain', () => {
    expect(niceTicks(9, 21, 4)).toEqual([10, 15, 20]);
    expect(niceTicks(9, 21, 2)).toEqual([10, 20]);
    expect(niceTicks(0.11, 0.49, 4)).toEqual([0.2, 0.3, 0.4]);
    expect(niceTicks(1e6 - 3e5, 1e6 + 3e5, 3)).toEqual([800_000, 1_000_000, 1_200_000]);
    for (const [lo, hi, most] of [
      [0, 1, 1],
      [-3.7, 12.2, 3],
      [48.2, 52.9, 4],
      [12_345, 98_765, 2],
    ] as const) {
      const ticks = niceTicks(lo, hi, most);
      expect(ticks.length).toBeGreaterThanOrEqual(1);
      expect(ticks.length).toBeLessThanOrEqual(most);
      expect(ticks.every((v) => v >= lo && v <= hi)).toBe(true);
    }
  });

  it('leaves room around the data, and around a flat series', () => {
    const [lo, hi] = domain(10, 20);
    expect(lo).toBeLessThan(10);
    expect(hi).toBeGreaterThan(20);
    expect(domain(50, 50)).toEqual([45, 55]);
    expect(domain(0, 0)).toEqual([-1, 1]);
  });

  it('draws value and target inside the plot, breaking the line at a missing value', () => {
    const g = trendGeometry(series([40, 45, null, 55, 60]), { width: 400, height: 200, font: 12 }, format);
    expect(g.value.match(/M/g)?.length).toBe(2);
    expect(g.target.match(/M/g)?.length).toBe(1);
    const ys = g.points.flatMap((p) => (p.y === null ? [] : [p.y]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(g.plot.top);
    expect(Math.max(...ys)).toBeLessThanOrEqual(g.plot.bottom);
    // higher values higher up
    expect(g.points[4]?.y).toBeLessThan(g.points[0]?.y as number);
    expect(g.points.map((p) => p.x)).toEqual([...g.points.map((p) => p.x)].sort((a, b) => a - b));
    expect(g.grid).toMatch(/^M/);
    expect(g.axis).toMatch(/^M/);
    expect(g.markers).toBe(true);
  });

  it('gives a short chart fewer ticks and a narrow one fewer period labels, always the last', () => {
    const many = series(Array.from({ length: 24 }, (_, i) => i * 3));
    const tall = trendGeometry(many, { width: 600, height: 300, font: 12 }, format);
    const short = trendGeometry(many, { width: 600, height: 50, font: 12 }, format);
    expect(tall.yTicks.length).toBeGreaterThan(short.yTicks.length);
    expect(short.yTicks.length).toBeGreaterThanOrEqual(1);
    const narrow = trendGeometry(many, { width: 200, height: 120, font: 12 }, format);
    expect(narrow.xLabels.length).toBeLessThan(many.length);
    expect(narrow.xLabels.at(-1)?.index).toBe(many.length - 1);
    expect(narrow.markers).toBe(false);
    // labels of the same row never overlap
    const width = 4 * 12 * 0.6;
    const xs = narrow.xLabels.map((l) => l.x);
    for (let i = 1; i < xs.length; i++)
      expect((xs[i] as number) - (xs[i - 1] as number)).toBeGreaterThan(width);
  });

  it('draws an empty series without failing', () => {
    const g = trendGeometry(series([null, null], null), { width: 300, height: 100, font: 12 }, format);
    expect(g.value).toBe('');
    expect(g.target).toBe('');
    expect(g.axis).toMatch(/^M/);
  });
});
