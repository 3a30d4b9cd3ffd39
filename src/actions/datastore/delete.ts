import { Type } from '@sinclair/typebox';
import { type FieldErrors, isKendaliError, validation } from '../../core/errors.js';
import type { Filter } from '../../datastore/backend.js';
import { defineAction } from '../types.js';
import { storedColumns } from './fields.js';
import { publishChange } from './publish-change.js';
import { parseFilters } from './read.js';
import { writeDatastorePolicy, writeTarget } from './write-target.js';

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

/** The datastore's `filters.N…` paths as CKAN's `filters.<field>…`. */
function byField(e: unknown, filters: readonly Filter[]): unknown {
  if (!isKendaliError(e) || e.code !== 'VALIDATION' || !e.fields) return e;
  const fields: FieldErrors = {};
  for (const [path, messages] of Object.entries(e.fields)) {
    const m = /^filters\.(\d+)(?:\.column)?(.*)$/.exec(path);
    const column = m ? filters[Number(m[1])]?.column : undefined;
    fields[column === undefined ? path : `filters.${column}${m?.[2] ?? ''}`] = messages;
  }
  return validation(fields, e.message);
}

export const datastoreDelete = defineAction({
  name: 'datastore_delete',
  doc: 'Deletes the rows of a datastore table that match `filters` (field: value, or a list of values), as its next version. Without filters every row goes: where CKAN drops the table, Kendali keeps its history and publishes an empty version with the same fields, so earlier versions stay readable and the table can be filled again. Editors of the dataset’s institution.',
  readOnly: false,
  schema: Type.Object(
    {
      resource_id: Type.String({ minLength: 1 }),
      filters: Type.Optional(
        Type.Union([Type.String(), Type.Record(Type.String(), Type.Union([Scalar, Type.Array(Scalar)]))]),
      ),
      force: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  policy: writeDatastorePolicy,
  handler: async (ctx, input) => {
    const target = await writeTarget(ctx, input.resource_id, { force: input.force, table: true });
    const filters = parseFilters(input.filters);
    const given = typeof input.filters === 'string' ? JSON.parse(input.filters) : (input.filters ?? {});
    const published = await publishChange(ctx, target, 'datastore_delete', (latest) => ({
      change: { kind: 'delete', filters },
      columns: storedColumns(latest?.columns),
      summary: { filters: given },
      note:
        filters.length > 0
          ? `datastore_delete: rows where ${JSON.stringify(given)}`
          : 'datastore_delete: every row (the table is kept, empty; earlier versions stay readable)',
    })).catch((e: unknown) => {
      throw byField(e, filters);
    });
    return {
      resource_id: target.resource.id,
      filters: given,
      version: published.version,
      rows: published.rows,
    };
  },
});
