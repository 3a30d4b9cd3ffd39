/**
 * Status of an indicator against its target on a 3- or 5-level scale, with the written
 * definition of every level in Bahasa Indonesia and English (shown to viewers beside the colour).
 *
 * Achievement (capaian) is a percentage of the target:
 * - higher is better: value / target × 100;
 * - lower is better: (2 − value / target) × 100, the formula of Indonesian performance reports
 *   for negative indicators (at target: 100%; 10% above target: 90%).
 * A level is reached when the achievement is at least its threshold; below the last: red.
 */
import { validation } from '../core/errors.js';

export type StatusLevel = 'green' | 'amber_green' | 'amber' | 'amber_red' | 'red';
export type Polarity = 'higher' | 'lower';

export const LEVELS: Readonly<Record<3 | 5, readonly StatusLevel[]>> = {
  3: ['green', 'amber', 'red'],
  5: ['green', 'amber_green', 'amber', 'amber_red', 'red'],
};

/** Default thresholds (achievement %) of the levels above red. */
export const DEFAULT_THRESHOLDS: Readonly<Record<3 | 5, readonly number[]>> = {
  3: [100, 90],
  5: [100, 95, 90, 80],
};

const NAMES: Readonly<Record<StatusLevel, { id: string; en: string }>> = {
  green: { id: 'Hijau', en: 'Green' },
  amber_green: { id: 'Kuning-hijau', en: 'Amber-green' },
  amber: { id: 'Kuning', en: 'Amber' },
  amber_red: { id: 'Kuning-merah', en: 'Amber-red' },
  red: { id: 'Merah', en: 'Red' },
};

export interface Scale {
  readonly levels: 3 | 5;
  /** Descending achievement percentages, one per level above red. */
  readonly thresholds: readonly number[];
  /** Written definitions by level; levels left out get one made from the thresholds. */
  readonly definitions?: Partial<Record<StatusLevel, { id?: string; en?: string }>>;
}

/** A scale as given by a caller, checked: levels 3 or 5, thresholds descending, one per level above red. */
export function checkScale(
  input: { levels?: number; thresholds?: number[]; definitions?: unknown } = {},
): Scale {
  const levels = input.levels ?? 3;
  if (levels !== 3 && levels !== 5) throw validation({ 'scale.levels': ['must be 3 or 5'] });
  const thresholds = input.thresholds ?? [...DEFAULT_THRESHOLDS[levels]];
  if (thresholds.length !== levels - 1)
    throw validation({ 'scale.thresholds': [`a ${levels}-level scale needs ${levels - 1} thresholds`] });
  if (thresholds.some((t, i) => !Number.isFinite(t) || (i > 0 && t >= (thresholds[i - 1] as number))))
    throw validation({ 'scale.thresholds': ['must be finite numbers in descending order'] });
  const definitions = (input.definitions ?? {}) as Scale['definitions'];
  for (const key of Object.keys(definitions ?? {}))
    if (!LEVELS[levels].includes(key as StatusLevel))
      throw validation({ [`scale.definitions.${key}`]: [`not a level of a ${levels}-level scale`] });
  return { levels, thresholds, definitions };
}

/** Achievement in percent of the target (see the module note); null without a target. */
export function achievement(
  value: number,
  target: number | null | undefined,
  polarity: Polarity,
): number | null {
  if (target === null || target === undefined) return null;
  if (target === 0) {
    const met = polarity === 'higher' ? value >= 0 : value <= 0;
    return met ? 100 : 0;
  }
  const ratio = value / target;
  return Math.round((polarity === 'higher' ? ratio : 2 - ratio) * 10_000) / 100;
}

export function statusOf(achieved: number | null, scale: Scale): StatusLevel | null {
  if (achieved === null) return null;
  const names = LEVELS[scale.levels];
  const i = scale.thresholds.findIndex((t) => achieved >= t);
  return (i === -1 ? names.at(-1) : names[i]) as StatusLevel;
}

const pct = (n: number) => `${n.toLocaleString('id-ID')}%`;
const pctEn = (n: number) => `${n.toLocaleString('en-US')}%`;

/** Every level of the scale with its name and written definition in both languages. */
export function definitions(
  scale: Scale,
): { level: StatusLevel; name: { id: string; en: string }; id: string; en: string }[] {
  const names = LEVELS[scale.levels];
  return names.map((level, i) => {
    const upper = i === 0 ? undefined : scale.thresholds[i - 1];
    const lower = scale.thresholds[i];
    const made =
      lower === undefined
        ? {
            id: `Capaian di bawah ${pct(upper as number)} dari target.`,
            en: `Achievement below ${pctEn(upper as number)} of the target.`,
          }
        : upper === undefined
          ? {
              id: `Capaian ${pct(lower)} dari target atau lebih.`,
              en: `Achievement of ${pctEn(lower)} of the target or more.`,
            }
          : {
              id: `Capaian ${pct(lower)} hingga di bawah ${pct(upper)} dari target.`,
              en: `Achievement from ${pctEn(lower)} to below ${pctEn(upper)} of the target.`,
            };
    const given = scale.definitions?.[level];
    return { level, name: NAMES[level], id: given?.id ?? made.id, en: given?.en ?? made.en };
  });
}
