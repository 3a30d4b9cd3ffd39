/**
 * Text normalising for region names: case, accents, punctuation and spacing go; common abbreviations
 * are spelled out; a leading level word ("Kab.", "Kota Adm.", "Provinsi", "Kec.", "Desa") is recognised.
 * The same functions build the index and read the queries, so both sides always agree.
 */
import type { RegionKind, RegionLevel } from './types.js';

/** Abbreviations spelled out anywhere in a name (both in the reference names and in queries). */
const WORDS: Readonly<Record<string, string>> = {
  kep: 'kepulauan',
  kepl: 'kepulauan',
  tg: 'tanjung',
  tj: 'tanjung',
  tjg: 'tanjung',
  kp: 'kampung',
  kpg: 'kampung',
  ps: 'pasar',
  psr: 'pasar',
  sei: 'sungai',
  gn: 'gunung',
  sumatra: 'sumatera',
};

/** Abbreviations of level words, spelled out in the first two words only. */
const LEADING: Readonly<Record<string, string>> = {
  kab: 'kabupaten',
  kabupaten: 'kabupaten',
  adm: 'administrasi',
  administratif: 'administrasi',
  kodya: 'kota',
  kotamadya: 'kota',
  kotamadia: 'kota',
  prov: 'provinsi',
  prop: 'provinsi',
  propinsi: 'provinsi',
  kec: 'kecamatan',
  kel: 'kelurahan',
  ds: 'desa',
};

export interface LevelPrefix {
  readonly level: Exclude<RegionLevel, 'country'>;
  readonly kind?: RegionKind;
  /** How many words the prefix takes. */
  readonly words: number;
}

/** Level words, longest first within each first word. */
const PREFIXES: readonly [readonly string[], Omit<LevelPrefix, 'words'>][] = [
  [['kabupaten', 'administrasi'], { level: 'regency', kind: 'kabupaten' }],
  [['kabupaten'], { level: 'regency', kind: 'kabupaten' }],
  [['kota', 'administrasi'], { level: 'regency', kind: 'kota' }],
  [['kota', 'madya'], { level: 'regency', kind: 'kota' }],
  [['kota'], { level: 'regency', kind: 'kota' }],
  [['provinsi'], { level: 'province' }],
  [['kecamatan'], { level: 'district' }],
  [['distrik'], { level: 'district' }],
  [['kapanewon'], { level: 'district' }],
  [['kemantren'], { level: 'district' }],
  [['kelurahan'], { level: 'village', kind: 'kelurahan' }],
  [['desa', 'adat'], { level: 'village', kind: 'desa' }],
  [['desa'], { level: 'village', kind: 'desa' }],
  [['kampung'], { level: 'village', kind: 'desa' }],
  [['nagari'], { level: 'village', kind: 'desa' }],
  [['gampong'], { level: 'village', kind: 'desa' }],
  [['pekon'], { level: 'village', kind: 'desa' }],
];

/** Lower case, no accents, apostrophes dropped, every other non-alphanumeric run one space. */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words of a name with abbreviations spelled out. */
export function words(raw: string): string[] {
  const out = cleanText(raw)
    .split(' ')
    .filter((w) => w.length > 0);
  for (let i = 0; i < out.length; i++) {
    const w = out[i]!;
    out[i] = (i < 2 ? LEADING[w] : undefined) ?? WORDS[w] ?? w;
  }
  return out;
}

/** The key names are compared on: the words joined without spaces ("Bandung Barat" = "Bandungbarat"). */
export const keyOf = (ws: readonly string[]): string => ws.join('');

/** The key of a whole name. */
export const nameKey = (raw: string): string => keyOf(words(raw));

/** The level word a name starts with, if any (never the whole name: "Kelurahan" alone is a name). */
export function leadingPrefix(ws: readonly string[]): LevelPrefix | undefined {
  for (const [seq, p] of PREFIXES) {
    if (ws.length > seq.length && seq.every((w, i) => ws[i] === w)) return { ...p, words: seq.length };
  }
  return undefined;
}

/** A name taken apart: its full key, and its level word and the key of the rest when it has one. */
export interface ParsedName {
  readonly words: readonly string[];
  readonly full: string;
  readonly prefix?: LevelPrefix;
  /** Key without the level word; equals `full` when there is none. */
  readonly core: string;
}

export function parseName(raw: string): ParsedName {
  const ws = words(raw);
  const prefix = leadingPrefix(ws);
  const full = keyOf(ws);
  if (!prefix) return { words: ws, full, core: full };
  return { words: ws, full, prefix, core: keyOf(ws.slice(prefix.words)) };
}

/** Level words glued to the name ("KOTABANDUNG", "Kab.Bandung" is fine already): split them off. */
export function unglue(full: string): { prefix: LevelPrefix; core: string } | undefined {
  for (const [seq, p] of PREFIXES) {
    const head = seq.join('');
    if (full.length > head.length + 2 && full.startsWith(head)) {
      return { prefix: { ...p, words: seq.length }, core: full.slice(head.length) };
    }
  }
  return undefined;
}

const NUMERAL = /^(\d+|[ivx]{1,5}|satu|dua|tiga|empat)$/;

/**
 * The numbering words of a name ("Malanuza I", "Biwage 2", "Tounelet Satu"), which tell sibling
 * units apart: a typo match must keep them exactly.
 */
export const numeralsOf = (ws: readonly string[]): string => ws.filter((w) => NUMERAL.test(w)).join(' ');
