import { hashSeed, seededRandom } from '../core/random.js';
import type { DemoDataset } from './datasets.js';
import { PROVINCE_SHAPE } from './provinces.js';

/** Region the value is for: its code, and the province whose shape it takes. */
export interface ValueTarget {
  readonly code: string;
  readonly provinceCode: string;
  /** Cities (kota) are a little better off than the rural regencies around them. */
  readonly urban: boolean;
}

const round = (v: number, integer: boolean): number => (integer ? Math.round(v) : Math.round(v * 100) / 100);

/**
 * A synthetic value, deterministic in (dataset, region, year): the province's development
 * score sets where it lies between `lo` and `hi`, plus a trend, the 2020 dip and noise.
 */
export function demoValue(ds: DemoDataset, target: ValueTarget, year: number): number {
  const [pop, dev] = PROVINCE_SHAPE[target.provinceCode] ?? [2, 0.4];
  const fixed = seededRandom(hashSeed(`${ds.name}|${target.code}`));
  const yearly = seededRandom(hashSeed(`${ds.name}|${target.code}|${year}`));
  const { lo, hi, trend, dip2020 = 0, perCapita = false } = ds.shape;
  const span = Math.abs(hi - lo);
  const urbanShift = target.urban ? 0.15 : 0;
  const level = Math.min(1, Math.max(0, dev + urbanShift + fixed.normal() * 0.06));
  const t = year - 2019;
  let v: number;
  if (perCapita) {
    const scale = target.code.length > 2 ? pop / 25 : pop;
    v = (lo + (hi - lo) * level) * scale * (1 + (trend / 100) * t) * (1 + yearly.normal() * 0.01);
    if (year === 2020) v += dip2020 * scale;
  } else {
    v = lo + (hi - lo) * level + trend * t + (year === 2020 ? dip2020 : 0) + yearly.normal() * span * 0.01;
  }
  if (ds.unit === 'persen') v = Math.min(100, Math.max(0, v));
  return round(Math.max(0, v), ds.integer);
}
