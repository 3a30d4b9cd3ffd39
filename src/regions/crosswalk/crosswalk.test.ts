/**
 * The BPS ↔ Kemendagri crosswalk. The shipped part is the province table; the rest is loaded from the
 * operator's CSV files, here the shared test files (no licence: read by path, never copied).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { getRegionIndex } from '../resolve/load.js';
import { RegionResolver } from '../resolve/resolver.js';
import { Crosswalk } from './crosswalk.js';
import { KEMENDAGRI_PROVINCES, PROVINCE_CROSSWALK } from './provinces.js';

const DIR = resolve(import.meta.dirname, '../../../../shared/data/crosswalk');
const SAMPLES = resolve(import.meta.dirname, '../../../../shared/data/samples');
const FILES = {
  provinces: `${DIR}/bps_kemendagri_provinces.csv`,
  regencies: `${DIR}/bps_kemendagri_regencies.csv`,
  districts: `${DIR}/bps_kemendagri_districts.csv`,
  villages: `${DIR}/bps_kemendagri_villages.csv`,
};
const csv = (path: string) =>
  parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];

describe('the shipped province table', () => {
  const cw = Crosswalk.provinces();

  it('has 38 provinces, one to one', () => {
    expect(PROVINCE_CROSSWALK).toHaveLength(38);
    expect(new Set(PROVINCE_CROSSWALK.map((p) => p.bps)).size).toBe(38);
    expect(new Set(PROVINCE_CROSSWALK.map((p) => p.kemendagri))).toEqual(new Set(KEMENDAGRI_PROVINCES));
  });

  it('keeps the digits except in Papua', () => {
    expect(cw.toKemendagri('32')?.kemendagri).toBe('32');
    const papua: [string, string][] = [
      ['91', '92'],
      ['94', '91'],
      ['92', '96'],
      ['95', '93'],
      ['96', '94'],
      ['97', '95'],
    ];
    for (const [bps, kemendagri] of papua) {
      expect(cw.toKemendagri(bps)?.kemendagri, bps).toBe(kemendagri);
      expect(cw.toBps(kemendagri), kemendagri).toBe(bps);
    }
    expect(cw.toKemendagri('3171')).toBeUndefined();
  });

  it('agrees with the BPS bridging file', () => {
    const rows = csv(FILES.provinces);
    expect(rows).toHaveLength(38);
    for (const r of rows)
      expect(cw.toKemendagri(r.bps_code!)?.kemendagri, r.bps_name).toBe(r.kemendagri_code);
  });
});

describe('loaded from the BPS bridging files', () => {
  let cw: Crosswalk;
  let resolver: RegionResolver;
  beforeAll(async () => {
    cw = await Crosswalk.fromFiles(FILES);
    resolver = new RegionResolver(await getRegionIndex(), { crosswalk: cw });
  });

  it('loads every row that maps to a code', () => {
    expect(cw.counts()).toEqual({ province: 38, regency: 514, district: 7218, village: 82851 });
    expect(cw.skipped).toBe(1); // BPS 9426030, bridged to "-"
  });

  it('converts both ways', () => {
    expect(cw.toKemendagri('3171')?.kemendagri).toBe('31.74');
    expect(cw.toBps('31.74')).toBe('3171');
    expect(cw.toBps('31.71')).toBe('3173');
    expect(cw.toKemendagri('3204')?.kemendagri).toBe('32.04');
    expect(cw.toKemendagri('3204010')?.kemendagri).toBe('32.04.39');
    expect(cw.toBps('32.04.39')).toBe('3204010');
    expect(cw.toKemendagri('3204010001')?.level).toBe('village');
  });

  it('applies the Papua renumbering, and the resolver checks it by name', () => {
    expect(cw.toKemendagri('9107')?.kemendagri).toBe('96.01');
    expect(cw.toBps('96.01')).toBe('9107');
    expect(cw.toKemendagri('9401010')).toMatchObject({ kemendagri: '93.01.04', bridging: '91.01.04' });
    expect(resolver.resolve('9401010').name).toBe('Kimaam');
    // 92.04.04 Inanwatan became 96.02.02, not 96.02.04: the BPS name decides.
    expect(cw.toKemendagri('9106010')?.kemendagri).toBe('96.02.04');
    expect(resolver.resolve('9106010')).toMatchObject({
      status: 'resolved',
      code: '96.02.02',
      name: 'Inanwatan',
    });
  });

  it('resolves every BPS code through the resolver, never to a unit BPS names otherwise', () => {
    for (const [level, file] of [
      ['regency', FILES.regencies],
      ['district', FILES.districts],
      ['village', FILES.villages],
    ] as const) {
      const tally: Record<string, number> = {};
      for (const r of csv(file)) {
        const m = resolver.resolve(r.bps_code);
        const expected = r.kemendagri_code_2025 || r.kemendagri_code_bridging;
        const status = r.kemendagri_2025_status ?? r.match;
        const key = `${m.status}${m.status === 'resolved' ? (m.code === expected ? ' as bridged' : ' by BPS name') : ''} (${status})`;
        tally[key] = (tally[key] ?? 0) + 1;
        // Where the bridged code is current and its name agrees, the resolver must give exactly it.
        if (status === 'yes' || status === 'same_code') {
          expect(m.status === 'resolved' ? m.code : expected, `${r.bps_code} ${r.bps_name}`).toBe(expected);
        }
      }
      console.log(`BPS ${level} codes through the crosswalk:`, tally);
    }
  }, 60_000);

  it('agrees with the Kemendagri codes Open Data Jabar publishes beside BPS ones', () => {
    const rows = csv(`${SAMPLES}/jabar_odj_desa_pencemaran_air.csv`);
    // outdated: ODJ's Kemendagri code no longer exists; the resolver found the unit by BPS name.
    const tally = { same: 0, outdated: 0, different: 0, ambiguous: 0, unresolved: 0 };
    const different: string[] = [];
    for (const r of rows) {
      const m = resolver.resolve(r.bps_kode_desa_kelurahan); // float-damaged: "3201190006.0"
      if (m.status !== 'resolved') tally[m.status]++;
      else if (m.code === r.kemendagri_kode_desa_kelurahan) tally.same++;
      else if (!resolver.index.get(r.kemendagri_kode_desa_kelurahan!)) tally.outdated++;
      else {
        tally.different++;
        different.push(`${r.bps_kode_desa_kelurahan} ${r.bps_nama_desa_kelurahan} → ${m.code} ${m.name}`);
      }
    }
    console.log('ODJ BPS village codes via the crosswalk:', tally, different.slice(0, 10));
    expect(tally.different).toBe(0);
    expect(tally.same / rows.length).toBeGreaterThan(0.97);
  });
});
