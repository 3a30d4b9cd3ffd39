import { Type } from '@sinclair/typebox';
import { validation } from '../../core/errors.js';
import { DIFF_MAX_LIMIT } from '../../datastore/diff.js';
import { defineAction } from '../types.js';
import { datastoreResource, readDatastorePolicy } from './shared.js';

const keyList = (key: string | string[] | undefined): string[] =>
  (typeof key === 'string' ? key.split(',') : (key ?? [])).map((k) => k.trim()).filter(Boolean);

export const datastoreDiff = defineAction({
  name: 'datastore_diff',
  doc: 'What changed between two versions of a datastore table (default: the latest and the one before): rows added, removed and changed, matched on the `key` columns, with a page of examples of each (`limit`, `offset`) and the columns added and removed. Without `key`: the table’s primary key if it has one, else whole rows are compared, which counts added and removed rows only (a changed row counts as one of each).',
  readOnly: true,
  schema: Type.Object({
    resource_id: Type.String({ minLength: 1 }),
    from_version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Default: the version before to_version' }),
    ),
    to_version: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the latest version' })),
    key: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 5000, description: 'Key columns, comma-separated' }),
        Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 32 }),
      ]),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: DIFF_MAX_LIMIT, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  }),
  policy: readDatastorePolicy,
  handler: async (ctx, input) => {
    const to = await datastoreResource(ctx, input.resource_id, input.to_version);
    const tableId = to.version.table_id;
    let fromVersion = input.from_version;
    if (fromVersion === undefined) {
      const before = await ctx.services.catalog.db
        .selectFrom('dataset_version')
        .select('version')
        .where('table_id', '=', tableId)
        .where('version', '<', to.version.version)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      if (!before)
        throw validation({
          from_version: [
            `version ${to.version.version} is the table's first; give a version to compare with`,
          ],
        });
      fromVersion = before.version;
    }
    const from = await datastoreResource(ctx, input.resource_id, fromVersion);
    // No key given: the table's primary key when the catalog records one (columns marked
    // `primary_key`, as datastore_create sets them), else whole rows.
    const given = keyList(input.key);
    const key =
      given.length > 0
        ? given
        : to.version.columns
            .filter((c) => (c as { primary_key?: boolean }).primary_key === true)
            .map((c) => c.name);
    const limit = input.limit ?? 20;
    const offset = input.offset ?? 0;
    const diff = await ctx.services.datastore.diff(
      { tableId, version: from.version.version },
      { tableId, version: to.version.version },
      key,
      { limit, offset },
    );
    return {
      resource_id: input.resource_id,
      from_version: from.version.version,
      to_version: to.version.version,
      compared_by: given.length > 0 ? 'key' : key.length > 0 ? 'primary_key' : 'row',
      ...(key.length > 0
        ? {}
        : {
            note: 'No key given and no primary key recorded for the table: whole rows were compared, so a changed row counts as one removed and one added. Give `key` to see changes.',
          }),
      limit,
      offset,
      ...diff,
    };
  },
});
