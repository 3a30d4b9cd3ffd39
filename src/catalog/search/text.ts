/**
 * Free text → a PostgreSQL tsquery in Bahasa Indonesia. Each word is stemmed by the
 * `indonesian` configuration (so `membangun` finds `Pembangunan`); a word the catalog never
 * uses is widened with its closest known word by trigram similarity (so `kemiskinn` finds
 * `Kemiskinan`). Words are ANDed; a word and its correction are ORed.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { CatalogSchema } from '../schema.js';
import { words } from './lexemes.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

const MIN_SIMILARITY = 0.45;

/** The query's words (lowercase, accents folded, split on anything but a–z and 0–9), at most 12. */
export const queryWords = (text: string): string[] => words(text).slice(0, 12);

/** For each word not in the vocabulary, its closest known word (if close enough). */
export async function corrections(db: Db, words: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const candidates = words.filter((w) => w.length >= 4 && !/^\d+$/.test(w));
  if (candidates.length === 0) return out;
  const known = await db.selectFrom('search_word').select('word').where('word', 'in', candidates).execute();
  const present = new Set(known.map((k) => k.word));
  for (const w of candidates) {
    if (present.has(w)) continue;
    const best = await sql<{ word: string; s: number }>`
      SELECT word, similarity(word, ${w}) AS s FROM search_word
      WHERE word % ${w} ORDER BY s DESC, word LIMIT 1`.execute(db);
    const hit = best.rows[0];
    if (hit && hit.s >= MIN_SIMILARITY) out.set(w, hit.word);
  }
  return out;
}

/** The tsquery for the words, or null when there is no text to search. */
export function tsquery(
  words: readonly string[],
  fixes: ReadonlyMap<string, string>,
): RawBuilder<unknown> | null {
  if (words.length === 0) return null;
  const parts = words.map((w) => {
    const fix = fixes.get(w);
    const own = sql`plainto_tsquery('indonesian', ${w})`;
    return fix ? sql`(${own} || plainto_tsquery('indonesian', ${fix}))` : own;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}
