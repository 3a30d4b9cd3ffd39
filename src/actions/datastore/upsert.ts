import { Type } from '@sinclair/typebox';
import type { CellValue } from '../../datastore/backend.js';
import { defineAction } from '../types.js';
import { asColumnInfo, fitRecords, keyOf, RecordList, storedColumns } from './fields.js';
import { latestVersion, publishChange } from './publish-change.js';
import { writeDatastorePolicy, writeTarget } from './write-target.js';

const METHODS = ['upsert', 'insert', 'update'] as const;

export const datastoreUpsert = defineAction({
  name: 'datastore_upsert',
  doc: 'Adds or changes rows of a datastore table as its next version, as CKAN’s `method`: `insert` (keys must be new), `update` (keys must exist; only the fields given change) or `upsert` (either; the default). Records are checked against the field types; nothing is published when any record is refused. Editors of the dataset’s institution.',
  readOnly: false,
  schema: Type.Object(
    {
      resource_id: Type.String({ minLength: 1 }),
      records: RecordList,
      method: Type.Optional(Type.Union(METHODS.map((m) => Type.Literal(m)))),
      force: Type.Optional(Type.Boolean()),
      include_records: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  policy: writeDatastorePolicy,
  handler: async (ctx, input) => {
    const method = input.method ?? 'upsert';
    const target = await writeTarget(ctx, input.resource_id, { force: input.force, table: true });
    if (input.records.length === 0) {
      // Nothing changes, so no new version (CKAN answers an empty upsert the same way).
      const latest = await latestVersion(ctx, target.resource.datastore_table_id);
      return { resource_id: target.resource.id, method, version: latest?.version ?? 0 };
    }
    let written: Record<string, CellValue>[] = [];
    const published = await publishChange(ctx, target, 'datastore_upsert', (latest) => {
      const columns = storedColumns(latest?.columns);
      written = fitRecords(input.records, columns);
      return {
        change: {
          kind: 'merge',
          columns: asColumnInfo(columns),
          key: keyOf(columns),
          method,
          records: written,
        },
        columns,
        summary: { method, records: input.records.length },
        note: `datastore_upsert (${method}): ${input.records.length} records`,
      };
    });
    return {
      resource_id: target.resource.id,
      method,
      ...(input.include_records ? { records: written } : {}),
      version: published.version,
    };
  },
});
