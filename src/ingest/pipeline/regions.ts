/**
 * Region columns: names (or codes) resolved to Kemendagri codes, added as `<field>_kode` and
 * `<field>_nama_baku` beside the original. Ambiguous and unresolved values are reported and
 * left without a code: a wrong code is worse than none.
 *
 * How a column is read is planned from its distinct values first: a column of provinces is
 * resolved among provinces only; a column mixing province rows with their regencies (BPS
 * tables) carries the last province as the parent of the rows below it; and a bare name is
 * read as the kabupaten only when the same column also lists "Kota <name>" (BPS's
 * convention, proven by the file itself).
 */
import { validation } from '../../core/errors.js';
import type { Crosswalk } from '../../regions/crosswalk/crosswalk.js';
import type { BareNameConvention, RegionLevel, RegionMatch } from '../../regions/resolve/index.js';
import { getRegionIndex, nameKey, RegionResolver } from '../../regions/resolve/index.js';

const REGION_HEADER =
  /provinsi|kabupaten|kota|wilayah|daerah|kab[_ ./-]?kota|region|kecamatan|distrik|desa|kelurahan/i;
/** Words naming a level in a header: what comes before the first is the header's prefix. */
const LEVEL_WORD =
  /desa|kelurahan|village|kecamatan|distrik|district|kabupaten|kota|regency|provinsi|province/i;

/** The level a header names, the most specific first (`desa_kelurahan`, `kab_kota`); none for `wilayah`. */
export function headerLevel(title: string): RegionLevel | undefined {
  if (/desa|kelurahan|village/i.test(title)) return 'village';
  if (/kecamatan|distrik|district/i.test(title)) return 'district';
  if (/kabupaten|kota|regency/i.test(title)) return 'regency';
  if (/provinsi|province/i.test(title)) return 'province';
  return undefined;
}

/** What a header says before its level word (`kemendagri_nama_` of `kemendagri_nama_kecamatan`). */
export const headerPrefix = (title: string): string => {
  const at = title.search(LEVEL_WORD);
  return at < 0 ? title : title.slice(0, at);
};

/** Distinct values of a kecamatan or desa column tried while planning it (each is looked up in the whole country). */
const LOWER_PLAN_SAMPLE = 300;
const CODE_HEADER = /^(kode|kd|id)([ _-]|$)/i;
const KOTA = /^kota\s+(?:adm(?:inistrasi|\.)?\s+)?(.+)$/i;

export interface RegionColumnOptions {
  /** Header (or field name) of the column holding region names or codes. */
  readonly column: string;
  /** A column of the same row holding the parent (e.g. the province of a regency). */
  readonly parentColumn?: string;
  /**
   * The column holds kecamatan (district) or desa/kelurahan (village) names or codes only, as its
   * header says; its parent in each row is the region the file's higher columns resolve to.
   */
  readonly level?: 'district' | 'village';
  /** The whole table is within this region (name or code), e.g. `Jawa Barat`. */
  readonly parent?: string;
  readonly bareNameMeans?: BareNameConvention;
  /**
   * Values chosen by hand (an ambiguous `Bandung` → `32.04`): the value as written in the file →
   * its Kemendagri code. Resolved as that code (method `choice`) wherever the value appears.
   */
  readonly choices?: Readonly<Record<string, string>>;
}

/** Headers about regions rather than naming them: `status_desa`, `jumlah kecamatan`, `jenis kota`. */
const ABOUT_REGIONS = /status|jumlah|jenis|tipe|klasifikasi|kategori|luas|banyak|jarak|^(jml|jum)[_ ]/i;

export const looksLikeRegionHeader = (title: string): boolean =>
  REGION_HEADER.test(title) && !CODE_HEADER.test(title.trim()) && !ABOUT_REGIONS.test(title);

export interface RegionStats {
  resolved: number;
  ambiguous: number;
  unresolved: number;
}

export interface RegionPlan {
  readonly levels: readonly RegionLevel[];
  /** Province rows in the column are the parent of the rows after them. */
  readonly carry: boolean;
  /** Name keys of bare names to read as kabupaten. */
  readonly kabupatenNames: ReadonlySet<string>;
  /** Share of distinct values resolved or ambiguous (not unresolved). */
  readonly recognised: number;
  readonly note: string;
}

export class RegionColumn {
  readonly stats: RegionStats = { resolved: 0, ambiguous: 0, unresolved: 0 };
  readonly #cache = new Map<string, RegionMatch>();
  #lastProvince: string | undefined;

  private constructor(
    readonly options: RegionColumnOptions,
    readonly plan: RegionPlan,
    private readonly resolver: RegionResolver,
    private readonly crosswalk?: Crosswalk,
  ) {}

  /** Plans how to read the column from its distinct values (`undefined` when more than the profile keeps). */
  static async create(
    options: RegionColumnOptions,
    distinct: Iterable<string> | undefined,
    crosswalk?: Crosswalk,
  ): Promise<RegionColumn> {
    const resolver = new RegionResolver(await getRegionIndex(), crosswalk ? { crosswalk } : {});
    return new RegionColumn(options, planRegions(resolver, options, distinct), resolver, crosswalk);
  }

  /** The BPS code of a resolved Kemendagri code, when the crosswalk has it. */
  bpsCode(code: string): string | undefined {
    return this.crosswalk?.toBps(code);
  }

  /** Resolves a row's value (under `rowParent`, a code or a name), counting it in `stats`. */
  resolve(value: string, rowParent?: string): RegionMatch {
    const m = this.match(value, rowParent);
    this.stats[m.status]++;
    return m;
  }

  /** `resolve` without counting: a higher column's value read as a parent (the DuckDB path). */
  match(value: string, rowParent?: string): RegionMatch {
    const chosen = this.options.choices?.[value] ?? this.options.choices?.[value.trim()];
    // A name chosen once stands for every row that writes it, except in a row whose parent (a
    // code: the kecamatan of a desa) does not hold the chosen region: many villages share a name.
    const outside =
      chosen !== undefined &&
      rowParent !== undefined &&
      /^\d{2}(\.\d+)*$/.test(rowParent) &&
      !chosen.startsWith(`${rowParent}.`);
    if (chosen !== undefined && !outside) return this.#choice(value, chosen);
    const parent = rowParent ?? this.options.parent ?? (this.plan.carry ? this.#lastProvince : undefined);
    const key = `${parent ?? ''}\u0000${value}`;
    let m = this.#cache.get(key);
    if (!m) {
      m = this.#resolve(value, parent);
      if (m.status !== 'resolved' && parent !== undefined && parent === this.#lastProvince) {
        // A province row in a mixed column is not under the previous province.
        const alone = this.resolver.resolve(value, { levels: ['province'] });
        if (alone.status === 'resolved') m = alone;
      }
      this.#cache.set(key, m);
    }
    if (this.plan.carry && m.status === 'resolved' && m.level === 'province') this.#lastProvince = m.code;
    return m;
  }

  /** A hand-chosen code: must be a region of a level this column holds, else the import stops. */
  #choice(value: string, code: string): RegionMatch {
    const key = `\u0001${value}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const m = this.resolver.resolve(code, {
      levels: this.plan.levels,
      codeScheme: 'kemendagri',
      fuzzy: false,
    });
    if (m.status !== 'resolved' || m.code !== code)
      throw validation({
        region_choices: [
          `"${code}" chosen for "${value}" in column "${this.options.column}" is not a region code of this column (${this.plan.levels.join(', ')})`,
        ],
      });
    const chosen: RegionMatch = { ...m, method: 'choice', confidence: 1 };
    this.#cache.set(key, chosen);
    return chosen;
  }

  #resolve(value: string, parent: string | undefined): RegionMatch {
    const bare =
      this.options.bareNameMeans ?? (this.plan.kabupatenNames.has(nameKey(value)) ? 'kabupaten' : undefined);
    return this.resolver.resolve(value, {
      levels: this.plan.levels,
      ...(bare ? { bareNameMeans: bare } : {}),
      ...(parent ? { parent } : {}),
    });
  }
}

function planRegions(
  resolver: RegionResolver,
  options: RegionColumnOptions,
  distinct: Iterable<string> | undefined,
): RegionPlan {
  const values = distinct ? [...distinct] : [];
  if (options.level) {
    // Names shared by many villages resolve as ambiguous without their parent: recognised all the same.
    const sample = values.slice(0, LOWER_PLAN_SAMPLE);
    const known = sample.filter(
      (v) =>
        resolver.resolve(v, {
          levels: [options.level as RegionLevel],
          ...(options.parent ? { parent: options.parent } : {}),
        }).status !== 'unresolved',
    ).length;
    return {
      levels: [options.level],
      carry: false,
      kabupatenNames: new Set(),
      recognised: sample.length ? known / sample.length : 1,
      note: options.level === 'village' ? 'desa/kelurahan' : 'kecamatan',
    };
  }
  const kotaBases = new Set(values.flatMap((v) => KOTA.exec(v.trim())?.[1] ?? []).map(nameKey));
  const kabupatenNames = new Set(values.map(nameKey).filter((k) => kotaBases.has(k)));
  let resolved = 0;
  let ambiguous = 0;
  let provinces = 0;
  let regencies = 0;
  for (const v of values) {
    const m = resolver.resolve(v, {
      levels: ['province', 'regency'],
      ...(options.parent ? { parent: options.parent } : {}),
    });
    if (m.status === 'resolved') {
      resolved++;
      if (m.level === 'province') provinces++;
      else if (m.level === 'regency') regencies++;
    } else if (m.status === 'ambiguous') ambiguous++;
  }
  const recognised = values.length ? (resolved + ambiguous) / values.length : 1;
  const onlyProvinces = resolved > 0 && provinces >= resolved * 0.8;
  const mixed = !onlyProvinces && provinces >= 2 && regencies >= 2;
  const levels: RegionLevel[] = onlyProvinces ? ['province'] : ['province', 'regency'];
  const parts = [
    onlyProvinces ? 'kolom provinsi' : mixed ? 'provinsi diikuti kabupaten/kotanya' : 'kabupaten/kota',
    ...(kabupatenNames.size
      ? [
          `${kabupatenNames.size} nama tanpa awalan dibaca sebagai kabupaten karena kolom yang sama memuat "Kota <nama>"`,
        ]
      : []),
  ];
  return {
    levels,
    carry: mixed && !options.parentColumn,
    kabupatenNames,
    recognised,
    note: parts.join('; '),
  };
}
