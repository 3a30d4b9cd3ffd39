/**
 * What an import decides between reading the evidence and converting: each field's type
 * (inferred, then overridden by the options and the Table Schema), the region columns, and the
 * stored columns. Shared by the streaming path (import.ts) and the DuckDB path (fast/).
 */
import { validation } from '../../core/errors.js';
import { translateReasons } from '../../i18n/messages.js';
import type { Crosswalk } from '../../regions/crosswalk/crosswalk.js';
import type { RegionMatch } from '../../regions/resolve/index.js';
import { storageType } from './convert.js';
import { inferType } from './infer.js';
import { fieldNames } from './names.js';
import type { ColumnProfile } from './profile.js';
import {
  headerLevel,
  headerPrefix,
  looksLikeRegionHeader,
  RegionColumn,
  type RegionColumnOptions,
} from './regions.js';
import { applySchema, type TableSchema } from './schema.js';
import type { SinkColumn } from './sink.js';
import type { FieldPlan, FieldType, Issue } from './types.js';

export interface PlanOptions {
  readonly types?: Readonly<Record<string, FieldType>>;
  readonly schema?: TableSchema;
  readonly regions?: readonly RegionColumnOptions[];
  readonly autoRegions?: boolean;
  /** Hand-chosen codes per region column (header or field name): value as written → Kemendagri code. */
  readonly regionChoices?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** BPS–Kemendagri crosswalk: BPS codes in region columns convert, and a `<region>_kode_bps` column is added. */
  readonly crosswalk?: Crosswalk;
}

export interface RegionField {
  readonly field: FieldPlan;
  readonly region: RegionColumn;
  readonly parent?: FieldPlan;
  /**
   * A kecamatan or desa column's higher region fields (indexes into `regionFields`), the most
   * specific first: in each row, the first of them resolved is the parent.
   */
  readonly within?: readonly number[];
}

const RANK: Record<string, number> = { province: 1, regency: 2, district: 3, village: 4 };

/** The level a region field holds: its own (kecamatan, desa), else province or regency by its plan and header. */
function levelOf({ field, region }: RegionField): 'province' | 'regency' | 'district' | 'village' {
  if (region.options.level) return region.options.level;
  if (region.plan.levels.length === 1 && region.plan.levels[0] === 'province') return 'province';
  return headerLevel(field.title) === 'province' ? 'province' : 'regency';
}

/**
 * How well a higher region column `title` pairs with the kecamatan or desa column `own`: the
 * length of the start their headers share before the level word, then a name column (`nama`)
 * before a code column.
 */
function pairScore(own: string, title: string): number {
  const prefix = headerPrefix(own).toLowerCase();
  const other = headerPrefix(title).toLowerCase();
  let n = 0;
  while (n < prefix.length && n < other.length && prefix[n] === other[n]) n++;
  return n * 2 + (/nama|name/i.test(title) ? 1 : 0);
}

/** The kecamatan or desa level an explicit region column holds, by its options or its header. */
function lowerLevel(spec: RegionColumnOptions): 'district' | 'village' | undefined {
  const level = spec.level ?? headerLevel(spec.column);
  return level === 'district' || level === 'village' ? level : undefined;
}

/** The columns explicit region options name: each region column and its parent column. */
const namedColumns = (explicit: readonly RegionColumnOptions[]): string[] =>
  explicit.flatMap((r) => [r.column, ...(r.parentColumn ? [r.parentColumn] : [])]);

/**
 * A kecamatan or desa column named explicitly (`--region-column desa`) still resolves under the
 * file's higher region columns, as a detected one does: per level above it that no named column
 * holds, the region header (among `titles`, those `eligible`) that pairs best with it joins the
 * region columns. Their titles, in the order found.
 */
function impliedAncestors(
  explicit: readonly RegionColumnOptions[],
  titles: readonly string[],
  eligible: (title: string) => boolean,
): string[] {
  // A column is named by its header or its field name.
  const names = fieldNames(titles);
  const given = new Set(namedColumns(explicit));
  const named = (title: string) => given.has(title) || given.has(names[titles.indexOf(title)] as string);
  const taken = new Set<string>();
  const levels = new Set(
    explicit.map((spec) => spec.level ?? headerLevel(spec.column)).filter((l) => l !== undefined),
  );
  const found: string[] = [];
  for (const spec of explicit) {
    const own = lowerLevel(spec);
    if (!own) continue;
    for (const level of ['district', 'regency', 'province'] as const) {
      if ((RANK[level] as number) >= (RANK[own] as number) || levels.has(level)) continue;
      let best: string | undefined;
      let bestScore = -1;
      for (const title of titles) {
        if (headerLevel(title) !== level || named(title) || !eligible(title)) continue;
        const score = pairScore(spec.column, title);
        if (score > bestScore) {
          best = title;
          bestScore = score;
        }
      }
      if (best !== undefined && !taken.has(best)) {
        taken.add(best);
        found.push(best);
      }
    }
  }
  return found;
}

/**
 * Gives each kecamatan and desa field its higher region fields, one per level above it: of several
 * (`bps_nama_kecamatan`, `kemendagri_nama_kecamatan`), the one whose header starts as its own does,
 * then a name column (`nama`) before a code column.
 */
function withAncestors(regionFields: readonly RegionField[]): RegionField[] {
  return regionFields.map((rf) => {
    const own = levelOf(rf);
    if (own !== 'district' && own !== 'village') return rf;
    const within: number[] = [];
    for (const level of ['district', 'regency', 'province'] as const) {
      if ((RANK[level] as number) >= (RANK[own] as number)) continue;
      let best = -1;
      let bestScore = -1;
      regionFields.forEach((other, i) => {
        if (other === rf || levelOf(other) !== level) return;
        const score = pairScore(rf.field.title, other.field.title);
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      });
      if (best >= 0) within.push(best);
    }
    return within.length ? { ...rf, within } : rf;
  });
}

/** Region fields in the order they resolve in a row: higher levels before the kecamatan and desa under them. */
export const resolutionOrder = (regionFields: readonly RegionField[]): number[] =>
  regionFields
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (RANK[levelOf(regionFields[a] as RegionField)] as number) -
        (RANK[levelOf(regionFields[b] as RegionField)] as number),
    );

export interface TablePlan {
  readonly fields: FieldPlan[];
  readonly regionFields: RegionField[];
  /** The fields, then `<region>_kode`, `<region>_nama_baku` (and `<region>_kode_bps`) per region field. */
  readonly columns: SinkColumn[];
  /** Columns added per region field: 2, or 3 with a crosswalk. */
  readonly regionWidth: number;
}

/** Types every field from its profile; overrides by header or field name, then the schema. */
export function planFields(
  titles: readonly string[],
  profiles: readonly ColumnProfile[],
  options: PlanOptions,
  notes: string[],
): FieldPlan[] {
  const names = fieldNames(titles);
  const fields: FieldPlan[] = titles.map((title, i) => {
    const inferred = inferType(title, profiles[i] as ColumnProfile);
    const override = options.types?.[title] ?? options.types?.[names[i] as string];
    return {
      name: names[i] as string,
      title,
      source: i,
      ...inferred,
      ...(override ? { type: override, reason: `ditetapkan pengguna: ${override}` } : {}),
    };
  });
  return options.schema ? applySchema(fields, options.schema, notes) : fields;
}

/** The fields whose header names a region level; before typing (the DuckDB path needs their distinct values). */
export function regionCandidates(titles: readonly string[], options: PlanOptions): string[] {
  if (!options.regions) return options.autoRegions === false ? [] : titles.filter(looksLikeRegionHeader);
  const named = namedColumns(options.regions);
  return [...named, ...impliedAncestors(options.regions, titles, looksLikeRegionHeader)];
}

/** Region columns: explicit, or headers naming a region level with mostly resolvable values. */
export async function planTable(
  titles: readonly string[],
  profiles: readonly ColumnProfile[],
  options: PlanOptions,
  notes: string[],
): Promise<TablePlan> {
  const fields = planFields(titles, profiles, options, notes);
  const isRegionText = (f: FieldPlan) => f.type === 'string' && looksLikeRegionHeader(f.title);
  const explicit = options.regions;
  const implied = explicit
    ? impliedAncestors(explicit, titles, (title) => fields.some((f) => f.title === title && isRegionText(f)))
    : [];
  const specs: readonly RegionColumnOptions[] = explicit
    ? [...explicit, ...implied.map((column) => ({ column }))]
    : options.autoRegions === false
      ? []
      : fields.filter(isRegionText).map((f) => ({ column: f.title }));
  const regionFields: RegionField[] = [];
  for (const spec of specs) {
    const field = fields.find((f) => f.title === spec.column || f.name === spec.column);
    if (!field)
      throw validation({
        region_column: [`"${spec.column}" is not a column of the file; columns: ${titles.join(', ')}`],
      });
    const parent = spec.parentColumn
      ? fields.find((f) => f.title === spec.parentColumn || f.name === spec.parentColumn)
      : undefined;
    const profile = profiles[field.source] as ColumnProfile;
    const choices = options.regionChoices?.[field.title] ?? options.regionChoices?.[field.name];
    // A kecamatan or desa header: that level only (a desa column is not a regency one).
    const named = headerLevel(field.title);
    const level = spec.level ?? (named === 'district' || named === 'village' ? named : undefined);
    const planned = { ...spec, ...(level ? { level } : {}) };
    const region = await RegionColumn.create(
      choices ? { ...planned, choices: { ...spec.choices, ...choices } } : planned,
      profile.distinctOverflow ? undefined : profile.distinct.keys(),
      options.crosswalk,
    );
    const detected = !explicit || implied.includes(spec.column);
    if (detected && region.plan.recognised < 0.5) {
      notes.push(
        `kolom "${field.title}" tidak dibaca sebagai wilayah: hanya ${Math.round(region.plan.recognised * 100)}% nilainya dikenali`,
      );
      continue;
    }
    if (explicit && detected)
      notes.push(
        `kolom "${field.title}" ikut dibaca sebagai wilayah: induk kolom kecamatan/desa yang disebut`,
      );
    notes.push(`wilayah "${field.title}": ${region.plan.note}`);
    regionFields.push({ field, region, ...(parent ? { parent } : {}) });
  }
  regionFields.splice(0, regionFields.length, ...withAncestors(regionFields));
  const reserved = new Set(fields.map((f) => f.name));
  const columns: SinkColumn[] = [
    ...fields.map((f) => ({ name: f.name, type: storageType(f) })),
    ...regionFields.flatMap(({ field }) =>
      fieldNames(
        [
          `${field.name}_kode`,
          `${field.name}_nama_baku`,
          ...(options.crosswalk ? [`${field.name}_kode_bps`] : []),
        ],
        reserved,
      ).map((name) => ({ name, type: 'text' as const })),
    ),
  ];
  return { fields, regionFields, columns, regionWidth: options.crosswalk ? 3 : 2 };
}

/** The region notes that close an import: how many rows resolved, were ambiguous, unresolved. */
export const regionNotes = (regionFields: readonly RegionField[]): string[] =>
  regionFields.map(({ field, region }) => {
    const s = region.stats;
    return `wilayah "${field.title}": ${s.resolved} dikenali, ${s.ambiguous} ambigu, ${s.unresolved} tidak dikenali`;
  });

/** The issue for a region value left without a code: ambiguous (with candidates) or unresolved. */
export function regionIssue(
  m: RegionMatch,
  value: string,
  field: FieldPlan,
  row: number,
  line: number,
): Issue {
  const candidates = m.candidates
    ?.slice(0, 4)
    .map((x) => `${x.name} (${x.code})`)
    .join(', ');
  return {
    code: m.status === 'ambiguous' ? 'region-ambiguous' : 'region-unresolved',
    row,
    line,
    field: field.name,
    column: field.source + 1,
    value,
    ...(m.status === 'ambiguous' && m.candidates
      ? { candidates: m.candidates.slice(0, 8).map((x) => ({ code: x.code, name: x.name, level: x.level })) }
      : {}),
    message:
      m.status === 'ambiguous'
        ? `"${value}" bisa berarti: ${candidates}`
        : `"${value}" tidak dikenali sebagai wilayah${m.reason ? ` (${translateReasons(m.reason, 'id')})` : ''}`,
  };
}
