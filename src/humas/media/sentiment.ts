/**
 * Indonesian sentiment of a headline or short text: positive, neutral or negative with a score
 * in −1…1. Words are scored from the AFINN-style lexicon of @nlpjs/lang-id (MIT) overridden by
 * Kendali's news lexicon (`lexicon.ts`); slang is normalised first; a negator (`tidak`, `tak`,
 * `bukan`, `belum`, `kurang`, `tanpa`, …) turns the next scored word within three words around
 * (`kurang` only weakens good words: `kurang gizi` stays bad); intensifiers strengthen it; and
 * movement words take their polarity from what moves (`kemiskinan turun` +, `ekspor turun` −).
 */
import { createRequire } from 'node:module';
import {
  BAD_QUANTITIES,
  DOWN_WORDS,
  GOOD_QUANTITIES,
  INTENSIFIERS,
  NEGATORS,
  NEWS_LEXICON,
  SLANG,
  SLANG_LEXICON,
  UP_WORDS,
} from './lexicon.js';
import { tokens } from './text.js';

export type Sentiment = 'positive' | 'neutral' | 'negative';

export interface SentimentResult {
  readonly sentiment: Sentiment;
  /** tanh of the summed word scores / 4: −1 (very negative) … 1 (very positive). */
  readonly score: number;
  /** The summed word scores. */
  readonly sum: number;
}

const AFINN = createRequire(import.meta.url)('@nlpjs/lang-id/src/sentiment/afinn_id.json') as Record<
  string,
  number
>;

/** The merged lexicon: AFINN-ID, then Kendali's slang words and news words on top. */
const LEXICON: ReadonlyMap<string, number> = new Map([
  ...Object.entries(AFINN),
  ...Object.entries(SLANG_LEXICON),
  ...Object.entries(NEWS_LEXICON),
]);

/** A summed score at least this far from zero is not neutral. */
export const THRESHOLD = 2;
const WINDOW = 4;
/** A negator turns the next scored word among the next two. */
const NEGATION_WINDOW = 2;
/** Words that strengthen the scored word before them (`keren banget`). */
const AFTER_INTENSIFIERS = new Set(['banget', 'sekali']);
/** Two-word names that are no judgement (`rumah sakit` is a hospital, not an illness). */
const COMPOUNDS: Readonly<Record<string, string>> = {
  'rumah sakit': 'rumah-sakit',
  'kepala sekolah': 'kepala-sekolah',
  'gizi buruk': 'gizi-buruk',
  'panen raya': 'panen-raya',
  'kredit macet': 'kredit-macet',
  'kurang mampu': 'miskin',
};

function lookup(w: string): number {
  const s = LEXICON.get(w);
  if (s !== undefined) return s;
  // -nya, -lah, -kah: `manfaatnya` is `manfaat`
  const stem = w.replace(/(nya|lah|kah)$/, '');
  return stem !== w && stem.length > 3 ? (LEXICON.get(stem) ?? 0) : 0;
}

/**
 * The score of a movement word at `i` from the quantity that moves (up to four words before
 * it, or two after), and where that quantity is: the words between are its name (`kasus demam
 * berdarah turun`), judged by the movement, not on their own.
 */
function movement(words: readonly string[], i: number, up: boolean): { score: number; from: number } {
  const verdict = (w: string) =>
    BAD_QUANTITIES.has(w) ? (up ? -2 : 2) : GOOD_QUANTITIES.has(w) ? (up ? 2 : -2) : 0;
  for (let j = i - 1; j >= Math.max(0, i - WINDOW); j--) {
    const v = verdict(words[j] as string);
    if (v !== 0) return { score: v, from: j };
  }
  for (let j = i + 1; j <= Math.min(words.length - 1, i + 3); j++) {
    const v = verdict(words[j] as string);
    if (v !== 0) return { score: v, from: i };
  }
  return { score: 0, from: i };
}

function joinCompounds(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = COMPOUNDS[`${words[i]} ${words[i + 1]}`];
    if (pair) {
      out.push(pair);
      i++;
    } else out.push(words[i] as string);
  }
  return out;
}

/** The standard words of `text`: lower case, slang normalised. */
export const normalisedWords = (text: string): string[] => tokens(text).map((t) => SLANG[t] ?? t);

export function sentimentOf(text: string): SentimentResult {
  const words = joinCompounds(normalisedWords(text));
  const scores: number[] = [];
  let negator: string | undefined;
  let negatorLeft = 0;
  let boost = 1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (NEGATORS.has(w)) {
      negator = w;
      negatorLeft = NEGATION_WINDOW;
      continue;
    }
    const intensity = INTENSIFIERS[w];
    if (intensity !== undefined) {
      boost = intensity;
      continue;
    }
    if (AFTER_INTENSIFIERS.has(w)) {
      for (let j = i - 1; j >= 0; j--)
        if (scores[j]) {
          scores[j] = (scores[j] as number) * 1.5;
          break;
        }
      continue;
    }
    let s: number;
    if (UP_WORDS.has(w) || DOWN_WORDS.has(w)) {
      const moved = movement(words, i, UP_WORDS.has(w));
      s = moved.score;
      if (s !== 0) for (let j = moved.from; j < i; j++) scores[j] = 0;
    } else s = lookup(w);
    if (s !== 0) {
      s *= boost;
      boost = 1;
      if (negator !== undefined && negatorLeft > 0) {
        if (negator === 'kurang' || negator === 'minim') s = s > 0 ? -s : s;
        else s = s > 0 ? -s : -s / 2;
        negator = undefined;
      }
      scores[i] = s;
    }
    if (negatorLeft > 0) negatorLeft--;
  }
  let sum = 0;
  for (const s of scores) sum += s ?? 0;
  const sentiment: Sentiment = sum >= THRESHOLD ? 'positive' : sum <= -THRESHOLD ? 'negative' : 'neutral';
  return { sentiment, score: Math.round(Math.tanh(sum / 4) * 1000) / 1000, sum };
}
