/**
 * A small locator map of Indonesia drawn from the provinces' approximate centres (no map
 * library, no boundaries: a dot per province), the chosen province marked and named.
 */
import { useId } from 'react';

/** Approximate centre [longitude, latitude] of each province, by Kemendagri code. */
// biome-ignore format: a table reads better in rows
export const PROVINCE_CENTRES: Readonly<Record<string, readonly [number, number]>> = {
  '11': [96.9, 4.4], '12': [99.1, 2.2], '13': [100.5, -0.8], '14': [101.8, 0.5], '15': [102.9, -1.6],
  '16': [104.2, -3.3], '17': [102.3, -3.6], '18': [105.0, -4.9], '19': [106.4, -2.4], '21': [104.5, 1.0],
  '31': [106.85, -6.2], '32': [107.6, -6.9], '33': [110.2, -7.2], '34': [110.4, -7.9], '35': [112.5, -7.6],
  '36': [106.1, -6.4], '51': [115.2, -8.4], '52': [117.4, -8.6], '53': [121.1, -9.2], '61': [110.5, 0.0],
  '62': [113.4, -1.7], '63': [115.3, -3.1], '64': [116.4, 0.5], '65': [116.6, 3.0], '71': [124.8, 1.2],
  '72': [121.4, -1.4], '73': [120.0, -3.7], '74': [122.3, -4.1], '75': [122.5, 0.7], '76': [119.3, -2.5],
  '81': [129.5, -3.2], '82': [127.8, 1.0], '91': [139.5, -2.4], '92': [133.5, -1.5], '93': [139.5, -7.0],
  '94': [136.5, -3.8], '95': [138.8, -4.1], '96': [131.8, -1.2],
};

const WEST = 94;
const NORTH = 6.5;
const SCALE = 10;
const WIDTH = (142 - WEST) * SCALE;
const HEIGHT = (NORTH + 11) * SCALE;
const x = (lon: number) => (lon - WEST) * SCALE;
const y = (lat: number) => (NORTH - lat) * SCALE;

export function RegionMap({ province, label, name }: { province?: string; label: string; name?: string }) {
  const titleId = useId();
  const chosen = province ? PROVINCE_CENTRES[province] : undefined;
  return (
    <svg className="region-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{label}</title>
      <rect width={WIDTH} height={HEIGHT} className="sea" />
      {Object.entries(PROVINCE_CENTRES).map(([code, [lon, lat]]) => (
        <circle key={code} cx={x(lon)} cy={y(lat)} r={code === province ? 0 : 6} className="province" />
      ))}
      {chosen ? (
        <g>
          <circle cx={x(chosen[0])} cy={y(chosen[1])} r={11} className="chosen" />
          {name ? (
            <text
              x={x(chosen[0])}
              y={y(chosen[1]) - 16}
              textAnchor={chosen[0] > 130 ? 'end' : chosen[0] < 100 ? 'start' : 'middle'}
              className="chosen-label"
            >
              {name}
            </text>
          ) : null}
        </g>
      ) : null}
    </svg>
  );
}
