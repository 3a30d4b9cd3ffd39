/**
 * ECharts for the control room's boundary maps (GeoMap.tsx), tree-shaken to what they draw (maps
 * and their tooltip, SVG renderer so text stays sharp on a 4K wall and the chunk stays small).
 * Trends are plain SVG (TrendChart.tsx); only a tile with a boundary map loads this chunk.
 */
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([MapChart, TooltipComponent, SVGRenderer]);

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
    const themed = {
      // No animation: a wall redraws its charts on every update, and a moving map only costs
      // the screen's CPU (and bothers readers who asked for reduced motion).
      animation: false,
      ...option,
      textStyle: { color: style.color, fontSize: Math.round(Number.parseFloat(style.fontSize) * 0.8) || 12 },
    };
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
