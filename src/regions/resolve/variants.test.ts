/**
 * Acceptance 2: generated spelling variants of every province and regency and of ≥ 2,000 districts
 * (with their parent) never resolve to a wrong code. Ambiguous and unresolved are allowed; the
 * rates are printed to be quoted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { getRegionIndex } from './load.js';
import { nameKey, numeralsOf, parseName, words } from './normalize.js';
import { RegionResolver } from './resolver.js';
import { isWithin, type RegionLevel, type ResolveOptions } from './types.js';

const WILAYAH = resolve(import.meta.dirname, '../../../../shared/data/wilayah');
const read = (file: string) =>
  parse(readFileSync(`${WILAYAH}/${file}`), { columns: true, bom: true }) as Record<string, string>[];

/** Deterministic pseudo-random numbers, so the variants are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
let rnd = lcg(20_250_101);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const letter = () => LETTERS[Math.floor(rnd() * 26)]!;

/** One substitution, deletion, insertion and transposition, away from the first letter. */
function typos(core: string): string[] {
  if (core.replace(/[^A-Za-z]/g, '').length < 8) return [];
  const at = () => 1 + Math.floor(rnd() * (core.length - 2));
  const out: string[] = [];
  let i = at();
  out.push(core.slice(0, i) + letter() + core.slice(i + 1));
  i = at();
  out.push(core.slice(0, i) + core.slice(i + 1));
  i = at();
  out.push(core.slice(0, i) + letter() + core.slice(i));
  i = at();
  out.push(core.slice(0, i) + core[i + 1] + core[i] + core.slice(i + 2));
  return out.filter((t) => nameKey(t) !== nameKey(core));
}

const abbreviate = (s: string) =>
  s
    .replace(/Kepulauan/g, 'Kep.')
    .replace(/Tanjung/g, 'Tg.')
    .replace(/Sungai/g, 'Sei')
    .replace(/Sumatera/g, 'Sumatra');

const PROVINCE_ALIASES: Record<string, string[]> = {
  '31': ['DKI Jakarta', 'Jakarta', 'DKI'],
  '34': ['Jogja', 'DIY', 'D.I. Yogyakarta', 'DI Yogyakarta'],
  '21': ['Kep. Riau', 'Kepri'],
  '19': ['Kep. Bangka Belitung', 'Babel'],
  '52': ['NTB'],
  '53': ['NTT'],
  '12': ['Sumut'],
  '13': ['Sumbar'],
  '16': ['Sumsel'],
  '32': ['Jabar'],
  '33': ['Jateng'],
  '35': ['Jatim'],
  '61': ['Kalbar'],
  '62': ['Kalteng'],
  '63': ['Kalsel'],
  '64': ['Kaltim'],
  '65': ['Kaltara'],
  '71': ['Sulut'],
  '72': ['Sulteng'],
  '73': ['Sulsel'],
  '74': ['Sultra'],
  '76': ['Sulbar'],
  '82': ['Malut'],
};

interface Variant {
  readonly value: string;
  readonly typo: boolean;
}

function variantsOf(level: RegionLevel, code: string, name: string): Variant[] {
  const m = /^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota) (.*)$/.exec(name);
  const core = level === 'regency' && m ? m[2]! : name;
  const kota = m?.[1]?.startsWith('Kota') ?? false;
  const prefixes =
    level === 'regency'
      ? kota
        ? ['Kota', 'KOTA', 'Kota Adm.', 'Kotamadya']
        : ['Kab.', 'Kab', 'KAB.', 'Kabupaten']
      : level === 'province'
        ? ['Provinsi', 'Prov.', 'PROVINSI']
        : level === 'district'
          ? ['Kecamatan', 'Kec.']
          : code[9] === '1'
            ? ['Kel.', 'Kelurahan']
            : ['Desa', 'Ds.'];
  const plain = new Set([
    name,
    name.toUpperCase(),
    name.toLowerCase(),
    core,
    core.toUpperCase(),
    `  ${core}  `,
  ]);
  plain.add(core.replace(/ /g, ''));
  plain.add(abbreviate(name));
  for (const p of prefixes) plain.add(`${p} ${core}`);
  if (m) plain.add(`${m[1]}${core}`.replace(/ /g, ''));
  if (level === 'province') for (const a of PROVINCE_ALIASES[code] ?? []) plain.add(a);
  const out: Variant[] = [...plain].map((value) => ({ value, typo: false }));
  for (const t of typos(core))
    out.push({ value: t, typo: true }, { value: `${prefixes[0]} ${t}`, typo: true });
  return out;
}

type Rates = { resolved: number; ambiguous: number; unresolved: number; wrong: number; collisions: number };

let resolver: RegionResolver;
beforeAll(async () => {
  resolver = new RegionResolver(await getRegionIndex());
});

/** The shipped reference (an older decree) has this code for this name: the unit is the same in both. */
function sameUnit(row: Record<string, string>): boolean {
  const region = resolver.index.get(row.code!);
  return region !== undefined && nameKey(region.name) === nameKey(row.name!);
}

/**
 * A typo that spells another unit of the level (within the parent), or changes a numbering word
 * ("Sarongsong II" → "Sarongsong I"), names another unit: left out.
 */
function collides(level: RegionLevel, value: string, name: string, code: string, parent?: string): boolean {
  if (level === 'country' || numeralsOf(words(value)) !== numeralsOf(words(name))) return true;
  const q = parseName(value);
  return [q.full, q.core].some((key) =>
    resolver.index
      .lookup(level, key)
      .some((p) => p.region.code !== code && (parent === undefined || isWithin(p.region.code, parent))),
  );
}

function run(
  rows: Record<string, string>[],
  level: RegionLevel,
  options: ResolveOptions,
  parentColumn?: string,
) {
  rnd = lcg(20_250_101);
  const rates: Rates = { resolved: 0, ambiguous: 0, unresolved: 0, wrong: 0, collisions: 0 };
  const wrong: string[] = [];
  for (const row of rows) {
    const parent = parentColumn ? row[parentColumn] : undefined;
    for (const v of variantsOf(level, row.code!, row.name!)) {
      if (v.typo && collides(level, v.value, row.name!, row.code!, parent)) {
        rates.collisions++;
        continue;
      }
      const m = resolver.resolve(v.value, options, parent);
      if (m.status === 'resolved' && m.code !== row.code) {
        rates.wrong++;
        wrong.push(`${row.code} ${row.name}: "${v.value}" → ${m.code} ${m.name} (${m.method})`);
      } else rates[m.status]++;
    }
  }
  const total = rates.resolved + rates.ambiguous + rates.unresolved + rates.wrong;
  const pct = (n: number) => `${((100 * n) / total).toFixed(2)}%`;
  console.log(
    `${level} variants (${rows.length} names, ${total} variants, ${rates.collisions} typo collisions left out): ` +
      `resolved ${pct(rates.resolved)}, ambiguous ${pct(rates.ambiguous)}, unresolved ${pct(rates.unresolved)}, wrong ${rates.wrong}`,
    wrong.slice(0, 20),
  );
  return { rates, resolvedShare: rates.resolved / total };
}

describe('spelling variants never resolve to a wrong code', () => {
  it('provinces', () => {
    const { rates, resolvedShare } = run(read('provinces.csv'), 'province', { levels: ['province'] });
    expect(rates.wrong).toBe(0);
    expect(resolvedShare).toBeGreaterThanOrEqual(0.95);
  });

  it('regencies and cities', () => {
    const { rates, resolvedShare } = run(read('regencies.csv'), 'regency', { levels: ['regency'] });
    expect(rates.wrong).toBe(0);
    expect(resolvedShare).toBeGreaterThanOrEqual(0.9);
  });

  it('regencies and cities in a column mixing provinces and regencies', () => {
    const { rates, resolvedShare } = run(read('regencies.csv'), 'regency', {
      levels: ['province', 'regency'],
    });
    expect(rates.wrong).toBe(0);
    expect(resolvedShare).toBeGreaterThanOrEqual(0.9);
  });

  it('a sample of districts, with their regency', () => {
    const sample = read('districts.csv').filter((r, i) => i % 3 === 0 && sameUnit(r));
    expect(sample.length).toBeGreaterThanOrEqual(2000);
    const { rates, resolvedShare } = run(sample, 'district', { levels: ['district'] }, 'regency_code');
    expect(rates.wrong).toBe(0);
    expect(resolvedShare).toBeGreaterThanOrEqual(0.95);
  });

  it('a sample of villages, with their district', () => {
    const sample = read('villages.csv').filter((r, i) => i % 40 === 0 && sameUnit(r));
    const { rates, resolvedShare } = run(sample, 'village', { levels: ['village'] }, 'district_code');
    expect(rates.wrong).toBe(0);
    expect(resolvedShare).toBeGreaterThanOrEqual(0.9);
  });
});
