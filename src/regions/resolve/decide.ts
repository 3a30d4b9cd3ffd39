/**
 * Choosing among candidates: the kind a prefix names, the parent, whole names over names without their
 * level word, an opt-in bare-name convention. One candidate left resolves; several are reported, never
 * picked.
 */
import { SPLIT_FROM } from './aliases.js';
import type { IndexedRegion } from './region-index.js';
import {
  type BareNameConvention,
  isWithin,
  levelRank,
  type MatchMethod,
  type RegionCandidate,
  type RegionKind,
  type RegionLevel,
  type RegionMatch,
} from './types.js';

export interface Cand {
  readonly region: IndexedRegion;
  readonly score: number;
  readonly method: MatchMethod;
  readonly reason?: string;
}

export interface DecideContext {
  readonly parent?: string;
  /** The kind the value's level word names, and the level it applies to. */
  readonly kind?: { readonly level: RegionLevel; readonly kind: RegionKind };
  readonly bare?: BareNameConvention;
}

export interface Decision {
  readonly match?: RegionMatch;
  /** Candidates the parent or the kind ruled out, to explain an unresolved value. */
  readonly excluded: readonly Cand[];
}

const scaled = (c: Cand, factor: number, reason?: string): Cand => ({
  ...c,
  score: Math.round(c.score * factor * 100) / 100,
  ...(reason && { reason }),
});

/** Candidates compatible with the parent: inside it, or the parent itself or above it (a total row). */
export function withinParent(
  cands: readonly Cand[],
  parent: string | undefined,
): { kept: Cand[]; lineage: boolean } {
  if (parent === undefined) return { kept: [...cands], lineage: false };
  const kept = cands.filter((c) => isWithin(c.region.code, parent) || isWithin(parent, c.region.code));
  if (kept.length > 0 || parent.length !== 2) return { kept, lineage: false };
  const split = cands
    .filter((c) => SPLIT_FROM[c.region.code.slice(0, 2)] === parent)
    .map((c) =>
      scaled(c, 0.9, `listed under ${parent}, which province ${c.region.code.slice(0, 2)} was split from`),
    );
  return { kept: split, lineage: split.length > 0 };
}

export function toCandidate(c: Cand): RegionCandidate {
  return { code: c.region.code, name: c.region.name, level: c.region.level, score: c.score };
}

export function dedupe(cands: readonly Cand[]): Cand[] {
  const best = new Map<string, Cand>();
  for (const c of cands) {
    const seen = best.get(c.region.code);
    if (!seen || c.score > seen.score) best.set(c.region.code, c);
  }
  return [...best.values()];
}

/** The kind named by a prefix: a hard filter for kabupaten/kota, a preference for kelurahan/desa. */
function byKind(cands: Cand[], ctx: DecideContext): { kept: Cand[]; excluded: Cand[] } {
  const k = ctx.kind;
  if (!k) return { kept: cands, excluded: [] };
  // A candidate whose whole name matched carries the level word in its name ("Kampung Dalam").
  const applies = (c: Cand) =>
    c.region.level === k.level && c.region.kind !== undefined && c.method !== 'exact';
  const fits = (c: Cand) => !applies(c) || c.region.kind === k.kind;
  const kept = cands.filter(fits);
  const excluded = cands.filter((c) => !fits(c));
  if (k.level !== 'village' || excluded.length === 0 || kept.some(applies)) return { kept, excluded };
  return {
    kept: cands.map((c) =>
      applies(c) ? scaled(c, 0.9, `listed as ${k.kind}, coded as ${c.region.kind}`) : c,
    ),
    excluded: [],
  };
}

/** Per level, only the best-scored candidates (a whole-name match beats a match without the level word). */
function bestPerLevel(cands: Cand[]): Cand[] {
  const top = new Map<RegionLevel, number>();
  for (const c of cands) top.set(c.region.level, Math.max(top.get(c.region.level) ?? 0, c.score));
  return cands.filter((c) => c.score >= (top.get(c.region.level) ?? 0));
}

export function decide(input: readonly Cand[], ctx: DecideContext, method?: MatchMethod): Decision {
  const all = dedupe(input);
  const { kept: inParent, lineage } = withinParent(all, ctx.parent);
  const kinds = byKind(inParent, ctx);
  const outside = all.filter((c) => !inParent.some((k) => k.region.code === c.region.code));
  const excluded = [...kinds.excluded, ...outside];
  if (kinds.kept.length === 0) return { excluded };
  let kept = bestPerLevel(kinds.kept);
  const narrowedByParent =
    ctx.parent !== undefined && kept.length === 1 && bestPerLevel(byKind(all, ctx).kept).length > 1;
  let byConvention = false;
  if (kept.length > 1 && ctx.bare && !(ctx.kind?.level === 'regency')) {
    const preferred = kept.filter((c) => c.region.level !== 'regency' || c.region.kind === ctx.bare);
    if (preferred.length > 0 && preferred.length < kept.length) {
      kept = preferred;
      byConvention = true;
    }
  }
  if (kept.length === 1) {
    const c = kept[0]!;
    const how: MatchMethod = byConvention
      ? 'prefix'
      : narrowedByParent && !lineage
        ? 'parent'
        : (method ?? c.method);
    return {
      excluded,
      match: {
        status: 'resolved',
        code: c.region.code,
        name: c.region.name,
        level: c.region.level,
        confidence: byConvention ? Math.min(c.score, 0.9) : c.score,
        method: how,
        ...(byConvention && { reason: `bare name read as ${ctx.bare} (bareNameMeans)` }),
        ...(c.reason && { reason: c.reason }),
      },
    };
  }
  kept.sort((a, b) => b.score - a.score || levelRank(a.region.level) - levelRank(b.region.level));
  return {
    excluded,
    match: {
      status: 'ambiguous',
      confidence: Math.round((kept[0]!.score / kept.length) * 100) / 100,
      method: method ?? kept[0]!.method,
      candidates: kept.slice(0, 12).map(toCandidate),
      reason: `${kept.length} regions match`,
    },
  };
}
