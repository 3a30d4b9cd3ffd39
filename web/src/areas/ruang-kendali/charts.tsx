/**
 * ECharts for the control room, tree-shaken to what the tiles draw (lines and maps, SVG renderer
 * so text stays sharp on a 4K wall and the chunk stays small). Only the Ruang Kendali chunk loads it.
 */
import { LineChart, MapChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, MapChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** A chart filling its box, resized with it; `option` replaces the previous one. */
export function Chart({
  option,
  label,
  onItemClick,
}: {
  option: ChartOption;
  label: string;
  /** Called with the clicked item's name (a map feature's code). */
  onItemClick?: (name: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const click = useRef(onItemClick);
  click.current = onItemClick;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params: { name?: string }) => {
      if (params.name) click.current?.(params.name);
    });
    // The observer also fires once on observe: resize only when the box really changed size, or
    // every chart would be drawn twice on load.
    const observer = new ResizeObserver(([entry]) => {
      const rect = entry?.contentRect;
      if (!rect) return;
      if (Math.round(rect.width) === instance.getWidth() && Math.round(rect.height) === instance.getHeight())
        return;
      instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!chart.current || !el) return;
    // Text takes the surrounding colour and size, so charts read on the dark 4K wall as on the page.
    const style = getComputedStyle(el);
    const ink = style.color;
    const size = Math.round(Number.parseFloat(style.fontSize) * 0.8) || 12;
    const axis = (a: unknown) =>
      a && typeof a === 'object' && !Array.isArray(a)
        ? {
            ...a,
            axisLabel: { color: ink, fontSize: size, ...((a as { axisLabel?: object }).axisLabel ?? {}) },
          }
        : a;
    const themed = {
      // No animation: a wall redraws its charts on every update, and a moving line only costs
      // the screen's CPU (and bothers readers who asked for reduced motion).
      animation: false,
      ...option,
      textStyle: { color: ink, fontSize: size },
      xAxis: axis(option.xAxis),
      yAxis: axis(option.yAxis),
    };
    if (!option.xAxis) delete themed.xAxis;
    if (!option.yAxis) delete themed.yAxis;
    chart.current.setOption(themed, { notMerge: true });
  }, [option]);
  return <div className="rk-chart" ref={box} role="img" aria-label={label} />;
}

const registered = new Set<string>();

/** Registers a GeoJSON map once (features keyed by `properties.kode`). */
export function registerMap(name: string, geojson: unknown): void {
  if (registered.has(name)) return;
  echarts.registerMap(name, geojson as Parameters<typeof echarts.registerMap>[1]);
  registered.add(name);
}
