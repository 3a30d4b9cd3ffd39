/**
 * The portal's view of the CKAN Action API: the shapes it reads (package_search, package_show,
 * organization_*, group_*, datastore_*) and one hook that calls a read action and re-renders
 * with its result, cancelling the call when the input changes or the page goes away.
 */
import { useEffect, useState } from 'react';
import { type ActionInput, callAction } from '../../api.js';

export interface Named {
  readonly name: string;
  readonly title: string;
  readonly display_name?: string;
  readonly description?: string;
  readonly package_count?: number;
  readonly region_code?: string | null;
}

export interface Resource {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly format: string;
  readonly datastore_active?: boolean;
  readonly last_modified?: string | null;
}

export interface QualityCheck {
  readonly id: string;
  readonly label: { readonly id: string; readonly en: string };
  readonly verdict: 'pass' | 'warn' | 'fail' | string;
  readonly detail?: string;
}

export interface Package {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly notes: string;
  readonly license_id?: string | null;
  readonly license_title?: string | null;
  readonly license_url?: string | null;
  readonly metadata_created: string;
  readonly metadata_modified: string;
  readonly organization?: Named | null;
  readonly groups: readonly Named[];
  readonly tags: readonly { readonly name: string; readonly display_name: string }[];
  readonly resources: readonly Resource[];
  readonly num_resources?: number;
  readonly standar_data?: Readonly<Record<string, string>>;
  readonly produsen_data?: string;
  readonly walidata?: string;
  readonly frekuensi_pemutakhiran?: string;
  readonly cakupan_waktu_mulai?: string;
  readonly cakupan_waktu_selesai?: string;
  readonly cakupan_wilayah_tingkat?: string;
  readonly cakupan_wilayah?: readonly string[];
  readonly data_prioritas?: boolean;
  readonly quality?: { readonly score: number; readonly checks: readonly QualityCheck[] };
  /** Reads and downloads of the last 30 days (package_show, package_popular). */
  readonly usage?: { readonly views_30d: number; readonly downloads_30d: number };
}

export interface FacetItem {
  readonly name: string;
  readonly display_name: string;
  readonly count: number;
}

export interface SearchResult {
  readonly count: number;
  readonly sort: string;
  readonly results: readonly Package[];
  readonly search_facets: Readonly<Record<string, { readonly items: readonly FacetItem[] }>>;
}

export interface DatastoreField {
  readonly id: string;
  readonly type: string;
}

export type Row = Readonly<Record<string, string | number | boolean | null>>;

export interface DatastoreResult {
  readonly fields: readonly DatastoreField[];
  readonly records: readonly Row[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface DatastoreInfo {
  readonly meta: { readonly count: number; readonly version: number };
  readonly versions: readonly {
    readonly version: number;
    readonly row_count: number;
    readonly source?: string;
    readonly note?: string;
    readonly created: string;
  }[];
}

export interface DiffResult {
  readonly added?: number;
  readonly removed?: number;
  readonly changed?: number;
  readonly columns_added?: readonly string[];
  readonly columns_removed?: readonly string[];
}

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly data: T }
  | { readonly state: 'error'; readonly error: Error };

/** Calls read action `name` with `input` (null = do not call) and follows its answer. */
export function useAction<T>(name: string, input: ActionInput | null): Loaded<T> {
  const key = input === null ? null : JSON.stringify(input);
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setValue({ state: 'loading' });
    callAction<T>(name, JSON.parse(key) as ActionInput, { signal: controller.signal }).then(
      (data) => setValue({ state: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setValue({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [name, key]);
  return value;
}

/** The numeric column types of the datastore (PostgreSQL and DuckDB names). */
export const isNumericType = (type: string): boolean =>
  /^(int|int2|int4|int8|integer|bigint|smallint|numeric|float|float4|float8|double|real|decimal|number)/i.test(
    type,
  );
