/**
 * A trend tile's chart as plain SVG: the series as a line with a marker per period, the target as
 * a dashed line, a few value ticks and the period labels that fit, text in the surrounding colour
 * and size (so it reads on the dark 4K wall as on the board page). No chart library: a wall of
 * trends draws in one React render, and its route does not load ECharts at all (only boundary
 * maps do, GeoMap.tsx). The box is measured once before the first paint and again when it
 * changes size; each period's band carries a hover title with its value and target.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PeriodValue } from '../../../../src/ruang-kendali/board-format.js';
import { type TrendBox, trendGeometry } from './trendGeometry.js';

export function TrendChart({
  series,
  label,
  valueName,
  targetName,
  format,
}: {
  series: readonly PeriodValue[];
  /** The chart's accessible name, with its values. */
  label: string;
  valueName: string;
  targetName: string;
  format: (v: number | null) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<TrendBox | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const width = el.clientWidth;
      const height = el.clientHeight;
      const font = Math.round(Number.parseFloat(getComputedStyle(el).fontSize) * 0.8) || 12;
      setSize((s) =>
        s && s.width === width && s.height === height && s.font === font ? s : { width, height, font },
      );
    };
    measure();
    // Fires once on observe too; the same size changes nothing.
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const g = useMemo(
    () => (size && size.width > 0 && size.height > 0 ? trendGeometry(series, size, format) : null),
    [series, size, format],
  );
  const font = size?.font ?? 12;
  return (
    <div className="rk-chart" ref={box} role="img" aria-label={label}>
      <svg width={size?.width ?? 0} height={size?.height ?? 0} aria-hidden="true" focusable="false">
        {g ? (
          <>
            <path className="rk-chart-grid" d={g.grid} />
            <path className="rk-chart-axis" d={g.axis} />
            <g fontSize={font} fill="currentColor">
              {g.yTicks.map((tick) => (
                <text key={tick.value} x={g.plot.left - font * 0.4} y={tick.y} dy="0.35em" textAnchor="end">
                  {format(tick.value)}
                </text>
              ))}
              {g.xLabels.map((l) => (
                <text key={l.index} x={l.x} y={g.plot.bottom + font * 1.2} textAnchor="middle">
                  {series[l.index]?.period}
                </text>
              ))}
            </g>
            {g.target ? <path className="rk-chart-target" d={g.target} /> : null}
            {g.value ? <path className="rk-chart-value" d={g.value} /> : null}
            {g.markers
              ? g.points.map((p, i) =>
                  p.y === null ? null : (
                    <circle
                      // biome-ignore lint/suspicious/noArrayIndexKey: one marker per period, in order
                      key={i}
                      className="rk-chart-dot"
                      cx={p.x}
                      cy={p.y}
                      r={Math.max(2, font * 0.25)}
                    />
                  ),
                )
              : null}
            {g.points.map((p, i) => {
              const point = series[i];
              return (
                <rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: one band per period, in order
                  key={i}
                  className="rk-chart-hit"
                  x={p.x - p.band / 2}
                  y={g.plot.top}
                  width={p.band}
                  height={g.plot.bottom - g.plot.top}
                >
                  <title>
                    {`${point?.period}\n${valueName}: ${format(point?.value ?? null)}`}
                    {point?.target == null ? '' : `\n${targetName}: ${format(point.target)}`}
                  </title>
                </rect>
              );
            })}
          </>
        ) : null}
      </svg>
    </div>
  );
}
