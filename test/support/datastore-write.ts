/** Helpers for the datastore write-action tests: calls as the system or any actor, results typed loosely. */
import type { Actor } from '../../src/actions/types.js';
import { isKendaliError, type KendaliError } from '../../src/core/errors.js';
import { makeContext } from '../../src/http/context.js';
import { systemCtx } from './accounts.js';
import type { TestServices } from './services.js';

export type Row = Record<string, unknown>;
export interface Search {
  total: number;
  version: number;
  fields: { id: string; type: string }[];
  records: Row[];
}
export interface Info {
  meta: { count: number; version: number };
  versions: { version: number; row_count: number; source: string }[];
}

/** CKAN fields of the test tables: a region code and a year as the key. */
export const FIELDS = [
  { id: 'kode', type: 'text', info: { label: 'Kode wilayah' } },
  { id: 'tahun', type: 'int' },
  { id: 'nilai', type: 'numeric' },
  { id: 'rilis', type: 'date' },
];

/** The error a call fails with (a KendaliError, else the test fails). */
export async function failure(p: Promise<unknown>): Promise<KendaliError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isKendaliError(e)) throw new Error(`expected a KendaliError, got ${String(e)}`);
  return e;
}

export function writeHelpers(get: () => TestServices) {
  const call = <T = Row>(name: string, input: unknown): Promise<T> =>
    get().registry.call(name, systemCtx(get()), input) as Promise<T>;
  const as = <T = Row>(actor: Actor | null, name: string, input: unknown): Promise<T> => {
    const t = get();
    return t.registry.call(name, makeContext(t.registry, t.services, actor, 'id', 't'), input) as Promise<T>;
  };
  const search = (resource_id: string, extra: Row = {}) =>
    call<Search>('datastore_search', { resource_id, sort: 'kode asc, tahun asc', ...extra });
  const rows = async (resource_id: string, extra: Row = {}) =>
    (await search(resource_id, extra)).records.map((r) => [r.kode, r.tahun, r.nilai]);
  const info = (id: string) => call<Info>('datastore_info', { id });
  /** Institution `bps` with a public dataset `miskin` and a private `rahasia`. */
  const setup = async () => {
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call('package_create', { name: 'miskin', title: 'Kemiskinan', owner_org: 'bps' });
    await call('package_create', { name: 'rahasia', title: 'Rahasia', owner_org: 'bps', private: true });
  };
  return { call, as, search, rows, info, setup };
}
