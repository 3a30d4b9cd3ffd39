/**
 * fq clauses and the caller's visibility as sets of slots, with the same meaning as the SQL in
 * ../filters.ts — including SQL's unknown: a clause on a missing value (no licence, no update
 * frequency) is neither true nor false, so it and its negation both leave the dataset out.
 */
import type { Actor } from '../../../actions/types.js';
import { readableOrgs } from '../../access.js';
import { isUuid } from '../../ckan-format.js';
import type { FacetField } from '../facets.js';
import { numberBound, term, timeBound } from '../filters.js';
import type { FqClause, FqValue } from '../fq.js';
import { Bits } from './bits.js';
import type { Docs } from './docs.js';
import { ACTIVE, DELETED, DRAFT, FREE } from './fields.js';

/** The slots where a clause is true, and where it is known (true or false). */
interface Sets {
  readonly yes: Bits;
  readonly known: Bits;
}

const us = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso) * 1000);

/** SQL LIKE (`%`, `_`, backslash escapes) as a regular expression. */
function like(pattern: string): RegExp {
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) re += esc(pattern[++i] as string);
    else re += c === '%' ? '.*' : c === '_' ? '.' : esc(c);
  }
  return new RegExp(`^${re}$`, 's');
}

/** Live slots whose value in `col` lies in [from, to] (null: open end). One plain loop: this runs over every slot. */
function within(d: Docs, col: ArrayLike<number>, from: number | null, to: number | null): Bits {
  const out = new Bits(d.slots);
  const words = out.words;
  const states = d.states;
  const lo = from ?? Number.NEGATIVE_INFINITY;
  const hi = to ?? Number.POSITIVE_INFINITY;
  for (let s = 0; s < d.slots; s++) {
    const x = col[s] as number;
    if (x >= lo && x <= hi && states[s] !== FREE)
      words[s >>> 5] = (words[s >>> 5] as number) | (1 << (s & 31));
  }
  return out;
}

function range(d: Docs, col: ArrayLike<number>, v: FqValue, read: (s: string | null) => number | null): Bits {
  if (v.kind === 'term') {
    const at = read(v.value);
    return within(d, col, at, at);
  }
  return within(d, col, read(v.from), read(v.to));
}

/** The slots having any of the facet values `ids`. */
function anyOf(d: Docs, field: FacetField, ids: Iterable<number>): Bits {
  const out = new Bits(d.slots);
  for (const id of ids) out.or(d.valueBits(field, id));
  return out;
}

const allIds = (n: number) => Array.from({ length: n }, (_, i) => i);

function clause(d: Docs, c: FqClause): Sets {
  const f = c.field;
  const v = d.values;
  const sure = (yes: Bits): Sets => ({ yes, known: d.live });
  switch (f) {
    case 'metadata_modified':
      return sure(range(d, d.modified, c.value, (s) => us(timeBound(s, f))));
    case 'metadata_created':
      return sure(range(d, d.created, c.value, (s) => us(timeBound(s, f))));
    case 'quality':
      return sure(range(d, d.quality, c.value, (s) => numberBound(s, f)));
    case 'organization':
      return sure(anyOf(d, 'organization', v.organization.named(term(c.value, f))));
    case 'owner_org': {
      const x = term(c.value, f);
      const id = isUuid(x) ? v.organization.get(x.toLowerCase()) : undefined;
      return sure(
        anyOf(d, 'organization', isUuid(x) ? (id === undefined ? [] : [id]) : v.organization.named(x)),
      );
    }
    case 'tags':
    case 'groups':
      return sure(anyOf(d, f, v[f].named(term(c.value, f))));
    case 'res_format':
      return sure(anyOf(d, f, v.res_format.named(term(c.value, f).toUpperCase())));
    case 'license_id':
    case 'frekuensi_pemutakhiran':
    case 'cakupan_wilayah_tingkat':
      return { yes: anyOf(d, f, v[f].named(term(c.value, f))), known: anyOf(d, f, allIds(v[f].size)) };
    case 'name':
    case 'id': {
      const x = term(c.value, f);
      const slot = f === 'name' ? d.slotOfName(x) : isUuid(x) ? d.slotOf(x.toLowerCase()) : undefined;
      const yes = new Bits(d.slots);
      if (slot !== undefined) yes.set(slot);
      return sure(yes);
    }
    case 'region': {
      const x = term(c.value, f);
      const sub = like(`${x}.%`);
      const ids = allIds(v.region.size).filter(
        (i) => v.region.keys[i] === x || sub.test(v.region.keys[i] as string),
      );
      return sure(anyOf(d, 'region', ids));
    }
    case 'data_prioritas': {
      const want = term(c.value, f) === 'true';
      const ids = allIds(v.data_prioritas.size).filter(
        (i) => /^(t|true|y|yes|on|1)$/i.test(v.data_prioritas.keys[i] as string) === want,
      );
      return sure(anyOf(d, 'data_prioritas', ids));
    }
    case 'private':
      return sure(term(c.value, f) === 'true' ? d.private : d.live.copy(d.slots).andNot(d.private));
    case 'state': {
      const code = { active: ACTIVE, draft: DRAFT, deleted: DELETED }[term(c.value, f)] ?? -9;
      return sure(within(d, d.states, code, code));
    }
  }
}

/** The slots where every clause holds (a negated clause: known and not true); null for no clauses. */
export function fqBits(d: Docs, clauses: readonly FqClause[]): Bits | null {
  if (clauses.length === 0) return null;
  const out = d.live.copy(d.slots);
  for (const c of clauses) {
    const { yes, known } = clause(d, c);
    out.and(c.negate ? known.copy(d.slots).andNot(yes) : yes);
  }
  return out;
}

/** What the actor may find, exactly as `visibleSql`. */
export function visibleBits(
  d: Docs,
  actor: Actor | null,
  includePrivate: boolean,
  includeDrafts: boolean,
): Bits {
  const scope = readableOrgs(actor);
  if (scope === 'all') {
    const out = d.active.copy(d.slots);
    if (includeDrafts) out.or(d.draft);
    return includePrivate ? out : out.andNot(d.private);
  }
  const out = d.active.copy(d.slots).andNot(d.private);
  const orgs = (ids: string[]) =>
    anyOf(
      d,
      'organization',
      ids.map((id) => d.values.organization.get(id)).filter((x): x is number => x !== undefined),
    );
  if (includePrivate && scope.member.length) out.or(orgs(scope.member).and(d.active).and(d.private));
  if (includeDrafts) {
    const mine = orgs(scope.editor);
    if (actor) for (let s = 0; s < d.slots; s++) if (d.creators[s] === actor.id) mine.set(s);
    out.or(mine.and(d.draft));
  }
  return out;
}

export interface RowGuard {
  readonly state: string;
  readonly private: boolean;
  readonly organization_id: string;
  readonly creator_user_id: string | null;
}

/** `visibleSql` for one row read from the catalog (to re-check what the index found). */
export function visibleRow(
  actor: Actor | null,
  r: RowGuard,
  includePrivate: boolean,
  includeDrafts: boolean,
): boolean {
  const scope = readableOrgs(actor);
  if (scope === 'all')
    return (r.state === 'active' || (includeDrafts && r.state === 'draft')) && (includePrivate || !r.private);
  if (r.state === 'active') return !r.private || (includePrivate && scope.member.includes(r.organization_id));
  return (
    includeDrafts &&
    r.state === 'draft' &&
    (scope.editor.includes(r.organization_id) || (actor !== null && r.creator_user_id === actor.id))
  );
}
