/**
 * Mentions of institutions and programmes in news text, from a dictionary of names with
 * aliases: each institution's title, its short name and acronyms from the catalog, plus the
 * aliases an admin configured (`media_alias`), and programmes by their admin-configured aliases.
 * Matching is on whole words, case-insensitive (`BPS` matches `bps`, never `bpsk`).
 */
import { tokens } from './text.js';

export interface Entity {
  readonly kind: 'organization' | 'programme';
  /** The organization's id (kind organization), or null. */
  readonly organizationId: string | null;
  /** The programme's name (kind programme), or ''. */
  readonly programme: string;
}

export interface Mention extends Entity {
  /** The alias found, as written in the dictionary. */
  readonly matched: string;
}

interface Entry {
  readonly entity: Entity;
  readonly alias: string;
  readonly words: readonly string[];
}

/** Aliases shorter than this many letters are matched only when written in capitals in the dictionary. */
const MIN_ALIAS = 2;

export class MentionDictionary {
  /** First word → entries starting with it. */
  readonly #byFirst = new Map<string, Entry[]>();
  #size = 0;

  add(entity: Entity, alias: string): this {
    const words = tokens(alias);
    const first = words[0];
    if (!first || alias.trim().length < MIN_ALIAS) return this;
    const list = this.#byFirst.get(first) ?? [];
    const key = (e: Entity) => `${e.kind}:${e.organizationId}:${e.programme}`;
    if (list.some((e) => key(e.entity) === key(entity) && e.words.join(' ') === words.join(' '))) return this;
    list.push({ entity, alias: alias.trim(), words });
    list.sort((a, b) => b.words.length - a.words.length);
    this.#byFirst.set(first, list);
    this.#size++;
    return this;
  }

  get size(): number {
    return this.#size;
  }

  /** Each entity mentioned in `text` once, with the longest alias that matched first. */
  find(text: string): Mention[] {
    const words = tokens(text);
    const found = new Map<string, Mention>();
    for (let i = 0; i < words.length; i++) {
      const candidates = this.#byFirst.get(words[i] as string);
      if (!candidates) continue;
      for (const c of candidates) {
        if (!c.words.every((w, k) => words[i + k] === w)) continue;
        const key = `${c.entity.kind}:${c.entity.organizationId}:${c.entity.programme}`;
        if (!found.has(key)) found.set(key, { ...c.entity, matched: c.alias });
        break;
      }
    }
    return [...found.values()];
  }
}

/** What the catalog says of an institution: its acronyms from `extras.acronym` (comma-separated). */
export function organizationAliases(org: {
  name: string;
  title: string;
  extras: Record<string, string>;
}): string[] {
  const acronyms = (org.extras.acronym ?? org.extras.acronyms ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // The short name is an alias when it is one word (bps, kemenkes), not a slug of several.
  const short = org.name.includes('-') ? [] : [org.name];
  return [org.title, ...short, ...acronyms];
}
