/**
 * CKAN's `fq` (a Solr filter query), the subset clients use: `field:value`,
 * `field:"quoted value"`, `field:[A TO B]` with `*` for an open end, `-field:value` to exclude,
 * `+field:value`, and `AND` between clauses (implicit). Unknown fields are refused by name.
 */
import { validation } from '../../core/errors.js';

export const FQ_FIELDS = [
  'organization',
  'owner_org',
  'tags',
  'groups',
  'res_format',
  'license_id',
  'name',
  'id',
  'metadata_modified',
  'metadata_created',
  'region',
  'frekuensi_pemutakhiran',
  'cakupan_wilayah_tingkat',
  'data_prioritas',
  'private',
  'state',
  'quality',
] as const;
export type FqField = (typeof FQ_FIELDS)[number];

export type FqValue =
  | { kind: 'term'; value: string }
  | { kind: 'range'; from: string | null; to: string | null };

export interface FqClause {
  readonly field: FqField;
  readonly negate: boolean;
  readonly value: FqValue;
}

const CLAUSE = /^([+-]?)([a-z_]+):(?:"((?:[^"\\]|\\.)*)"|\[(\S+) TO (\S+)\]|(\S+))/;

const rangeEnd = (s: string): string | null => (s === '*' ? null : s);

/** Parses one fq string into clauses; throws a Validation error on `fq` naming the problem. */
export function parseFq(fq: string, field = 'fq'): FqClause[] {
  const clauses: FqClause[] = [];
  let rest = fq.trim();
  while (rest.length > 0) {
    if (/^(AND|&&)\s+/.test(rest)) {
      rest = rest.replace(/^(AND|&&)\s+/, '');
      continue;
    }
    const m = CLAUSE.exec(rest);
    if (!m)
      throw validation(
        { [field]: [`cannot parse filter near "${rest.slice(0, 40)}"`] },
        'Search Query Error',
      );
    const [all, sign, name, quoted, from, to, bare] = m;
    const known = (FQ_FIELDS as readonly string[]).includes(name ?? '');
    if (!known)
      throw validation(
        { [field]: [`unknown filter field "${name}"; known: ${FQ_FIELDS.join(', ')}`] },
        'Search Query Error',
      );
    const value: FqValue =
      from !== undefined && to !== undefined
        ? { kind: 'range', from: rangeEnd(from), to: rangeEnd(to) }
        : { kind: 'term', value: (quoted ?? bare ?? '').replace(/\\(.)/g, '$1') };
    clauses.push({ field: name as FqField, negate: sign === '-', value });
    rest = rest.slice(all.length).trim();
  }
  return clauses;
}

/** Splits a `q` into free text and any `field:value` clauses of known fields (CKAN clients send both). */
export function splitQuery(q: string): { text: string; clauses: FqClause[] } {
  const text: string[] = [];
  const clauses: FqClause[] = [];
  for (const token of q.match(/[+-]?[a-z_]+:"[^"]*"|\S+/g) ?? []) {
    const name = /^[+-]?([a-z_]+):/.exec(token)?.[1];
    if (name && (FQ_FIELDS as readonly string[]).includes(name)) clauses.push(...parseFq(token, 'q'));
    else if (token !== '*:*') text.push(token);
  }
  return { text: text.join(' '), clauses };
}
