/**
 * What an imported table covers, read from its data: SDI's cakupan wilayah (the regions its
 * region columns resolved to, and the finest level among them) and cakupan waktu (the time its
 * date, year and period columns, or year headers such as BPS's `2018 … 2020`, span). Publishing
 * fills these into a dataset that does not give them yet, and keeps them following the data of
 * each new version (publish.ts); what a data officer wrote is never replaced.
 */
import type { SdiCoverage } from '../catalog/sdi.js';
import {
  isWithin,
  levelOfCode,
  levelRank,
  parentOfCode,
  type RegionLevel,
} from '../regions/resolve/types.js';

export type Coverage = SdiCoverage;

/** SDI's name of each region level, for `cakupan_wilayah_tingkat`. */
const SDI_LEVEL: Record<Exclude<RegionLevel, 'country'>, NonNullable<Coverage['cakupan_wilayah_tingkat']>> = {
  province: 'provinsi',
  regency: 'kabupaten-kota',
  district: 'kecamatan',
  village: 'desa-kelurahan',
};
/** Years a year column or header may hold to count as time (not a count that looks like one). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/**
 * The regions `codes` cover: the finest level among them, and the one region holding them all
 * (`32` for Jawa Barat's regencies with the province row) or, when none does, their provinces.
 */
export function regionCoverage(codes: Iterable<string>): Coverage {
  const known = [...new Set(codes)].filter((c) => levelOfCode(c) !== undefined);
  const [first] = known;
  if (first === undefined) return {};
  const finest = known
    .map((c) => levelOfCode(c) as Exclude<RegionLevel, 'country'>)
    .reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a));
  let holder: string | undefined = first;
  while (holder !== undefined && !known.every((c) => isWithin(c, holder as string)))
    holder = parentOfCode(holder);
  const wilayah = holder !== undefined ? [holder] : [...new Set(known.map((c) => c.slice(0, 2)))].sort();
  return { cakupan_wilayah_tingkat: SDI_LEVEL[finest], cakupan_wilayah: wilayah };
}

/**
 * The start and the end of a stored time value, as SDI writes them (`2019`, `2019-08`,
 * `2019-08-13`), with keys that compare as days: a date, a month (`2019-08`), a quarter
 * (`2019-Q3`), a semester (`2019-S2`) or a year.
 */
function span(value: string): { from: string; to: string; fromKey: string; toKey: string } | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return { from: value, to: value, fromKey: value, toKey: value };
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return { from: value, to: value, fromKey: `${value}-01`, toKey: `${value}-31` };
  const part = /^(\d{4})-([QS])([1-4])$/.exec(value);
  if (part) {
    const [, y, kind, n] = part as unknown as [string, string, 'Q' | 'S', string];
    const months = kind === 'Q' ? 3 : 6;
    const last = Number(n) * months;
    if (last > 12) return undefined;
    const from = `${y}-${String(last - months + 1).padStart(2, '0')}`;
    const to = `${y}-${String(last).padStart(2, '0')}`;
    return { from, to, fromKey: `${from}-01`, toKey: `${to}-31` };
  }
  const year = /^(\d{4})$/.exec(value);
  if (year && Number(value) >= FIRST_YEAR && Number(value) <= LAST_YEAR)
    return { from: value, to: value, fromKey: `${value}-01-01`, toKey: `${value}-12-31` };
  return undefined;
}

/** The time `values` span, from the earliest start to the latest end. */
export function timeCoverage(values: Iterable<string>): Coverage {
  let first: ReturnType<typeof span>;
  let last: ReturnType<typeof span>;
  for (const v of values) {
    const s = span(v);
    if (!s) continue;
    if (!first || s.fromKey < first.fromKey) first = s;
    if (!last || s.toKey > last.toKey) last = s;
  }
  return first && last ? { cakupan_waktu_mulai: first.from, cakupan_waktu_selesai: last.to } : {};
}

/** The coverage in words (`wilayah 32 (tingkat kabupaten-kota); waktu 2019 s.d. 2021`), if any. */
export function coverageWords(coverage: Coverage): string | undefined {
  const parts: string[] = [];
  if (coverage.cakupan_wilayah?.length)
    parts.push(
      `wilayah ${coverage.cakupan_wilayah.join(', ')} (tingkat ${coverage.cakupan_wilayah_tingkat ?? '-'})`,
    );
  else if (coverage.cakupan_wilayah_tingkat)
    parts.push(`tingkat wilayah ${coverage.cakupan_wilayah_tingkat}`);
  if (coverage.cakupan_waktu_mulai)
    parts.push(`waktu ${coverage.cakupan_waktu_mulai} s.d. ${coverage.cakupan_waktu_selesai}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** The coverage in words, for the import's notes. */
export function coverageNote(coverage: Coverage): string | undefined {
  const words = coverageWords(coverage);
  return words ? `cakupan menurut data: ${words}` : undefined;
}
