import { getDistricts, getVillages } from 'idn-area-data';
import { describe, expect, it } from 'vitest';
import { lowerRecords, referenceRecords } from './load.js';
import { nameKey } from './normalize.js';
import { RegionIndex } from './region-index.js';
import type { RegionRecord } from './types.js';

const isLower = (r: RegionRecord) => r.level === 'district' || r.level === 'village';

describe('reference records', () => {
  it('reads the districts and villages at once as idn-area-data’s own getters read them', async () => {
    const [districts, villages] = await Promise.all([
      getDistricts({ transform: true }),
      getVillages({ transform: true }),
    ]);
    const lower = [
      ...districts.map((d) => ({ code: d.code, name: d.name, parent: d.regencyCode, level: 'district' })),
      ...villages.map((v) => ({ code: v.code, name: v.name, parent: v.districtCode, level: 'village' })),
    ];
    expect(lower.length).toBeGreaterThan(80_000);
    expect(lowerRecords()).toEqual(lower);
  });

  it('reads the lower levels on the first lookup that needs them, once', async () => {
    const all = await referenceRecords();
    let reads = 0;
    const index = RegionIndex.fromRecords(
      all.filter((r) => !isLower(r)),
      () => {
        reads++;
        return all.filter(isLower);
      },
    );
    expect(index.lookup('regency', nameKey('Kabupaten Bandung')).length).toBeGreaterThan(0);
    expect(index.get('32.04')?.name).toBe('Kabupaten Bandung');
    expect(reads).toBe(0);
    const district = all.find((r) => r.level === 'district' && r.parent === '32.04') as RegionRecord;
    expect(index.lookup('district', nameKey(district.name)).map((p) => p.region.code)).toContain(
      district.code,
    );
    const village = all.find((r) => r.level === 'village' && r.parent === district.code) as RegionRecord;
    expect(index.get(village.code)?.name).toBe(village.name);
    expect(reads).toBe(1);
    expect(index.size).toBe(all.length);
  });
});
