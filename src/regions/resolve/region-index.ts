/**
 * The in-memory index the resolver reads: regions by code, by normalised name per level, by parent, and
 * by name length for typo search. Built once from reference records (see `load.ts` for the singleton).
 */
import { PROVINCE_ALIASES } from './aliases.js';
import { FuzzyBucket } from './fuzzy.js';
import { nameKey, numeralsOf, parseName } from './normalize.js';
import { kindOfCode, LEVELS, type RegionKind, type RegionLevel, type RegionRecord } from './types.js';

export interface IndexedRegion extends RegionRecord {
  readonly kind?: RegionKind;
  /** Key of the whole official name, and of the name without its level word ("Kota", "Kabupaten"). */
  readonly key: string;
  readonly core: string;
  /** Its numbering words ("ii" in "Air Molek II"), which typo matching must keep. */
  readonly numerals: string;
}

/** How a key reaches a region: its whole name, its name without the level word, or an alias. */
export type KeyKind = 'exact' | 'core' | 'alias';

export interface Posting {
  readonly region: IndexedRegion;
  readonly via: KeyKind;
}

export interface FuzzyHit {
  readonly region: IndexedRegion;
  readonly distance: number;
}

type SubLevel = Exclude<RegionLevel, 'country'>;

/** Levels indexed when the index is built; districts and villages (nine in ten records) on first use. */
const UPPER = new Set<string>(['country', 'province', 'regency']);

export class RegionIndex {
  private readonly byCode = new Map<string, IndexedRegion>();
  private readonly names = new Map<SubLevel, Map<string, Posting[]>>();
  private readonly children = new Map<string, IndexedRegion[]>();
  private readonly lengths = new Map<SubLevel, Map<number, FuzzyBucket<IndexedRegion>>>();
  private readonly scoped = new Map<string, FuzzyBucket<IndexedRegion>>();

  /** District and village records (and where to read more of them), until they are indexed. */
  private lower: (() => readonly RegionRecord[]) | undefined;

  private constructor(records: readonly RegionRecord[], more?: () => readonly RegionRecord[]) {
    for (const level of LEVELS as SubLevel[]) {
      this.names.set(level, new Map());
      this.lengths.set(level, new Map());
    }
    const lower: RegionRecord[] = [];
    for (const r of records) if (!UPPER.has(r.level)) lower.push(r);
    this.add(lower.length === records.length ? [] : records.filter((r) => UPPER.has(r.level)));
    this.lower = more ? () => [...lower, ...more()] : () => lower;
  }

  /** Reads and indexes the districts and villages, once (a regency column never needs them). */
  private full(): this {
    const lower = this.lower;
    if (lower !== undefined) {
      this.lower = undefined;
      this.add(lower());
    }
    return this;
  }

  private add(records: readonly RegionRecord[]): void {
    for (const r of records) {
      if (r.level === 'country') continue;
      const parsed = parseName(r.name);
      const prefixFits = parsed.prefix?.level === r.level;
      const region: IndexedRegion = {
        ...r,
        kind: kindOfCode(r.code),
        key: parsed.full,
        core: prefixFits ? parsed.core : parsed.full,
        numerals: numeralsOf(parsed.words),
      };
      this.byCode.set(r.code, region);
      this.post(region, region.key, 'exact');
      if (region.core !== region.key) this.post(region, region.core, 'core');
      // BPS often drops a regency's leading "Kepulauan" ("Siau Tagulandang Biaro", "Selayar").
      if (r.level === 'regency' && region.core.startsWith('kepulauan') && region.core.length > 13) {
        this.post(region, region.core.slice('kepulauan'.length), 'core');
      }
      if (r.level === 'province') {
        for (const alias of PROVINCE_ALIASES[r.code] ?? []) this.post(region, nameKey(alias), 'alias');
      }
      if (r.parent !== null) {
        const list = this.children.get(r.parent);
        if (list) list.push(region);
        else this.children.set(r.parent, [region]);
      }
    }
  }

  get size(): number {
    return this.full().byCode.size;
  }

  /**
   * An index over any reference records (idn-area-data by default; other sources in tests);
   * `lower`, when given, adds district and village records read on the first lookup needing them.
   */
  static fromRecords(records: readonly RegionRecord[], lower?: () => readonly RegionRecord[]): RegionIndex {
    return new RegionIndex(records, lower);
  }

  /** The index as it must be to answer for `level`. */
  private at(level: string): this {
    return UPPER.has(level) ? this : this.full();
  }

  get(code: string): IndexedRegion | undefined {
    return this.byCode.get(code) ?? this.full().byCode.get(code);
  }

  /** Every region of a level, in code order of the input. */
  *all(level: SubLevel): IterableIterator<IndexedRegion> {
    for (const r of this.at(level).byCode.values()) if (r.level === level) yield r;
  }

  /** Regions of `level` reached by a name key. */
  lookup(level: SubLevel, key: string): readonly Posting[] {
    return this.at(level).names.get(level)?.get(key) ?? [];
  }

  /** Direct children of a code (provinces' regencies, …). */
  childrenOf(code: string): readonly IndexedRegion[] {
    const region = this.byCode.get(code);
    // A province's children are regencies; anything below has districts or villages.
    return (region?.level === 'province' ? this : this.full()).children.get(code) ?? [];
  }

  /**
   * Regions of `level` within `maxDistance` edits of `key`, over their whole names and their names
   * without the level word; within `scope` (a code above `level`) when given.
   */
  fuzzy(level: SubLevel, key: string, maxDistance: number, scope?: string): FuzzyHit[] {
    const best = new Map<string, FuzzyHit>();
    const found = (region: IndexedRegion, distance: number) => {
      const seen = best.get(region.code);
      if (!seen || distance < seen.distance) best.set(region.code, { region, distance });
    };
    if (scope !== undefined) {
      this.scopedBucket(level, scope).scan(key, maxDistance, found);
    } else {
      const buckets = this.at(level).lengths.get(level)!;
      for (let len = key.length - maxDistance; len <= key.length + maxDistance; len++) {
        buckets.get(len)?.scan(key, maxDistance, found);
      }
    }
    return [...best.values()].sort((a, b) => a.distance - b.distance);
  }

  private scopedBucket(level: SubLevel, scope: string): FuzzyBucket<IndexedRegion> {
    const id = `${level}@${scope}`;
    let bucket = this.scoped.get(id);
    if (!bucket) {
      const filled = new FuzzyBucket<IndexedRegion>();
      const stack = [scope];
      while (stack.length > 0) {
        for (const child of this.childrenOf(stack.pop()!)) {
          if (child.level !== level) stack.push(child.code);
          else for (const key of new Set([child.key, child.core])) filled.add(key, child);
        }
      }
      this.scoped.set(id, filled);
      bucket = filled;
    }
    return bucket;
  }

  private post(region: IndexedRegion, key: string, via: KeyKind): void {
    if (key.length === 0) return;
    const level = region.level as SubLevel;
    const map = this.names.get(level)!;
    const list = map.get(key);
    if (list?.some((p) => p.region.code === region.code)) return;
    if (list) list.push({ region, via });
    else map.set(key, [{ region, via }]);
    if (via === 'alias' && key.length < 6) return;
    const buckets = this.lengths.get(level)!;
    let bucket = buckets.get(key.length);
    if (!bucket) {
      bucket = new FuzzyBucket<IndexedRegion>();
      buckets.set(key.length, bucket);
    }
    bucket.add(key, region);
  }
}
