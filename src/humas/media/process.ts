/**
 * Feed processing without I/O: parse an RSS/Atom document (@rowanmanning/feed-parser), then
 * per entry the canonical URL, the near-duplicate title key, the mentions and the sentiment.
 * A `FeedProcessor` remembers what it has seen (loaded from the catalog, plus this run), so a
 * story already known by URL or by near-identical title counts as a duplicate, not a new item.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { canonicalUrl, TitleIndex, titleTokens } from './canonical.js';
import type { Mention, MentionDictionary } from './mentions.js';
import { type Sentiment, sentimentOf } from './sentiment.js';
import { jakartaDay } from './text.js';

export interface FeedEntry {
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  readonly published: Date;
}

const plain = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The entries of an RSS or Atom document. Refuses, saying what came instead, an HTML page and
 * anything that is not a feed. Entries without a link or a title are left out (`skipped`).
 */
export function parseEntries(xml: string, now = new Date()): { entries: FeedEntry[]; skipped: number } {
  if (/^\s*(<!doctype html|<html)/i.test(xml))
    throw new Error('answered an HTML page, not an RSS or Atom feed');
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    throw new Error(`not an RSS or Atom feed: ${(e as Error).message}`);
  }
  const entries: FeedEntry[] = [];
  let skipped = 0;
  for (const item of feed.items) {
    const url = item.url ?? (item.id && /^https?:\/\//.test(item.id) ? item.id : null);
    const title = plain(item.title ?? '');
    if (!url || !title) {
      skipped++;
      continue;
    }
    const published = item.published ?? item.updated ?? now;
    entries.push({
      url,
      title,
      summary: plain(item.description ?? item.content ?? '').slice(0, 1000),
      published: published > now ? now : published,
    });
  }
  return { entries, skipped };
}

export interface ProcessedItem {
  readonly url: string;
  readonly title: string;
  readonly titleKey: readonly string[];
  readonly summary: string;
  readonly published: Date;
  /** YYYY-MM-DD in Asia/Jakarta. */
  readonly day: string;
  readonly sentiment: Sentiment;
  readonly score: number;
  readonly mentions: readonly Mention[];
  /** Copies of this story seen in this run (by URL or title). */
  duplicates: number;
}

/** What an entry duplicated: a stored item (its id) or an item new in this run. */
type Known = { readonly id: string } | { readonly item: ProcessedItem };

export interface ProcessResult {
  readonly items: ProcessedItem[];
  /** Stored item id → copies seen again in this run. */
  readonly storedDuplicates: Map<string, number>;
  readonly duplicates: number;
}

export class FeedProcessor {
  readonly #urls = new Map<string, Known>();
  readonly #titles = new TitleIndex<Known>();

  constructor(private readonly dictionary: MentionDictionary) {}

  /** An item already stored: later copies of it are duplicates. */
  remember(id: string, url: string, titleKey: readonly string[]): void {
    const known = { id };
    this.#urls.set(url, known);
    this.#titles.add(titleKey, known);
  }

  process(entries: readonly FeedEntry[]): ProcessResult {
    const items: ProcessedItem[] = [];
    const storedDuplicates = new Map<string, number>();
    let duplicates = 0;
    for (const e of entries) {
      const url = canonicalUrl(e.url);
      const titleKey = titleTokens(e.title);
      const known = this.#urls.get(url) ?? this.#titles.find(titleKey);
      if (known) {
        duplicates++;
        if ('id' in known) storedDuplicates.set(known.id, (storedDuplicates.get(known.id) ?? 0) + 1);
        else known.item.duplicates++;
        continue;
      }
      const text = `${e.title}. ${e.summary.slice(0, 300)}`;
      const { sentiment, score } = sentimentOf(`${e.title}. ${firstSentence(e.summary)}`);
      const item: ProcessedItem = {
        url,
        title: e.title,
        titleKey,
        summary: e.summary,
        published: e.published,
        day: jakartaDay(e.published),
        sentiment,
        score,
        mentions: this.dictionary.find(text),
        duplicates: 0,
      };
      const ref = { item };
      this.#urls.set(url, ref);
      this.#titles.add(titleKey, ref);
      items.push(item);
    }
    return { items, storedDuplicates, duplicates };
  }
}

const firstSentence = (s: string): string => (s.match(/^[^.!?]{0,240}[.!?]?/)?.[0] ?? '').trim();
