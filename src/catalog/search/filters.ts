/** SQL conditions over `dataset d` for fq clauses and for what the caller may see. */
import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../actions/types.js';
import { validation } from '../../core/errors.js';
import { readableOrgs } from '../access.js';
import { isUuid } from '../ckan-format.js';
import type { FqClause, FqValue } from './fq.js';

type Cond = RawBuilder<boolean>;

const TRUE = sql<boolean>`true`;
const FALSE = sql<boolean>`false`;

/** A date-time bound of an fq clause, read as UTC when it has no zone; null for an open end. */
export function timeBound(s: string | null, field: string): string | null {
  if (s === null) return null;
  const t = Date.parse(s.replace(/Z?$/, 'Z').replace(/ZZ$/, 'Z'));
  if (Number.isNaN(t))
    throw validation({ fq: [`${field}: "${s}" is not an ISO date-time`] }, 'Search Query Error');
  return new Date(t).toISOString();
}

export function numberBound(s: string | null, field: string): number | null {
  if (s === null) return null;
  const n = Number(s);
  if (!Number.isFinite(n))
    throw validation({ fq: [`${field}: "${s}" is not a number`] }, 'Search Query Error');
  return n;
}

function timeRange(column: 'd.modified' | 'd.created', v: FqValue, field: string): Cond {
  const bound = (s: string | null) => timeBound(s, field);
  const col = sql.ref(column);
  if (v.kind === 'term') {
    const at = bound(v.value);
    return sql<boolean>`${col} = ${at}::timestamptz`;
  }
  const [from, to] = [bound(v.from), bound(v.to)];
  return sql<boolean>`(${from === null ? TRUE : sql`${col} >= ${from}::timestamptz`} AND ${to === null ? TRUE : sql`${col} <= ${to}::timestamptz`})`;
}

function numberRange(column: 'd.quality_score', v: FqValue, field: string): Cond {
  const num = (s: string | null) => numberBound(s, field);
  const col = sql.ref(column);
  if (v.kind === 'term') return sql<boolean>`${col} = ${num(v.value)}`;
  const [from, to] = [num(v.from), num(v.to)];
  return sql<boolean>`(${from === null ? TRUE : sql`${col} >= ${from}`} AND ${to === null ? TRUE : sql`${col} <= ${to}`})`;
}

export function term(v: FqValue, field: string): string {
  if (v.kind !== 'term') throw validation({ fq: [`${field} does not take a range`] }, 'Search Query Error');
  return v.value;
}

function clauseSql(c: FqClause): Cond {
  const f = c.field;
  switch (f) {
    case 'metadata_modified':
      return timeRange('d.modified', c.value, f);
    case 'metadata_created':
      return timeRange('d.created', c.value, f);
    case 'organization':
      return sql<boolean>`d.organization_id IN (SELECT id FROM organization WHERE name = ${term(c.value, f)})`;
    case 'owner_org': {
      const v = term(c.value, f);
      return isUuid(v)
        ? sql<boolean>`d.organization_id = ${v}::uuid`
        : sql<boolean>`d.organization_id IN (SELECT id FROM organization WHERE name = ${v})`;
    }
    case 'tags':
      return sql<boolean>`${term(c.value, f)} = ANY(d.tags)`;
    case 'groups':
      return sql<boolean>`EXISTS (SELECT 1 FROM dataset_group dg JOIN "group" g ON g.id = dg.group_id WHERE dg.dataset_id = d.id AND g.name = ${term(c.value, f)})`;
    case 'res_format':
      return sql<boolean>`EXISTS (SELECT 1 FROM resource r WHERE r.dataset_id = d.id AND r.state = 'active' AND upper(r.format) = upper(${term(c.value, f)}))`;
    case 'license_id':
      return sql<boolean>`d.license_id = ${term(c.value, f)}`;
    case 'name':
      return sql<boolean>`d.name = ${term(c.value, f)}`;
    case 'id': {
      const v = term(c.value, f);
      return isUuid(v) ? sql<boolean>`d.id = ${v}::uuid` : FALSE;
    }
    case 'region': {
      const v = term(c.value, f);
      return sql<boolean>`EXISTS (SELECT 1 FROM jsonb_array_elements_text(COALESCE(d.sdi->'cakupan_wilayah', '[]'::jsonb)) rc WHERE rc = ${v} OR rc LIKE ${`${v}.%`})`;
    }
    case 'frekuensi_pemutakhiran':
    case 'cakupan_wilayah_tingkat':
      return sql<boolean>`d.sdi->>${f} = ${term(c.value, f)}`;
    case 'data_prioritas':
      return sql<boolean>`COALESCE((d.sdi->>'data_prioritas')::boolean, false) = ${term(c.value, f) === 'true'}`;
    case 'private':
      return sql<boolean>`d.private = ${term(c.value, f) === 'true'}`;
    case 'state':
      return sql<boolean>`d.state = ${term(c.value, f)}`;
    case 'quality':
      return numberRange('d.quality_score', c.value, f);
  }
}

export function fqSql(clauses: readonly FqClause[]): Cond {
  if (clauses.length === 0) return TRUE;
  return sql<boolean>`(${sql.join(
    clauses.map((c) => (c.negate ? sql`NOT (${clauseSql(c)})` : clauseSql(c))),
    sql` AND `,
  )})`;
}

/** Datasets the actor may find: active (drafts of their institutions with includeDrafts), public or (includePrivate) of their institutions. */
export function visibleSql(actor: Actor | null, includePrivate: boolean, includeDrafts: boolean): Cond {
  const scope = readableOrgs(actor);
  if (scope === 'all') {
    return sql<boolean>`(d.state = 'active' ${includeDrafts ? sql`OR d.state = 'draft'` : sql``}) ${includePrivate ? sql`` : sql`AND NOT d.private`}`;
  }
  const member = scope.member.length
    ? sql`d.organization_id IN (${sql.join(scope.member.map((id) => sql`${id}::uuid`))})`
    : FALSE;
  const editor = scope.editor.length
    ? sql`d.organization_id IN (${sql.join(scope.editor.map((id) => sql`${id}::uuid`))})`
    : FALSE;
  const active = sql`d.state = 'active' AND ${includePrivate ? sql`(NOT d.private OR ${member})` : sql`NOT d.private`}`;
  if (!includeDrafts) return sql<boolean>`(${active})`;
  const mine = actor ? sql`d.creator_user_id = ${actor.id}` : FALSE;
  return sql<boolean>`((${active}) OR (d.state = 'draft' AND (${editor} OR ${mine})))`;
}
