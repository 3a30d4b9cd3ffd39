/**
 * Region maps (GeoJSON boundaries of provinces or regencies) for map tiles: reading a file,
 * matching each feature's code property to a Kemendagri region of the map's level, and setting
 * `properties.kode` to the dotted code. Codes are accepted as `32`, `3204`, `32.04`, as
 * numbers or strings (and the float damage of spreadsheets: `32.1` for `32.10`, `3204.0`).
 * Features whose code is no region of that level are reported by index and value; a file with
 * no match at all is refused.
 */
import { createHash } from 'node:crypto';
import type { Services } from '../actions/types.js';
import { validation } from '../core/errors.js';

export type MapLevel = 'province' | 'regency';

/** The dotted Kemendagri code of a raw code value at a level, or null when it cannot be one. */
export function normaliseCode(raw: unknown, level: MapLevel): string | null {
  let s: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) return null;
    s = Number.isInteger(raw) ? String(raw) : raw.toFixed(2);
  } else if (typeof raw === 'string') s = raw.trim();
  else return null;
  s = s.replace(/\.0+$/, '');
  if (level === 'province') return /^\d{2}$/.test(s) ? s : null;
  let m = /^(\d{2})\.?(\d{2})$/.exec(s);
  if (m) return `${m[1]}.${m[2]}`;
  m = /^(\d{2})\.(\d)$/.exec(s);
  return m ? `${m[1]}.${m[2]}0` : null;
}

export interface Unmatched {
  readonly index: number;
  readonly value: unknown;
}

export interface PreparedMap {
  readonly geojson: string;
  readonly etag: string;
  readonly featureCount: number;
  readonly matched: number;
  readonly unmatched: readonly Unmatched[];
}

interface Feature {
  type: 'Feature';
  properties?: Record<string, unknown> | null;
  geometry: unknown;
}

/** Reads and checks a GeoJSON text; `field` names the input in errors. */
export async function prepareMap(
  services: Services,
  text: string,
  level: MapLevel,
  codeProperty: string,
  field = 'upload_id',
): Promise<PreparedMap> {
  let doc: { type?: unknown; features?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (e) {
    throw validation({ [field]: [`not JSON: ${(e as Error).message}`] });
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    throw validation({ [field]: ['not a GeoJSON FeatureCollection'] });
  const known = new Set(
    (
      await services.catalog.db
        .selectFrom('region')
        .select('code')
        .where('level', '=', level === 'province' ? 1 : 2)
        .execute()
    ).map((r) => r.code),
  );
  const unmatched: Unmatched[] = [];
  const features = (doc.features as Feature[]).map((f, index) => {
    const value = f?.properties?.[codeProperty];
    const code = normaliseCode(value, level);
    if (!code || !known.has(code)) {
      unmatched.push({ index, value: value ?? null });
      return f;
    }
    return { ...f, properties: { ...(f.properties ?? {}), kode: code } };
  });
  const matched = features.length - unmatched.length;
  if (matched === 0)
    throw validation({
      code_property: [
        `no feature's ${JSON.stringify(codeProperty)} is a Kemendagri ${level} code` +
          (unmatched[0] ? ` (feature 0 has ${JSON.stringify(unmatched[0].value)})` : ''),
      ],
    });
  const geojson = JSON.stringify({ type: 'FeatureCollection', features });
  return {
    geojson,
    etag: `"${createHash('sha256').update(geojson).digest('hex').slice(0, 32)}"`,
    featureCount: features.length,
    matched,
    unmatched,
  };
}
