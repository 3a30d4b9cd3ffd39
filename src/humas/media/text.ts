/**
 * Text helpers shared by dedupe, mentions and sentiment: lower-case word tokens (letters and
 * digits, Unicode-aware, with hyphenated reduplication kept as one token: `anak-anak`), and
 * the day of a moment in Asia/Jakarta (UTC+7 all year, no daylight saving).
 */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export function tokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

const JAKARTA_MS = 7 * 3600_000;

/** YYYY-MM-DD of `at` in Asia/Jakarta. */
export const jakartaDay = (at: Date): string =>
  new Date(at.getTime() + JAKARTA_MS).toISOString().slice(0, 10);

/** Days between two YYYY-MM-DD dates (b − a). */
export const dayDiff = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** `day` shifted by `n` days. */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
