/** Dataset states as small numbers, and the facet fields the index keeps as columns. */
import type { FacetField } from '../facets.js';

export const ACTIVE = 0;
export const DRAFT = 1;
export const DELETED = 2;
export const OTHER = 3;
/** The state of a free slot. */
export const FREE = -1;
export const STATES: Record<string, number> = { active: ACTIVE, draft: DRAFT, deleted: DELETED };
export const STATE_NAMES = ['active', 'draft', 'deleted', 'other'];

export type MultiField = 'tags' | 'groups' | 'res_format' | 'region';
export type SingleField =
  | 'organization'
  | 'license_id'
  | 'frekuensi_pemutakhiran'
  | 'cakupan_wilayah_tingkat'
  | 'data_prioritas';
export const MULTI: readonly MultiField[] = ['tags', 'groups', 'res_format', 'region'];
export const SINGLE: readonly SingleField[] = [
  'organization',
  'license_id',
  'frekuensi_pemutakhiran',
  'cakupan_wilayah_tingkat',
  'data_prioritas',
];
export const FIELDS: readonly FacetField[] = [...SINGLE, ...MULTI];

/** `sdi->>key` as PostgreSQL gives it: text, or null when absent or JSON null. */
export function jsonText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
