/**
 * The in-process search index of one catalog: every dataset's filter, facet and sort columns
 * (docs.ts), its weighted lexemes (postings.ts) and the typo vocabulary (vocabulary.ts).
 * `search` answers package_search's count, page of ids and facets synchronously; the caller
 * loads the page's package dicts.
 */
import type { Actor } from '../../../actions/types.js';
import { lexeme, vocabularyWords } from '../lexemes.js';
import { type ResolvedSearch, type SearchParams, type SortKey, sortKeys } from '../params.js';
import type { FacetItem } from '../search.js';
import { Bits } from './bits.js';
import { Docs } from './docs.js';
import { facetItems, type Matched } from './facets.js';
import { fqBits, visibleBits } from './filters.js';
import type { IndexRow, Named } from './load.js';
import { matchText, phraseBonus, Scratch } from './match.js';
import { comparator, type Settle, type SortColumn, topK } from './order.js';
import { Postings, WEIGHT, weigh } from './postings.js';
import { Ranks } from './ranks.js';
import { type MemoryHits, ResultCache } from './results.js';
import { Vocabulary } from './vocabulary.js';

export type { MemoryHits } from './results.js';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export class MemoryIndex {
  readonly docs = new Docs();
  readonly postings = new Postings();
  readonly vocabulary = new Vocabulary();
  readonly ranks = new Ranks();
  readonly results = new ResultCache();
  readonly #orgs = new Map<string, Named>();
  readonly #groups = new Map<string, Named>();
  readonly #scratch = new Scratch();

  setRegionNames(names: Map<string, string>): void {
    this.docs.regionNames = names;
    const v = this.docs.values.region;
    for (let i = 0; i < v.size; i++) {
      const code = v.keys[i] as string;
      v.rename(code, code, names.get(code) ?? code);
    }
  }

  /** Institutions' names and titles (facet names and searchable text). */
  setOrganizations(orgs: readonly Named[]): void {
    this.docs.version++;
    for (const o of orgs) {
      this.#orgs.set(o.id, o);
      this.docs.values.organization.rename(o.id, o.name, o.title);
    }
  }

  setGroups(groups: readonly Named[]): void {
    this.docs.version++;
    for (const g of groups) {
      this.#groups.set(g.id, g);
      this.docs.values.groups.rename(g.id, g.name, g.title);
    }
  }

  knowsOrganization(id: string): boolean {
    return this.#orgs.has(id);
  }

  knowsGroup(id: string): boolean {
    return this.#groups.has(id);
  }

  /** Adds or replaces a dataset (its institution and groups should be known first). */
  put(r: IndexRow): void {
    const slot = this.docs.put(r);
    const org = this.#orgs.get(r.organization_id);
    const std = (r.sdi.standar_data ?? {}) as Record<string, unknown>;
    const groupTitles = r.group_ids.map((g) => this.#groups.get(g)?.title ?? '');
    const sdiText = [
      std.konsep,
      std.definisi,
      std.klasifikasi,
      std.ukuran,
      std.satuan,
      r.sdi.produsen_data,
      r.sdi.walidata,
    ];
    this.postings.add(
      slot,
      weigh([
        [r.title, WEIGHT.A],
        [r.tags.join(' '), WEIGHT.B],
        [org ? `${org.title} ${org.name}` : '', WEIGHT.B],
        [groupTitles.join(' '), WEIGHT.B],
        [sdiText.map(text).join(' '), WEIGHT.C],
        [r.notes, WEIGHT.D],
      ]),
    );
    for (const w of vocabularyWords(r.title, r.tags, r.notes)) this.vocabulary.add(w);
  }

  /** Takes out a dataset that is gone from the catalog table. */
  drop(id: string): void {
    const slot = this.docs.drop(id);
    if (slot !== undefined) this.postings.remove(slot);
  }

  #columns(keys: readonly SortKey[]): SortColumn[] {
    const d = this.docs;
    const ranks = keys.some((k) => k.field === 'title' || k.field === 'name') ? this.ranks.of(d) : null;
    const column = (k: SortKey): SortColumn => {
      const sign = k.desc ? -1 : 1;
      if (k.field === 'score') return { values: this.#scratch.score, sign };
      if (k.field === 'modified') return { values: d.modified, sign };
      if (k.field === 'created') return { values: d.created, sign };
      if (k.field === 'quality') return { values: d.quality, sign };
      if (k.field === 'title') return ranks ? { values: ranks.title, sign } : { strings: d.titles, sign };
      return ranks ? { values: ranks.name, sign } : { strings: d.names, sign };
    };
    return keys.map(column);
  }

  search(actor: Actor | null, p: SearchParams, r: ResolvedSearch): MemoryHits {
    const key = this.results.key(actor, p, r);
    const version = this.docs.version;
    const cached = this.results.get(key, version);
    if (cached) return cached;
    const found = this.#compute(actor, p, r);
    this.results.set(key, version, found);
    return found;
  }

  #compute(actor: Actor | null, p: SearchParams, r: ResolvedSearch): MemoryHits {
    const d = this.docs;
    const allowed = visibleBits(d, actor, p.includePrivate, p.includeDrafts);
    const fq = fqBits(d, r.clauses);
    if (fq) allowed.and(fq);
    const keys = sortKeys(r.sort, r.words.length > 0).slice(0, -1);
    const scratch = this.#scratch;
    scratch.begin(d.slots, 0);
    const hits = scratch.hits;
    let n: number;
    let settle: Settle | undefined;
    if (r.words.length > 0) {
      const words = r.words.map((w) => {
        const fix = this.vocabulary.correct(w);
        return fix ? [lexeme(w), lexeme(fix)] : [lexeme(w)];
      });
      n = matchText(d, this.postings, scratch, allowed, words, words.length > 1 && r.phrase !== '');
      const run = (s: number) => phraseBonus(d, scratch, s, r.phrase);
      const scoreAt = keys.findIndex((k) => k.field === 'score');
      if (scoreAt === 0 && keys[0]?.desc) settle = { pending: scratch.maybe, run };
      else if (scoreAt >= 0) for (let i = 0; i < n; i++) run(hits[i] as number);
    } else {
      n = allowed.slots(hits);
    }
    const facets: Record<string, FacetItem[]> = {};
    if (r.facetFields.length) {
      const matched = this.#matched(allowed, r.words.length > 0, n, p, actor);
      for (const f of r.facetFields) facets[f] = facetItems(d, f, matched, p.facetLimit, p.facetMincount);
    }
    const columns = this.#columns(keys);
    const top = topK(hits, n, p.start + p.rows, comparator(d, columns), columns[0], settle);
    return { count: n, ids: top.slice(p.start).map((s) => d.ids[s] as string), facets };
  }

  /** The matched slots for facet counting: listed, or as "public but these" when that list is shorter. */
  #matched(allowed: Bits, text: boolean, n: number, p: SearchParams, actor: Actor | null): Matched {
    const d = this.docs;
    const hits = this.#scratch.hits;
    const publicOnly = !p.includeDrafts && (!p.includePrivate || actor === null);
    const publicCount = d.publicCounts.organization.reduce((a, b) => a + b, 0);
    if (!publicOnly || n * 2 < publicCount) return { hits, n };
    let matchedBits = allowed;
    if (text) {
      matchedBits = new Bits(d.slots);
      const words = matchedBits.words;
      for (let i = 0; i < n; i++) {
        const s = hits[i] as number;
        words[s >>> 5] = (words[s >>> 5] as number) | (1 << (s & 31));
      }
    }
    const missing = d.public.copy(d.slots).andNot(matchedBits);
    const slots = this.#scratch.first; // free once matching is done
    return { hits, n, missing: { slots, m: missing.slots(slots) } };
  }
}
