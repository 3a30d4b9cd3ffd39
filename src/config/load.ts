import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configError } from '../core/errors.js';
import { OutboundPolicy } from '../net/policy.js';
import { type ConfigValues, SETTINGS, type Setting } from './schema.js';

export type Config = Readonly<ConfigValues>;

type Source = Readonly<Record<string, string | undefined>>;

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

function parseValue(
  setting: Setting,
  raw: string,
): { ok: true; value: unknown } | { ok: false; why: string } {
  switch (setting.type) {
    case 'string':
      return { ok: true, value: raw };
    case 'path':
      return raw.trim() === '' ? { ok: false, why: 'must not be empty' } : { ok: true, value: resolve(raw) };
    case 'port': {
      const n = Number(raw);
      return Number.isInteger(n) && n >= 0 && n <= 65535 && raw.trim() !== ''
        ? { ok: true, value: n }
        : { ok: false, why: 'must be an integer port number 0–65535' };
    }
    case 'integer': {
      const n = Number(raw);
      return Number.isSafeInteger(n) && n > 0 && raw.trim() !== ''
        ? { ok: true, value: n }
        : { ok: false, why: 'must be a whole number above 0' };
    }
    case 'url':
      try {
        return { ok: true, value: new URL(raw).toString().replace(/\/$/, '') };
      } catch {
        return { ok: false, why: 'must be an absolute URL' };
      }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (TRUE.has(v)) return { ok: true, value: true };
      if (FALSE.has(v)) return { ok: true, value: false };
      return { ok: false, why: 'must be 1/0, true/false, yes/no or on/off' };
    }
    case 'hosts':
      try {
        OutboundPolicy.parse(raw);
        return { ok: true, value: raw.trim() || undefined };
      } catch (e) {
        return { ok: false, why: (e as Error).message.replace(/^[A-Z_]+: /, '') };
      }
    case 'enum':
      return setting.values?.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, why: `must be one of ${setting.values?.join(', ')}` };
  }
}

/** Reads an optional JSON config file whose keys are the environment variable names. */
function readFile(path: string): Source {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw configError(`config file ${path}: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw configError(`config file ${path}: must be a JSON object of SETTING: value`);
  }
  const out: Record<string, string> = {};
  const known = new Set(SETTINGS.map((s) => s.env));
  for (const [k, v] of Object.entries(parsed)) {
    if (!known.has(k)) throw configError(`config file ${path}: unknown setting ${k}`);
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw configError(`config file ${path}: ${k} must be a string, number or boolean`);
    }
    out[k] = String(v);
  }
  return out;
}

/**
 * Builds the configuration from the environment, over an optional JSON file named by
 * `KENDALI_CONFIG` (environment wins), over the defaults. Throws one CONFIG error listing
 * every bad value.
 */
export function loadConfig(env: Source = process.env): Config {
  const file = env.KENDALI_CONFIG ? readFile(env.KENDALI_CONFIG) : {};
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const s of SETTINGS) {
    const raw = env[s.env] !== undefined && env[s.env] !== '' ? env[s.env] : (file[s.env] ?? s.default);
    if (raw === undefined) {
      values[s.key] = undefined;
      continue;
    }
    const parsed = parseValue(s, raw);
    if (parsed.ok) values[s.key] = parsed.value;
    else problems.push(`${s.env}=${s.secret ? '***' : JSON.stringify(raw)} ${parsed.why}`);
  }
  if (problems.length > 0) throw configError(`invalid configuration: ${problems.join('; ')}`);
  const cfg = values as unknown as ConfigValues;
  if (cfg.baseUrl === undefined) {
    const host = cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host;
    cfg.baseUrl = `http://${host}:${cfg.port}`;
  }
  return Object.freeze(cfg);
}

/** The settings table as Markdown (for `kendali config --markdown` and docs/configuration.md). */
export function settingsTable(): string {
  const rows = SETTINGS.map(
    (s) =>
      `| \`${s.env}\` | ${s.type === 'enum' ? s.values?.join(' \\| ') : s.type} | ${s.default ?? '—'} | ${s.doc} |`,
  );
  return ['| variable | type | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
