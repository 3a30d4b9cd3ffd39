import { Type } from '@sinclair/typebox';
import type { CellValue } from '../../datastore/backend.js';
import { ResourceInput } from '../catalog/package-schema.js';
import { IdOrName } from '../catalog/schemas.js';
import { defineAction } from '../types.js';
import {
  asColumnInfo,
  FieldInput,
  fitRecords,
  keyOf,
  mergeFields,
  parseKey,
  RecordList,
  storedColumns,
} from './fields.js';
import { publishChange } from './publish-change.js';
import { type WriteTarget, writeDatastorePolicy, writeTarget } from './write-target.js';

const NameList = Type.Union([Type.String({ maxLength: 5000 }), Type.Array(Type.String({ maxLength: 200 }))]);

export const datastoreCreate = defineAction({
  name: 'datastore_create',
  doc: 'Creates the datastore table of a resource (or a new resource in `resource.package_id`) with CKAN’s `fields`, `primary_key` and `records`, as version 1; on a resource that has a table, adds fields and inserts records as its next version. Every change is a new immutable version; earlier ones stay readable. Editors of the dataset’s institution.',
  readOnly: false,
  schema: Type.Object(
    {
      resource_id: Type.Optional(Type.String({ minLength: 1 })),
      resource: Type.Optional(Type.Intersect([Type.Object({ package_id: IdOrName }), ResourceInput])),
      fields: Type.Optional(Type.Array(FieldInput, { maxItems: 1000 })),
      records: Type.Optional(RecordList),
      primary_key: Type.Optional(NameList),
      indexes: Type.Optional(NameList),
      force: Type.Optional(Type.Boolean()),
      include_records: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  policy: writeDatastorePolicy,
  handler: async (ctx, input) => {
    const key = parseKey(input.primary_key);
    const fields = input.fields ?? [];
    const records = input.records ?? [];
    let target: WriteTarget;
    let created = false;
    if (input.resource_id !== undefined) {
      target = await writeTarget(ctx, input.resource_id, { force: input.force, table: false });
    } else {
      // Checked before the resource is made, so bad fields leave nothing behind.
      mergeFields([], fields, key);
      const made = (await ctx.call('resource_create', {
        ...input.resource,
        url_type: 'datastore',
      })) as { id: string };
      created = true;
      target = await writeTarget(ctx, made.id, { table: false });
    }
    let written: Record<string, CellValue>[] = [];
    try {
      const published = await publishChange(ctx, target, 'datastore_create', (latest) => {
        const old = storedColumns(latest?.columns);
        const columns = mergeFields(old, fields, key);
        const newKey = keyOf(columns);
        written = fitRecords(records, columns);
        return {
          change: {
            kind: 'merge',
            columns: asColumnInfo(columns),
            key: newKey,
            checkKey:
              latest !== undefined && newKey.length > 0 && newKey.join('\0') !== keyOf(old).join('\0'),
            method: 'insert',
            records: written,
          },
          columns,
          summary: { fields: fields.map((f) => f.id), primary_key: newKey, records: records.length },
          note: `datastore_create: ${records.length} records`,
        };
      });
      return {
        resource_id: target.resource.id,
        fields,
        ...(input.primary_key !== undefined ? { primary_key: input.primary_key } : {}),
        method: 'insert' as const,
        ...(input.include_records ? { records: written } : {}),
        version: published.version,
      };
    } catch (e) {
      if (created) await ctx.call('resource_delete', { id: target.resource.id }).catch(() => undefined);
      throw e;
    }
  },
});
