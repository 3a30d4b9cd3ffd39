/** Shared types of the region-name resolver. Codes are Kemendagri dotted codes, always strings. */

export type RegionLevel = 'country' | 'province' | 'regency' | 'district' | 'village';

/** Levels below the country, from the top. */
export const LEVELS: readonly RegionLevel[] = ['province', 'regency', 'district', 'village'];

export const levelRank = (level: RegionLevel): number =>
  level === 'country' ? 0 : LEVELS.indexOf(level) + 1;

/** The level of a dotted Kemendagri code: `32` province, `32.04` regency, `32.04.01` district, `32.04.01.2001` village. */
export function levelOfCode(code: string): RegionLevel | undefined {
  if (/^\d{2}$/.test(code)) return 'province';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'regency';
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return 'district';
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return 'village';
  return undefined;
}

/** The code one level up (`32.04.01` → `32.04`), or undefined for a province. */
export const parentOfCode = (code: string): string | undefined => {
  const i = code.lastIndexOf('.');
  return i < 0 ? undefined : code.slice(0, i);
};

/** True when `code` is `ancestor` or lies under it (`32.04.01` under `32`). */
export const isWithin = (code: string, ancestor: string): boolean =>
  code === ancestor || code.startsWith(`${ancestor}.`);

/** The kind a prefix or a code carries: kabupaten/kota for regencies, kelurahan/desa for villages. */
export type RegionKind = 'kabupaten' | 'kota' | 'kelurahan' | 'desa';

export function kindOfCode(code: string): RegionKind | undefined {
  const level = levelOfCode(code);
  if (level === 'regency') return Number(code.slice(3, 5)) >= 71 ? 'kota' : 'kabupaten';
  if (level === 'village') return code[9] === '1' ? 'kelurahan' : 'desa';
  return undefined;
}

/** One row of reference data: a region with its canonical display name. */
export interface RegionRecord {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** The code one level up; null for provinces (and the country). */
  readonly parent: string | null;
}

export type MatchStatus = 'resolved' | 'ambiguous' | 'unresolved';
export type MatchMethod = 'exact' | 'alias' | 'prefix' | 'fuzzy' | 'parent' | 'code' | 'choice';

export interface RegionCandidate {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly score: number;
}

/** What the resolver says about one value. `method` is the step that decided, also when it failed. */
export interface RegionMatch {
  readonly status: MatchStatus;
  readonly code?: string;
  readonly name?: string;
  readonly level?: RegionLevel;
  readonly confidence: number;
  readonly method: MatchMethod;
  readonly candidates?: readonly RegionCandidate[];
  /** Why a value is not resolved, or a caveat on a resolved one (a former code, a label, …). */
  readonly reason?: string;
}

/** How to read bare regency names: BPS tables write "Bogor" for the kabupaten and "Kota Bogor" for the city. */
export type BareNameConvention = 'kabupaten' | 'kota';

export interface ResolveOptions {
  /** Levels the column holds. Default: province and regency. Totals (INDONESIA, "Provinsi X") are always recognised. */
  readonly levels?: readonly RegionLevel[];
  /** A parent for every value (code such as `32`/`32.04`, or a name such as "Jawa Barat"). */
  readonly parent?: string;
  /** Opt-in: the file writes kabupaten (or kota) without a prefix. Never assumed. */
  readonly bareNameMeans?: BareNameConvention;
  /** Undotted and two-digit codes: which scheme they follow. Default: BPS for undotted, both for `91`–`97`. */
  readonly codeScheme?: 'kemendagri' | 'bps';
  /** Edit-distance matching for typos. Default true. */
  readonly fuzzy?: boolean;
  /** Look for a region inside a longer label ("Persentase Kab. Bogor", "Bogor, Jawa Barat"). Default true. */
  readonly labels?: boolean;
}
