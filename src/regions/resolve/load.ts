/** The shipped reference index: Kemendagri regions from idn-area-data (ODbL), loaded once, lazily. */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { displayName } from '../names.js';
import { RegionIndex } from './region-index.js';
import type { RegionRecord } from './types.js';

/** All four levels of idn-area-data as records with display names ("Kabupaten Bandung", "DKI Jakarta"). */
export async function referenceRecords(): Promise<RegionRecord[]> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies({ transform: true }),
    getDistricts({ transform: true }),
    getVillages({ transform: true }),
  ]);
  const records: RegionRecord[] = [];
  for (const p of provinces)
    records.push({ code: p.code, name: displayName(p.name), level: 'province', parent: null });
  for (const r of regencies) {
    records.push({ code: r.code, name: displayName(r.name), level: 'regency', parent: r.provinceCode });
  }
  // District and village names are already in mixed case ("VII Koto", "Kp. Bantan"): keep them.
  for (const d of districts)
    records.push({ code: d.code, name: d.name, level: 'district', parent: d.regencyCode });
  for (const v of villages)
    records.push({ code: v.code, name: v.name, level: 'village', parent: v.districtCode });
  return records;
}

let shared: Promise<RegionIndex> | undefined;

/** The process-wide index, built on first use (about a second) and kept. */
export function getRegionIndex(): Promise<RegionIndex> {
  if (!shared) {
    shared = referenceRecords().then((records) => RegionIndex.fromRecords(records));
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}
