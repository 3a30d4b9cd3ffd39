/**
 * Deduplication keys of news items. The same article reaches us under several URLs (tracking
 * parameters, fragments, `www.` or `m.` hosts, http vs https, a trailing slash) and the same
 * story under near-identical titles (syndicated copies with a prefix or one word changed).
 */
import { tokens } from './text.js';

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref|ref_src)$/i;

/**
 * The canonical form of an article URL: https, lower-case host without `www.`/`m.`/`amp.`,
 * default port dropped, tracking parameters (utm_*, fbclid, gclid, …) and the fragment removed,
 * the remaining parameters sorted, a trailing slash and a trailing `/amp` dropped. Not a URL →
 * the trimmed text itself (still a stable key).
 */
export function canonicalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  if (url.protocol === 'http:') url.protocol = 'https:';
  url.hostname = url.hostname.toLowerCase().replace(/^(www\d?|m|amp|mobile)\./, '');
  if (url.port === '80' || url.port === '443') url.port = '';
  url.hash = '';
  const kept = [...url.searchParams]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => a.localeCompare(b));
  url.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  url.pathname = url.pathname.replace(/\/amp\/?$/, '').replace(/\/+$/, '') || '/';
  return url.toString();
}

/** Words too common in headlines to tell two stories apart. */
const FILLER = new Set([
  'dan',
  'di',
  'ke',
  'dari',
  'yang',
  'untuk',
  'pada',
  'dengan',
  'ini',
  'itu',
  'akan',
  'juga',
  'oleh',
  'dalam',
  'atas',
  'the',
  'of',
  'in',
  'video',
  'foto',
  'berita',
  'terkini',
  'hari',
  'breaking',
]);

/** The title's distinct content words, sorted: the near-duplicate key (stored as `title_key`). */
export function titleTokens(title: string): string[] {
  return [...new Set(tokens(title).filter((t) => t.length > 1 && !FILLER.has(t)))].sort();
}

/** Jaccard similarity of two token sets. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const set = new Set(a);
  let shared = 0;
  for (const t of b) if (set.has(t)) shared++;
  return shared / (set.size + b.length - shared);
}

/** Titles at least this similar are the same story. */
export const SAME_STORY = 0.8;

/** FNV-1a hash of a token: a fixed global order of tokens for prefix filtering. */
function rank(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The prefix of a key under a fixed token order: two sets with Jaccard ≥ t share at least one
 * token of their prefixes of length k − ⌈t·k⌉ + 1 (prefix filtering), so only those are indexed.
 */
function prefix(key: readonly string[], threshold: number): string[] {
  const n = key.length - Math.ceil(threshold * key.length) + 1;
  return [...key].sort((a, b) => rank(a) - rank(b)).slice(0, Math.max(1, n));
}

/**
 * Finds near-identical titles among those added so far. Only a short prefix of each title's
 * words is indexed (prefix filtering), and candidates sharing a prefix word are verified by
 * their full Jaccard similarity, so thousands of items stay cheap.
 */
export class TitleIndex<T> {
  readonly #postings = new Map<string, number[]>();
  readonly #entries: { key: ReadonlySet<string>; value: T }[] = [];

  constructor(private readonly threshold = SAME_STORY) {}

  add(key: readonly string[], value: T): void {
    const i = this.#entries.push({ key: new Set(key), value }) - 1;
    for (const t of prefix(key, this.threshold)) {
      const list = this.#postings.get(t);
      if (list) list.push(i);
      else this.#postings.set(t, [i]);
    }
  }

  /** The most similar earlier title with similarity ≥ the threshold, if any. */
  find(key: readonly string[]): T | undefined {
    if (key.length === 0) return undefined;
    const seen = new Set<number>();
    let best: T | undefined;
    let bestScore = this.threshold;
    for (const t of prefix(key, this.threshold))
      for (const i of this.#postings.get(t) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const other = this.#entries[i];
        if (!other) continue;
        let shared = 0;
        for (const w of key) if (other.key.has(w)) shared++;
        const score = shared / (key.length + other.key.size - shared);
        if (score >= bestScore) {
          bestScore = score;
          best = other.value;
        }
      }
    return best;
  }
}
