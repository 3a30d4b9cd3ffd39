import { Type } from '@sinclair/typebox';
import { validation } from '../../core/errors.js';
import type { CellValue, Filter } from '../../datastore/backend.js';
import { storedSchema } from '../../ingest/pipeline/schema.js';
import { defineAction } from '../types.js';
import { CKAN_TYPE, datastoreResource, readDatastorePolicy } from './shared.js';

const FieldList = Type.Union([
  Type.String({ maxLength: 5000 }),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 1000 }),
]);
const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

/** CKAN takes `filters` as an object or as its JSON text (GET); values may be lists (any of). */
export function parseFilters(raw: unknown): Filter[] {
  let obj = raw;
  if (typeof raw === 'string') {
    try {
      obj = JSON.parse(raw);
    } catch {
      throw validation({ filters: ['must be a JSON object of column: value'] });
    }
  }
  if (obj === undefined || obj === null) return [];
  if (typeof obj !== 'object' || Array.isArray(obj))
    throw validation({ filters: ['must be an object of column: value'] });
  return Object.entries(obj as Record<string, unknown>).map(([column, value]) =>
    Array.isArray(value)
      ? { column, op: 'in', value: value as CellValue[] }
      : { column, op: 'eq', value: value as CellValue },
  );
}

const list = (v: string | string[] | undefined): string[] | undefined =>
  v === undefined
    ? undefined
    : Array.isArray(v)
      ? v
      : v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);

function parseSort(sort: string | undefined) {
  return list(sort)?.map((s) => {
    const [column = '', dir = 'asc'] = s.split(/\s+/);
    if (!['asc', 'desc'].includes(dir.toLowerCase()))
      throw validation({ sort: [`"${s}": use "column asc" or "column desc"`] });
    return { column: column.replace(/^"|"$/g, ''), desc: dir.toLowerCase() === 'desc' };
  });
}

const csvCell = (v: CellValue): string => {
  const s = v === null ? '' : String(v);
  return /[",\n\r\t]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export const datastoreSearch = defineAction({
  name: 'datastore_search',
  doc: 'Rows of a datastore table (latest version, or `version`), with CKAN’s filters, q, fields, sort, limit, offset, include_total, records_format and distinct.',
  readOnly: true,
  schema: Type.Object({
    resource_id: Type.String({ minLength: 1 }),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    filters: Type.Optional(
      Type.Union([Type.String(), Type.Record(Type.String(), Type.Union([Scalar, Type.Array(Scalar)]))]),
    ),
    q: Type.Optional(Type.String({ maxLength: 500 })),
    fields: Type.Optional(FieldList),
    sort: Type.Optional(Type.String({ maxLength: 1000 })),
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 32000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    include_total: Type.Optional(Type.Boolean({ default: true })),
    records_format: Type.Optional(
      Type.Union([Type.Literal('objects'), Type.Literal('lists'), Type.Literal('csv'), Type.Literal('tsv')]),
    ),
    distinct: Type.Optional(Type.Boolean({ default: false })),
  }),
  policy: readDatastorePolicy,
  handler: async (ctx, input) => {
    const { version } = await datastoreResource(ctx, input.resource_id, input.version);
    const ref = { tableId: version.table_id, version: version.version };
    const limit = input.limit ?? 100;
    const offset = input.offset ?? 0;
    const res = await ctx.services.datastore.query(ref, {
      columns: list(input.fields),
      filters: parseFilters(input.filters),
      q: input.q,
      sort: parseSort(input.sort),
      distinct: input.distinct ?? false,
      limit,
      offset,
    });
    const fields = res.columns.map((c) => ({ id: c.name, type: CKAN_TYPE[c.type] }));
    const format = input.records_format ?? 'objects';
    const names = res.columns.map((c) => c.name);
    const records =
      format === 'objects'
        ? res.rows
        : format === 'lists'
          ? res.rows.map((r) => names.map((n) => r[n] ?? null))
          : res.rows
              .map((r) =>
                names
                  .map((n) =>
                    format === 'csv' ? csvCell(r[n] ?? null) : String(r[n] ?? '').replace(/[\t\n\r]/g, ' '),
                  )
                  .join(format === 'csv' ? ',' : '\t'),
              )
              .join('\n') + (res.rows.length ? '\n' : '');
    const base = `/api/3/action/datastore_search?resource_id=${encodeURIComponent(input.resource_id)}`;
    return {
      resource_id: input.resource_id,
      version: version.version,
      fields,
      records,
      records_format: format,
      limit,
      offset,
      ...(input.include_total === false ? {} : { total: res.total, total_was_estimated: false }),
      _links: { start: base, next: `${base}&offset=${offset + limit}` },
    };
  },
});

export const datastoreInfo = defineAction({
  name: 'datastore_info',
  doc: 'A datastore table’s fields (with types and titles), row count, versions, and the table as a Frictionless Table Schema (`schema`).',
  readOnly: true,
  schema: Type.Object({
    id: Type.Optional(Type.String({ minLength: 1 })),
    resource_id: Type.Optional(Type.String({ minLength: 1 })),
  }),
  policy: readDatastorePolicy,
  handler: async (ctx, input) => {
    const { version, resource } = await datastoreResource(ctx, input.resource_id ?? input.id ?? '');
    const versions = await ctx.services.catalog.db
      .selectFrom('dataset_version')
      .select(['version', 'row_count', 'source', 'note', 'created'])
      .where('table_id', '=', version.table_id)
      .orderBy('version', 'desc')
      .execute();
    return {
      meta: { id: resource.id, count: version.row_count, version: version.version, table_type: 'BASE TABLE' },
      fields: version.columns.map((c) => ({
        id: c.name,
        type: CKAN_TYPE[c.type as keyof typeof CKAN_TYPE] ?? c.type,
        info: { label: (c as { title?: string }).title ?? c.name },
      })),
      /** The table as a Frictionless Table Schema, to check the next upload against. */
      schema: storedSchema(
        version.columns as { name: string; type: string; title?: string; primary_key?: boolean }[],
      ),
      versions: versions.map((v) => ({ ...v, created: v.created.toISOString() })),
    };
  },
});
