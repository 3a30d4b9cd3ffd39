/**
 * Resolving codes. A dotted code that exists resolves as itself; a removed one through the former-codes
 * table. Undotted codes are BPS's and go through the crosswalk, whose answer is checked against BPS's
 * name; two-digit codes are the same in both schemes except in Papua.
 */
import type { Crosswalk, CrosswalkEntry } from '../crosswalk/crosswalk.js';
import { type CodeInput, dotted } from './codes.js';
import { toCandidate } from './decide.js';
import { boundedDistance, maxEdits } from './fuzzy.js';
import { type Env, matchName, unresolved } from './match-name.js';
import { numeralsOf, parseName } from './normalize.js';
import type { IndexedRegion } from './region-index.js';
import { isWithin, parentOfCode, type RegionMatch, type ResolveOptions } from './types.js';

export interface CodeEnv extends Env {
  readonly crosswalk: Crosswalk;
  /** True when the crosswalk has more than the shipped province table. */
  readonly crosswalkLoaded: boolean;
}

const byCode = (r: IndexedRegion, confidence: number, reason?: string): RegionMatch => ({
  status: 'resolved',
  code: r.code,
  name: r.name,
  level: r.level,
  confidence,
  method: 'code',
  ...(reason && { reason }),
});

function kemendagri(env: CodeEnv, code: string, note?: string): RegionMatch {
  const region = env.index.get(code);
  if (region) return byCode(region, note ? 0.8 : 1, note);
  const next = env.changes?.successor(code);
  const successor = next === undefined ? undefined : env.index.get(next);
  if (successor) return byCode(successor, 0.9, `former code ${code}, now ${successor.code}`);
  if (env.changes?.wasRemoved(code))
    return unresolved(`code ${code} was removed and has no successor`, 'code');
  return unresolved(`no region has the Kemendagri code ${code}`, 'code');
}

/** BPS's (upper-case, truncated) name and the region's name say the same thing. */
export function namesAgree(bpsName: string, region: IndexedRegion): boolean {
  const q = parseName(bpsName);
  const kind = region.level === 'regency' && q.prefix?.level === 'regency' ? q.prefix.kind : undefined;
  if (kind !== undefined && kind !== region.kind) return false;
  const sameNumerals = numeralsOf(q.words) === region.numerals;
  for (const key of new Set([q.full, q.core])) {
    for (const target of new Set([region.key, region.core])) {
      if (key === target || (key.length >= 12 && target.startsWith(key))) return true;
      const max = maxEdits(Math.min(key.length, target.length));
      if (sameNumerals && max > 0 && boundedDistance(key, target, max) <= max) return true;
    }
  }
  return false;
}

/** Where to look for BPS's name when the crosswalk's code names another unit: BPS's own parent, crosswalked. */
function parentForName(env: CodeEnv, hit: CrosswalkEntry, opts: ResolveOptions): string | undefined {
  const bpsParent =
    hit.level === 'village' ? hit.bps.slice(0, 7) : hit.level === 'district' ? hit.bps.slice(0, 4) : '';
  const up = bpsParent ? env.crosswalk.toKemendagri(bpsParent) : undefined;
  if (up) {
    const m = viaCrosswalk(env, up, opts);
    if (m.status === 'resolved' && m.code !== undefined) return m.code;
  }
  const code = parentOfCode(hit.kemendagri);
  return code !== undefined && env.index.get(code) ? code : undefined;
}

function viaCrosswalk(env: CodeEnv, hit: CrosswalkEntry, opts: ResolveOptions): RegionMatch {
  const region = env.index.get(hit.kemendagri);
  const from = `BPS ${hit.bps} → ${hit.kemendagri}`;
  if (region && (hit.bpsName === undefined || namesAgree(hit.bpsName, region))) {
    return byCode(
      region,
      hit.bridging ? 0.95 : 1,
      hit.bridging ? `${from} (renumbered from ${hit.bridging})` : undefined,
    );
  }
  const named =
    hit.bpsName === undefined
      ? undefined
      : matchName(
          env,
          hit.bpsName,
          { ...opts, levels: [hit.level], labels: false },
          parentForName(env, hit, opts),
          1,
        );
  if (named?.status === 'resolved' && named.code !== undefined) {
    return {
      ...named,
      method: 'code',
      confidence: Math.min(0.9, named.confidence),
      reason: region
        ? `${from} names another unit; matched BPS name "${hit.bpsName}"`
        : `${from} is not in the reference data; matched BPS name "${hit.bpsName}"`,
    };
  }
  if (region && hit.current) {
    return byCode(
      region,
      0.85,
      `${from}: the crosswalk gives this current code though BPS calls it "${hit.bpsName}"`,
    );
  }
  if (region) {
    return {
      status: 'ambiguous',
      confidence: 0.4,
      method: 'code',
      candidates: [toCandidate({ region, score: 0.5, method: 'code' }), ...(named?.candidates ?? [])],
      reason: `${from} is "${region.name}" but BPS calls it "${hit.bpsName}"`,
    };
  }
  return unresolved(`${from}, which is not in the reference data`, 'code');
}

function province(env: CodeEnv, digits: string, opts: ResolveOptions, note?: string): RegionMatch {
  const asK = env.index.get(digits);
  const bps = env.crosswalk.toKemendagri(digits);
  const asB = bps ? env.index.get(bps.kemendagri) : undefined;
  const conf = note ? 0.8 : 1;
  if (opts.codeScheme === 'kemendagri') return asK ? byCode(asK, conf, note) : kemendagri(env, digits, note);
  if (opts.codeScheme === 'bps')
    return asB ? byCode(asB, conf, note) : unresolved(`no BPS province ${digits}`, 'code');
  if (asK && asB && asK.code !== asB.code) {
    return {
      status: 'ambiguous',
      confidence: 0.5,
      method: 'code',
      candidates: [asK, asB].map((region) => toCandidate({ region, score: 0.5, method: 'code' })),
      reason: `province ${digits} is ${asK.name} for Kemendagri and ${asB.name} for BPS: set codeScheme`,
    };
  }
  const one = asK ?? asB;
  return one ? byCode(one, conf, note) : unresolved(`no province has the code ${digits}`, 'code');
}

export function matchCode(
  env: CodeEnv,
  input: CodeInput,
  opts: ResolveOptions,
  parent?: string,
): RegionMatch {
  let m: RegionMatch;
  if (input.scheme === 'kemendagri') m = kemendagri(env, input.code, input.note);
  else if (input.scheme === 'province') m = province(env, input.digits, opts, input.note);
  else if (input.scheme === 'bps' && opts.codeScheme !== 'kemendagri') {
    const hit = env.crosswalk.toKemendagri(input.digits);
    if (hit) m = viaCrosswalk(env, hit, opts);
    else if (env.crosswalkLoaded) m = unresolved(`BPS code ${input.digits} is not in the crosswalk`, 'code');
    else {
      m = unresolved(
        `"${input.digits}" looks like a BPS code; undotted codes are not read as Kemendagri codes: load a BPS–Kemendagri crosswalk`,
        'code',
      );
    }
  } else {
    const digits = input.digits;
    const code = digits === undefined || opts.codeScheme !== 'kemendagri' ? undefined : dotted(digits);
    if (code !== undefined) m = kemendagri(env, code);
    else
      m = unresolved(
        input.scheme === 'malformed' ? input.reason : `"${digits}" is not a Kemendagri code`,
        'code',
      );
  }
  if (m.status !== 'resolved' || parent === undefined || m.code === undefined) return m;
  if (isWithin(m.code, parent) || isWithin(parent, m.code)) return m;
  return {
    ...m,
    confidence: Math.round(m.confidence * 80) / 100,
    reason: `${m.code} is outside the given parent ${parent}`,
  };
}
