/**
 * Acceptance 1: every official name resolves to its own code, given its level and (for districts and
 * villages, whose names repeat) its parent. Namesakes inside one parent cannot be told apart by name
 * and must come back ambiguous, listing both.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { referenceRecords } from './load.js';
import { nameKey } from './normalize.js';
import { RegionIndex } from './region-index.js';
import { RegionResolver } from './resolver.js';
import type { RegionLevel, RegionRecord } from './types.js';

const WILAYAH = resolve(import.meta.dirname, '../../../../shared/data/wilayah');

function wilayahRecords(): RegionRecord[] {
  const read = (file: string) =>
    parse(readFileSync(`${WILAYAH}/${file}`), { columns: true, bom: true }) as Record<string, string>[];
  return [
    ...read('provinces.csv').map((r) => ({
      code: r.code!,
      name: r.name!,
      level: 'province' as const,
      parent: null,
    })),
    ...read('regencies.csv').map((r) => ({
      code: r.code!,
      name: r.name!,
      level: 'regency' as const,
      parent: r.province_code!,
    })),
    ...read('districts.csv').map((r) => ({
      code: r.code!,
      name: r.name!,
      level: 'district' as const,
      parent: r.regency_code!,
    })),
    ...read('villages.csv').map((r) => ({
      code: r.code!,
      name: r.name!,
      level: 'village' as const,
      parent: r.district_code!,
    })),
  ];
}

/**
 * own: its code; namesake: ambiguous among same-named siblings, its code listed; recoded: a unit of the
 * same name under another code (renumbered between decrees); other: a different unit (a mistake).
 */
type Tally = Record<'own' | 'namesake' | 'recoded' | 'other' | 'ambiguous' | 'unresolved' | 'absent', number>;

/** Resolves every record's name at its level (with its parent below regencies) against `resolver`. */
function check(resolver: RegionResolver, records: readonly RegionRecord[], level: RegionLevel) {
  const rows = records.filter((r) => r.level === level);
  const groups = new Map<string, number>();
  const groupOf = (r: RegionRecord) => `${r.parent}|${nameKey(r.name)}`;
  for (const r of rows) groups.set(groupOf(r), (groups.get(groupOf(r)) ?? 0) + 1);
  const tally: Tally = { own: 0, namesake: 0, recoded: 0, other: 0, ambiguous: 0, unresolved: 0, absent: 0 };
  const odd: string[] = [];
  for (const r of rows) {
    if (!resolver.index.get(r.code)) {
      tally.absent++;
      continue;
    }
    const parent = level === 'district' || level === 'village' ? (r.parent ?? undefined) : undefined;
    const m = resolver.resolve(r.name, { levels: [level] }, parent);
    const namesake = (groups.get(groupOf(r)) ?? 0) > 1;
    if (m.status === 'resolved' && m.code === r.code) tally.own++;
    else if (namesake && m.status === 'ambiguous' && m.candidates?.some((c) => c.code === r.code))
      tally.namesake++;
    else if (m.status === 'resolved' && m.name !== undefined && nameKey(m.name) === nameKey(r.name))
      tally.recoded++;
    else {
      tally[m.status === 'resolved' ? 'other' : m.status]++;
      if (odd.length < 12) odd.push(`${r.code} "${r.name}" → ${m.status} ${m.code ?? ''} ${m.name ?? ''}`);
    }
  }
  return { rows: rows.length, tally, odd };
}

const LEVELS: RegionLevel[] = ['province', 'regency', 'district', 'village'];

describe('official names resolve to their own codes', () => {
  it('in the shipped reference (idn-area-data)', async () => {
    const records = await referenceRecords();
    const resolver = new RegionResolver(RegionIndex.fromRecords(records));
    for (const level of LEVELS) {
      const { rows, tally, odd } = check(resolver, records, level);
      console.log(`shipped ${level}: ${rows} names, ${JSON.stringify(tally)}`, odd);
      expect(tally.own + tally.namesake, level).toBe(rows);
    }
  }, 120_000);

  it('in Kepmendagri 300.2.2-2430/2025 (shared wilayah files)', () => {
    const records = wilayahRecords();
    const resolver = new RegionResolver(RegionIndex.fromRecords(records));
    for (const level of LEVELS) {
      const { rows, tally, odd } = check(resolver, records, level);
      console.log(`wilayah 2025 ${level}: ${rows} names, ${JSON.stringify(tally)}`, odd);
      expect(tally.own + tally.namesake, level).toBe(rows);
    }
  }, 120_000);

  it('2025 names against the shipped reference (an older decree)', async () => {
    const { getRegionIndex } = await import('./load.js');
    const resolver = new RegionResolver(await getRegionIndex());
    const records = wilayahRecords();
    for (const level of LEVELS) {
      const { rows, tally, odd } = check(resolver, records, level);
      console.log(`2025 names vs shipped ${level}: ${rows} names, ${JSON.stringify(tally)}`, odd);
      // Names that differ between the decrees may stay unresolved; none may land on another unit.
      const present = rows - tally.absent;
      expect(tally.own + tally.namesake + tally.recoded, level).toBeGreaterThanOrEqual(present * 0.998);
      expect(tally.other, level).toBe(0);
    }
  }, 120_000);
});
