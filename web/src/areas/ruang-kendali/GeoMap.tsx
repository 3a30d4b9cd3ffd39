/**
 * A registered boundary map (GeoJSON) as an ECharts choropleth. Its own chunk with ECharts, loaded
 * only by a tile that shows such a map (Tiles.tsx): the tile-grid map and every other tile are
 * plain HTML and SVG, so a wall without boundary maps never loads the chart library.
 */
import { useEffect, useMemo, useState } from 'react';
import type { RegionValue } from '../../../../src/ruang-kendali/board-format.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { Chart, type ChartOption, registerMap } from './charts.js';
import { statusColour } from './colours.js';

const geojsonCache = new Map<string, Promise<unknown>>();
const loadGeojson = (name: string): Promise<unknown> => {
  let p = geojsonCache.get(name);
  if (!p) {
    p = fetch(`/api/maps/${encodeURIComponent(name)}.geojson`).then((r) => {
      if (!r.ok) throw new Error(`map ${name}: HTTP ${r.status}`);
      return r.json() as Promise<unknown>;
    });
    geojsonCache.set(name, p);
  }
  return p;
};

export default function GeoMap({
  mapName,
  regions,
  title,
  onPick,
  filter,
}: {
  mapName: string;
  regions: readonly RegionValue[];
  title: string;
  onPick?: (code: string) => void;
  filter?: string;
}) {
  const lang = useLanguage();
  const [ready, setReady] = useState<string | { error: string }>();
  useEffect(() => {
    let live = true;
    loadGeojson(mapName).then(
      (geo) => {
        if (!live) return;
        let g = geo as { type: string; features: { properties: { kode?: string } }[] };
        const key = filter ? `${mapName}@${filter}` : mapName;
        if (filter)
          g = {
            ...g,
            features: g.features.filter((f) => String(f.properties.kode ?? '').startsWith(`${filter}.`)),
          };
        registerMap(key, g);
        setReady(key);
      },
      (e: unknown) => live && setReady({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [mapName, filter]);
  const option = useMemo<ChartOption | undefined>(
    () =>
      typeof ready === 'string'
        ? {
            tooltip: {
              trigger: 'item',
              formatter: (p: { data?: { label?: string; value?: number | null } }) =>
                `${p.data?.label ?? ''}: ${formatNumber(p.data?.value ?? null, lang)}`,
            },
            series: [
              {
                type: 'map',
                map: ready,
                nameProperty: 'kode',
                roam: false,
                selectedMode: false,
                label: { show: false },
                data: regions.map((r) => ({
                  name: r.code,
                  label: r.name,
                  value: r.value,
                  itemStyle: { areaColor: statusColour(r.status) },
                })),
              },
            ],
          }
        : undefined,
    [ready, regions, lang],
  );
  if (ready && typeof ready !== 'string') return <p className="rk-tile-error">{ready.error}</p>;
  if (!option) return null;
  return <Chart option={option} label={title} {...(onPick ? { onItemClick: onPick } : {})} />;
}
