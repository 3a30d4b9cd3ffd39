/**
 * The columns the in-process index filters, facets and sorts on, one slot per dataset (all
 * states; visibility is decided per query), and for every facet value and state the set of
 * slots that have it. A changed dataset keeps its slot; a removed one frees it.
 */
import type { FacetField } from '../facets.js';
import { Bits } from './bits.js';
import {
  ACTIVE,
  DRAFT,
  FIELDS,
  FREE,
  jsonText,
  MULTI,
  type MultiField,
  OTHER,
  SINGLE,
  type SingleField,
  STATES,
} from './fields.js';
import type { IndexRow } from './load.js';
import { MultiColumn } from './multi.js';
import { Values } from './values.js';

const grow = <T extends Int32Array | Float64Array | Int8Array>(
  a: T,
  n: number,
  make: (n: number) => T,
): T => {
  if (a.length >= n) return a;
  const b = make(Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
};

export class Docs {
  readonly values = Object.fromEntries(FIELDS.map((f) => [f, new Values()])) as Record<FacetField, Values>;
  /** Facet value number → the slots having it. */
  readonly bits = Object.fromEntries(FIELDS.map((f) => [f, [] as Bits[]])) as Record<FacetField, Bits[]>;
  readonly live = new Bits();
  readonly active = new Bits();
  readonly draft = new Bits();
  readonly private = new Bits();
  /** What anyone may find (active, not private), and each facet value's count over it. */
  readonly public = new Bits();
  readonly publicCounts = Object.fromEntries(FIELDS.map((f) => [f, new Int32Array(16)])) as Record<
    FacetField,
    Int32Array
  >;
  readonly ids: string[] = [];
  readonly names: string[] = [];
  /** lower(title), for sorting and the title-phrase bonus. */
  readonly titles: string[] = [];
  readonly creators: (string | null)[] = [];
  states = new Int8Array(0);
  modified = new Float64Array(0);
  created = new Float64Array(0);
  quality = new Float64Array(0);
  readonly single = Object.fromEntries(SINGLE.map((f) => [f, new Int32Array(0)])) as Record<
    SingleField,
    Int32Array
  >;
  readonly multi = Object.fromEntries(MULTI.map((f) => [f, new MultiColumn()])) as Record<
    MultiField,
    MultiColumn
  >;
  /** Region codes of each dataset, for prefix filters (`region:32` also finds `32.01`). */
  readonly regionCodes: string[][] = [];
  /** Region code → name, for the region facet's display names. */
  regionNames = new Map<string, string>();
  /** Bumped on every change, so derived orders (ranks.ts) know when to recompute. */
  version = 0;
  readonly #slotOf = new Map<string, number>();
  readonly #slotOfName = new Map<string, number>();
  readonly #free: number[] = [];

  get slots(): number {
    return this.ids.length;
  }

  slotOf(id: string): number | undefined {
    return this.#slotOf.get(id);
  }

  slotOfName(name: string): number | undefined {
    return this.#slotOfName.get(name);
  }

  /** The slots having value `v` of `field`. */
  valueBits(field: FacetField, v: number): Bits {
    const list = this.bits[field];
    let b = list[v];
    if (!b) list[v] = b = new Bits(this.slots);
    return b;
  }

  #room(n: number): void {
    this.states = grow(this.states, n, (k) => new Int8Array(k).fill(FREE));
    this.modified = grow(this.modified, n, (k) => new Float64Array(k));
    this.created = grow(this.created, n, (k) => new Float64Array(k));
    this.quality = grow(this.quality, n, (k) => new Float64Array(k));
    for (const f of SINGLE) this.single[f] = grow(this.single[f], n, (k) => new Int32Array(k).fill(-1));
  }

  /** Adds `delta` to the public counts of a slot's values. */
  #count(slot: number, delta: number): void {
    const bump = (f: FacetField, v: number) => {
      let c = this.publicCounts[f];
      if (v >= c.length) {
        const next = new Int32Array(Math.max(v + 1, c.length * 2));
        next.set(c);
        this.publicCounts[f] = c = next;
      }
      c[v] = (c[v] as number) + delta;
    };
    for (const f of SINGLE)
      if ((this.single[f][slot] as number) >= 0) bump(f, this.single[f][slot] as number);
    for (const f of MULTI) for (const v of this.multi[f].get(slot)) bump(f, v);
  }

  #unset(slot: number): void {
    if (this.public.has(slot)) this.#count(slot, -1);
    for (const f of SINGLE) {
      const v = this.single[f][slot] as number;
      if (v >= 0) this.valueBits(f, v).clear(slot);
      this.single[f][slot] = -1;
    }
    for (const f of MULTI) {
      for (const v of this.multi[f].get(slot)) this.valueBits(f, v).clear(slot);
      this.multi[f].set(slot, []);
    }
    for (const b of [this.live, this.active, this.draft, this.private, this.public]) b.clear(slot);
  }

  /** Stores a dataset (new or changed); returns its slot. */
  put(r: IndexRow): number {
    const old = this.#slotOf.get(r.id);
    const slot = old ?? this.#free.pop() ?? this.ids.length;
    this.#room(slot + 1);
    if (old !== undefined) {
      this.#slotOfName.delete(this.names[slot] as string);
      this.#unset(slot);
    }
    this.version++;
    this.#slotOf.set(r.id, slot);
    this.#slotOfName.set(r.name, slot);
    this.ids[slot] = r.id;
    this.names[slot] = r.name;
    this.titles[slot] = r.title.toLowerCase();
    this.creators[slot] = r.creator_user_id;
    const state = STATES[r.state] ?? OTHER;
    this.states[slot] = state;
    this.modified[slot] = r.modified_us;
    this.created[slot] = r.created_us;
    this.quality[slot] = r.quality_score;
    this.live.set(slot);
    if (state === ACTIVE) this.active.set(slot);
    if (state === DRAFT) this.draft.set(slot);
    if (r.private) this.private.set(slot);
    const v = this.values;
    const text = (f: 'frekuensi_pemutakhiran' | 'cakupan_wilayah_tingkat') => {
      const t = jsonText(r.sdi[f]);
      return t === null ? -1 : v[f].intern(t);
    };
    const single: Record<SingleField, number> = {
      organization: v.organization.intern(r.organization_id),
      license_id: r.license_id === null ? -1 : v.license_id.intern(r.license_id),
      frekuensi_pemutakhiran: text('frekuensi_pemutakhiran'),
      cakupan_wilayah_tingkat: text('cakupan_wilayah_tingkat'),
      data_prioritas: v.data_prioritas.intern(jsonText(r.sdi.data_prioritas) ?? 'false'),
    };
    for (const f of SINGLE) {
      this.single[f][slot] = single[f];
      if (single[f] >= 0) this.valueBits(f, single[f]).set(slot);
    }
    const codes = Array.isArray(r.sdi.cakupan_wilayah)
      ? r.sdi.cakupan_wilayah.filter((c): c is string => typeof c === 'string')
      : [];
    this.regionCodes[slot] = codes;
    const multi: Record<MultiField, number[]> = {
      region: codes.map((c) => v.region.intern(c, c, this.regionNames.get(c) ?? c)),
      tags: r.tags.map((t) => v.tags.intern(t)),
      groups: r.group_ids.map((g) => v.groups.intern(g)),
      res_format: r.formats.map((f) => v.res_format.intern(f)),
    };
    for (const f of MULTI) {
      this.multi[f].set(slot, multi[f]);
      for (const x of multi[f]) this.valueBits(f, x).set(slot);
    }
    if (state === ACTIVE && !r.private) {
      this.public.set(slot);
      this.#count(slot, 1);
    }
    return slot;
  }

  /** Removes a dataset (gone from the table); returns the slot it had. */
  drop(id: string): number | undefined {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return undefined;
    this.#unset(slot);
    this.version++;
    this.#slotOf.delete(id);
    this.#slotOfName.delete(this.names[slot] as string);
    this.states[slot] = FREE;
    this.regionCodes[slot] = [];
    this.#free.push(slot);
    return slot;
  }
}
