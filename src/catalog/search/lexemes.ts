/**
 * Words → lexemes as PostgreSQL's `indonesian` text-search configuration makes them, for the
 * in-process index: ASCII words are stemmed with the same Snowball Indonesian stemmer
 * (`membangun` and `Pembangunan` → `bangun`; checked equal to PostgreSQL's on ~100k affixed
 * forms), words with digits are kept as they are, and there are no stop words.
 *
 * Known differences from PostgreSQL's parser, all on the document side: accents are folded
 * (`café` → `cafe`, as the query side already does), and text PostgreSQL reads as a special
 * token (URL, e-mail, host, file name, signed number `-19`, decimal `1.5`) is split into its
 * words here, so such words are found where PostgreSQL would not find them.
 */
import { stemmer } from '@orama/stemmers/indonesian';

const stems = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

/** The lexeme of one lowercase [a-z0-9]+ word. */
export function lexeme(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size >= STEM_CACHE_MAX) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** Lowercase, accents folded, split on anything but a–z and 0–9 (as `queryWords` does). */
export function words(text: string): string[] {
  let t = text.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range
  if (!/^[\x00-\x7f]*$/.test(t)) t = t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return t.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/**
 * Words the typo correction may suggest, as `reindexDatasets` collects them into
 * `search_word`: lower(title, tags, the first 5000 characters of notes), split on anything but
 * a–z and 0–9, 4 to 40 characters.
 */
export function vocabularyWords(title: string, tags: readonly string[], notes: string): string[] {
  const text = `${title} ${tags.join(' ')} ${notes.slice(0, 5000)}`.toLowerCase();
  return text.split(/[^a-z0-9]+/).filter((w) => w.length >= 4 && w.length <= 40);
}

/** pg_trgm's trigrams of one [a-z0-9]+ word: padded "  word ", every three characters, unique. */
export function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

/** pg_trgm's similarity (a float4 in PostgreSQL, so rounded the same way). */
export const similarity = (shared: number, a: number, b: number): number =>
  Math.fround(shared / (a + b - shared));
