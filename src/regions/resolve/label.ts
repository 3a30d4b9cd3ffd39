/**
 * Regions inside longer labels: "Kabupaten Bogor (Jawa Barat)", "Bogor, Jawa Barat", "Toba Samosir / Toba",
 * "Persentase Kab. Bogor". Tried only after the whole value failed; confidence is lowered and the
 * reason says what was taken from where.
 */
import { type Env, matchName } from './match-name.js';
import { cleanText, parseName } from './normalize.js';
import { isWithin, type RegionMatch, type ResolveOptions } from './types.js';

const lower = (m: RegionMatch, factor: number, reason: string): RegionMatch => ({
  ...m,
  confidence: Math.round(m.confidence * factor * 100) / 100,
  reason: m.reason ? `${reason}; ${m.reason}` : reason,
});

/** A parent named in the label, as a code, when it is compatible with the given parent. */
function hintParent(env: Env, hint: string, parent: string | undefined): string | undefined {
  const m = matchName(env, hint, { levels: ['province', 'regency', 'district'], labels: false }, parent, 1);
  if (m.status !== 'resolved' || m.code === undefined || m.level === 'country') return undefined;
  if (parent !== undefined && !isWithin(m.code, parent)) return undefined;
  return m.code;
}

function withHint(
  env: Env,
  name: string,
  hint: string,
  opts: ResolveOptions,
  parent?: string,
): RegionMatch | undefined {
  const hinted = hintParent(env, hint, parent);
  if (hinted === undefined) return undefined;
  const m = matchName(env, name, opts, hinted, 1);
  return m.status === 'unresolved'
    ? undefined
    : lower(m, 0.95, `parent "${hint.trim()}" taken from the label`);
}

function alternatives(
  env: Env,
  parts: readonly string[],
  opts: ResolveOptions,
  parent?: string,
): RegionMatch | undefined {
  const found = parts.map((p) => matchName(env, p, opts, parent, 1)).filter((m) => m.status !== 'unresolved');
  const codes = new Set(found.map((m) => (m.status === 'resolved' ? m.code : `?${m.candidates?.length}`)));
  if (found.length === 0) return undefined;
  if (codes.size === 1 && found[0]!.status === 'resolved') {
    const factor = found.length === parts.length ? 0.95 : 0.85;
    return lower(found[0]!, factor, 'one of the names in a label with "/"');
  }
  return {
    status: 'ambiguous',
    confidence: 0.3,
    method: found[0]!.method,
    candidates: found.flatMap((m) =>
      m.status === 'resolved'
        ? [{ code: m.code!, name: m.name!, level: m.level!, score: m.confidence }]
        : (m.candidates ?? []),
    ),
    reason: 'the names in a label with "/" disagree',
  };
}

/** A level word inside the label ("Persentase Kab. Bogor 2020"): the longest stretch from it that resolves. */
function embedded(env: Env, raw: string, opts: ResolveOptions, parent?: string): RegionMatch | undefined {
  const ws = cleanText(raw).split(' ');
  for (let i = 1; i < ws.length; i++) {
    const prefix = parseName(ws.slice(i).join(' ')).prefix;
    if (!prefix) continue;
    for (let end = ws.length; end > i + prefix.words; end--) {
      const part = ws.slice(i, end).join(' ');
      const m = matchName(env, part, opts, parent, 1);
      if (m.status === 'resolved') return lower(m, 0.85, `found inside the label "${raw.trim()}"`);
    }
  }
  return undefined;
}

export function matchLabel(
  env: Env,
  raw: string,
  opts: ResolveOptions,
  parent?: string,
): RegionMatch | undefined {
  const paren = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(raw);
  if (paren) {
    const m = withHint(env, paren[1]!, paren[2]!, opts, parent);
    if (m) return m;
  }
  const comma = raw.lastIndexOf(',');
  if (comma > 0) {
    const m = withHint(env, raw.slice(0, comma), raw.slice(comma + 1), opts, parent);
    if (m) return m;
  }
  if (raw.includes('/')) {
    const m = alternatives(env, raw.split('/'), opts, parent);
    if (m) return m;
  }
  return embedded(env, raw, opts, parent);
}
