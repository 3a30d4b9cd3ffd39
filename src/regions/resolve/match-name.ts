/**
 * Resolving a name, in tiers that stop at the first decision: the country; current names at the
 * requested levels; totals at other levels (a "Provinsi …" row in a regency column); former names;
 * typos; a region inside a longer label.
 */
import { COUNTRY, COUNTRY_NAMES } from './aliases.js';
import type { RegionChanges } from './changes.js';
import { type Cand, type DecideContext, decide, toCandidate } from './decide.js';
import { fuzzyConfidence, maxEdits } from './fuzzy.js';
import { matchLabel } from './label.js';
import { nameKey, numeralsOf, type ParsedName, parseName, unglue } from './normalize.js';
import type { Posting, RegionIndex } from './region-index.js';
import { levelRank, type RegionLevel, type RegionMatch, type ResolveOptions } from './types.js';

export interface Env {
  readonly index: RegionIndex;
  readonly changes?: RegionChanges;
}

type SubLevel = Exclude<RegionLevel, 'country'>;

const COUNTRY_KEYS = new Set(COUNTRY_NAMES.map(nameKey));
const DEFAULT_LEVELS: readonly SubLevel[] = ['province', 'regency'];

export const requestedLevels = (opts: ResolveOptions): SubLevel[] =>
  (opts.levels ?? DEFAULT_LEVELS).filter((l): l is SubLevel => l !== 'country');

export const unresolved = (
  reason: string,
  method: RegionMatch['method'] = 'exact',
  cands: readonly Cand[] = [],
): RegionMatch => ({
  status: 'unresolved',
  confidence: 0,
  method,
  reason,
  ...(cands.length > 0 && { candidates: cands.slice(0, 12).map(toCandidate) }),
});

function scored(p: Posting, viaPrefix: boolean): Cand {
  if (p.via === 'alias') return { region: p.region, score: viaPrefix ? 0.95 : 0.98, method: 'alias' };
  if (p.via === 'exact' && !viaPrefix) return { region: p.region, score: 1, method: 'exact' };
  return { region: p.region, score: 0.95, method: 'prefix' };
}

/** Candidates reached by the whole name, or by the name without its level word at that level. */
function byName(env: Env, levels: readonly SubLevel[], q: ParsedName, wholeNameVia?: 'no-core'): Cand[] {
  const out: Cand[] = [];
  for (const level of levels) {
    for (const p of env.index.lookup(level, q.full)) {
      if (wholeNameVia !== 'no-core' || p.via !== 'core') out.push(scored(p, false));
    }
    if (q.prefix?.level === level) for (const p of env.index.lookup(level, q.core)) out.push(scored(p, true));
  }
  return out;
}

function former(env: Env, levels: readonly SubLevel[], q: ParsedName): Cand[] {
  const out: Cand[] = [];
  for (const level of levels) {
    for (const key of new Set([q.full, q.core])) {
      for (const f of env.changes?.formerNames(level, key) ?? []) {
        const region = env.index.get(f.code);
        if (region) out.push({ region, score: 0.9, method: 'alias', reason: `former name "${f.former}"` });
      }
    }
  }
  return out;
}

function typos(
  env: Env,
  levels: readonly SubLevel[],
  q: ParsedName,
  ctx: DecideContext,
): RegionMatch | undefined {
  const hits: (Cand & { distance: number })[] = [];
  const numerals = numeralsOf(q.words);
  for (const level of levels) {
    const key = q.prefix?.level === level ? q.core : q.full;
    const max = maxEdits(key.length);
    if (max === 0) continue;
    const scope =
      ctx.parent !== undefined && levelRank(level) > ctx.parent.split('.').length ? ctx.parent : undefined;
    for (const h of env.index.fuzzy(level, key, max, scope)) {
      if (ctx.kind?.level === level && ctx.kind.kind === 'kota' && h.region.kind !== 'kota') continue;
      if (ctx.kind?.level === level && ctx.kind.kind === 'kabupaten' && h.region.kind !== 'kabupaten')
        continue;
      if (h.distance > maxEdits(Math.min(key.length, h.region.core.length))) continue;
      if (h.region.numerals !== numerals) continue;
      hits.push({
        region: h.region,
        distance: h.distance,
        score: fuzzyConfidence(h.distance, key.length),
        method: 'fuzzy',
      });
    }
  }
  if (hits.length === 0) return undefined;
  const d1 = Math.min(...hits.map((h) => h.distance));
  return decide(
    hits.filter((h) => h.distance === d1),
    ctx,
    'fuzzy',
  ).match;
}

export function matchName(
  env: Env,
  raw: string,
  opts: ResolveOptions,
  parent?: string,
  depth = 0,
): RegionMatch {
  const q = parseName(raw);
  if (q.full === '') return unresolved('no letters or digits');
  if (COUNTRY_KEYS.has(q.full)) {
    const method = q.full === 'indonesia' ? 'exact' : 'alias';
    return { status: 'resolved', ...COUNTRY, level: 'country', confidence: 1, method };
  }
  const levels = requestedLevels(opts);
  const ctx: DecideContext = {
    ...(parent !== undefined && { parent }),
    ...(q.prefix?.kind && { kind: { level: q.prefix.level, kind: q.prefix.kind } }),
    ...(opts.bareNameMeans && { bare: opts.bareNameMeans }),
  };
  const excluded: Cand[] = [];
  const attempt = (cands: readonly Cand[], context = ctx): RegionMatch | undefined => {
    const d = decide(cands, context);
    excluded.push(...d.excluded);
    return d.match;
  };
  let m = attempt(byName(env, levels, q));
  if (m) return m;
  const glued = q.prefix ? undefined : unglue(q.full);
  if (glued) {
    const gq: ParsedName = { ...q, prefix: glued.prefix, core: glued.core };
    const kind = glued.prefix.kind ? { kind: { level: glued.prefix.level, kind: glued.prefix.kind } } : {};
    m = attempt(byName(env, levels, gq), { ...ctx, ...kind });
    if (m) return m;
  }
  // Totals: a level word naming another level, or a province's whole name in a column without provinces.
  const other = q.prefix && !levels.includes(q.prefix.level) ? [q.prefix.level] : [];
  const upper: SubLevel[] = levels.includes('province') ? [] : ['province'];
  m = attempt([...byName(env, other, q), ...byName(env, upper, { ...q, prefix: undefined }, 'no-core')]);
  if (m) return m;
  if (env.changes) {
    m = attempt(former(env, levels, q));
    if (m) return m;
  }
  if (opts.fuzzy !== false) {
    m = typos(env, [...levels, ...other], q, ctx);
    if (m?.status === 'resolved' && excluded.length > 0) {
      const elsewhere = excluded[0]!.region;
      return {
        ...m,
        confidence: Math.round(m.confidence * 80) / 100,
        reason: `"${elsewhere.name}" (${elsewhere.code}) matches outside the parent`,
      };
    }
    if (m) return m;
  }
  if (opts.labels !== false && depth === 0) {
    m = matchLabel(env, raw, opts, parent);
    if (m) return m;
  }
  return unresolved(
    excluded.length > 0 ? 'matches only outside the given parent or kind' : 'no region of that name',
    opts.fuzzy === false ? 'exact' : 'fuzzy',
    excluded,
  );
}
