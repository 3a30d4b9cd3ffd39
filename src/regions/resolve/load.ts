/** The shipped reference index: Kemendagri regions from idn-area-data (ODbL), loaded once, lazily. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { getProvinces, getRegencies } from 'idn-area-data';
import { displayName } from '../names.js';
import { RegionIndex } from './region-index.js';
import type { RegionRecord } from './types.js';

/** Provinces and regencies of idn-area-data as records with display names ("Kabupaten Bandung", "DKI Jakarta"). */
async function upperRecords(): Promise<RegionRecord[]> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies({ transform: true })]);
  const records: RegionRecord[] = [];
  for (const p of provinces)
    records.push({ code: p.code, name: displayName(p.name), level: 'province', parent: null });
  for (const r of regencies)
    records.push({ code: r.code, name: displayName(r.name), level: 'regency', parent: r.provinceCode });
  return records;
}

/**
 * Districts and villages (nine records in ten), read at once from idn-area-data's own files (its
 * getters read the same, asynchronously): a lookup is synchronous, and a regency column never
 * needs them. District and village names are already in mixed case ("VII Koto", "Kp. Bantan").
 */
export function lowerRecords(): RegionRecord[] {
  const data = join(dirname(createRequire(import.meta.url).resolve('idn-area-data')), '..', 'data');
  const read = (area: string, parent: string) =>
    (
      parse(readFileSync(join(data, `${area}.csv`), 'utf8'), {
        columns: true,
        skip_empty_lines: true,
        // A quote inside a name is part of it (`Soka"an`), as idn-area-data's own parser reads it.
        relax_quotes: true,
      }) as Record<string, string>[]
    ).map((r) => ({ code: r.code ?? '', name: r.name ?? '', parent: r[parent] ?? '' }));
  return [
    ...read('districts', 'regency_code').map((d) => ({ ...d, level: 'district' as const })),
    ...read('villages', 'district_code').map((v) => ({ ...v, level: 'village' as const })),
  ];
}

/** All four levels of idn-area-data as records. */
export async function referenceRecords(): Promise<RegionRecord[]> {
  return [...(await upperRecords()), ...lowerRecords()];
}

let shared: Promise<RegionIndex> | undefined;

/**
 * The process-wide index, built on first use and kept: provinces and regencies at once, districts
 * and villages read and indexed when a lookup first needs them.
 */
export function getRegionIndex(): Promise<RegionIndex> {
  if (!shared) {
    shared = upperRecords().then((records) => RegionIndex.fromRecords(records, lowerRecords));
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}
