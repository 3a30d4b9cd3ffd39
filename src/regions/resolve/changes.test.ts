/** Former names and codes, from a table passed in (tested with Kemendagri's 2022→2025 changes). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegionChanges } from './changes.js';
import { getRegionIndex } from './load.js';
import { nameKey } from './normalize.js';
import { RegionResolver } from './resolver.js';
import { parentOfCode, type RegionLevel } from './types.js';

const FILE = resolve(
  import.meta.dirname,
  '../../../../shared/data/wilayah/kemendagri_changes_2022_to_2025.csv',
);

describe('former names and codes', () => {
  it('reads a changes table and follows successors', () => {
    const changes = RegionChanges.fromCsv(
      [
        'level,code,name_2022,name_2025,change,successor_code',
        'regency,92.01,KAB. SORONG,,removed,96.01',
        'regency,73.10,KAB. PANGKAJENE KEPULAUAN,Kabupaten Pangkajene dan Kepulauan,renamed,',
        'district,11.01.99,Gone,,removed,',
      ].join('\n'),
    );
    expect(changes.successor('92.01')).toBe('96.01');
    expect(changes.wasRemoved('11.01.99')).toBe(true);
    expect(changes.formerNames('regency', nameKey('Pangkajene Kepulauan'))).toEqual([
      { code: '73.10', former: 'KAB. PANGKAJENE KEPULAUAN' },
    ]);
    expect(() => RegionChanges.fromCsv('level,code\nnope,1')).toThrow(/row 2/);
  });
});

describe('with the 2022→2025 changes', () => {
  let plain: RegionResolver;
  let withChanges: RegionResolver;
  const rows = () => parse(readFileSync(FILE), { columns: true, bom: true }) as Record<string, string>[];
  beforeAll(async () => {
    const index = await getRegionIndex();
    plain = new RegionResolver(index);
    withChanges = new RegionResolver(index, { changes: RegionChanges.fromCsv(readFileSync(FILE, 'utf8')) });
  });

  it('resolves removed codes to their successors, and only with the table', () => {
    const tally = { successor: 0, noSuccessorInReference: 0, removedWithout: 0 };
    for (const r of rows().filter((x) => x.change === 'removed')) {
      const m = withChanges.resolve(r.code);
      if (!r.successor_code) {
        if (!plain.index.get(r.code!)) expect(m.status, r.code).toBe('unresolved');
        tally.removedWithout++;
      } else if (withChanges.index.get(r.successor_code)) {
        // Codes still in the (older) shipped reference resolve as themselves.
        const expected = plain.index.get(r.code!) ? r.code : r.successor_code;
        expect(m.code, r.code).toBe(expected);
        tally.successor++;
      } else tally.noSuccessorInReference++;
    }
    console.log('removed codes:', tally);
    expect(withChanges.resolve('92.01')).toMatchObject({ code: '96.01', method: 'code', confidence: 0.9 });
    expect(plain.resolve('92.01').status).toBe('unresolved');
  });

  it('resolves former names under their parent, never to an unrelated unit', () => {
    const tally = { own: 0, namesake: 0, ambiguous: 0, unresolved: 0, plainOwn: 0 };
    for (const r of rows().filter(
      (x) => x.change === 'renamed' || (x.change === 'removed' && x.successor_code),
    )) {
      const target = r.change === 'renamed' ? r.code! : r.successor_code!;
      if (!r.name_2022 || !withChanges.index.get(target)) continue;
      const level = r.level as RegionLevel;
      const parent = level === 'district' || level === 'village' ? parentOfCode(target) : undefined;
      const options = { levels: [level] };
      const m = withChanges.resolve(r.name_2022, options, parent);
      if (plain.resolve(r.name_2022, options, parent).code === target) tally.plainOwn++;
      if (m.status !== 'resolved') tally[m.status]++;
      else if (m.code === target) tally.own++;
      else {
        // Current names win over former ones: the unit that now bears the old name.
        expect(nameKey(m.name!), `${r.name_2022} → ${m.code} ${m.name}`).toBe(nameKey(r.name_2022));
        tally.namesake++;
      }
    }
    console.log('former names (with the table; plainOwn = found without it):', tally);
    expect(tally.own).toBeGreaterThan(tally.plainOwn);
  });
});
