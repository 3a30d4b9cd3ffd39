/**
 * Recent answers (count, page ids, facets) by what was asked and who may see what, so a
 * popular search or browse page is computed once per change of the index rather than per call
 * — Solr's query-result cache. Every change of the index (a dataset, institution or group
 * written) empties it; answers never cross visibility scopes, so a private dataset cannot reach
 * an outsider through it.
 */
import type { Actor } from '../../../actions/types.js';
import type { ResolvedSearch, SearchParams } from '../params.js';
import type { FacetItem } from '../search.js';

export interface MemoryHits {
  readonly count: number;
  readonly ids: string[];
  readonly facets: Record<string, FacetItem[]>;
}

const MAX = 5_000;

/** Who sees what: anonymous, sysadmin, or a user with their memberships (drafts: their own too). */
function scope(actor: Actor | null): string {
  if (!actor) return '-';
  if (actor.sysadmin) return '*';
  return `${actor.id}:${Object.entries(actor.memberships)
    .map(([org, role]) => `${org}=${role}`)
    .sort()
    .join(',')}`;
}

export class ResultCache {
  readonly #entries = new Map<string, MemoryHits>();
  #version = -1;
  enabled = true;
  hits = 0;
  misses = 0;

  key(actor: Actor | null, p: SearchParams, r: ResolvedSearch): string {
    return JSON.stringify([
      scope(actor),
      p.includePrivate,
      p.includeDrafts,
      r.words,
      r.phrase,
      r.clauses,
      r.sort,
      p.start,
      p.rows,
      r.facetFields,
      p.facetLimit,
      p.facetMincount,
    ]);
  }

  get(key: string, version: number): MemoryHits | undefined {
    if (!this.enabled) return undefined;
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    const hit = this.#entries.get(key);
    if (hit) this.hits++;
    else this.misses++;
    return hit;
  }

  set(key: string, version: number, value: MemoryHits): void {
    if (!this.enabled || version !== this.#version) return;
    if (this.#entries.size >= MAX) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, value);
  }
}
