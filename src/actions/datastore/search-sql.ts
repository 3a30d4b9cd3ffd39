import { Type } from '@sinclair/typebox';
import { canReadDataset } from '../../catalog/access.js';
import { publicPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { CKAN_TYPE } from './shared.js';

const RESOURCE_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export const datastoreSearchSql = defineAction({
  name: 'datastore_search_sql',
  doc: 'Runs one read-only SELECT over datastore tables named by resource id (`SELECT * FROM "<resource_id>"`), with a time limit and a row cap. Only tables the caller may read; no files, network, extensions or settings.',
  readOnly: true,
  schema: Type.Object({
    sql: Type.String({ minLength: 1, maxLength: 20_000, description: 'One SELECT statement' }),
  }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const ids = [...new Set((input.sql.match(RESOURCE_ID) ?? []).map((s) => s.toLowerCase()))].slice(0, 50);
    const tables: { name: string; parquetPath: string }[] = [];
    if (ids.length) {
      const rows = await db
        .selectFrom('resource as r')
        .innerJoin('dataset as d', 'd.id', 'r.dataset_id')
        .select([
          'r.id',
          'r.datastore_table_id',
          'd.organization_id',
          'd.private',
          'd.state',
          'd.creator_user_id',
        ])
        .where('r.id', 'in', ids)
        .where('r.state', '=', 'active')
        .where('r.datastore_table_id', 'is not', null)
        .execute();
      for (const r of rows) {
        if (!r.datastore_table_id || !canReadDataset(ctx.actor, r)) continue;
        const v = await db
          .selectFrom('dataset_version')
          .select('version')
          .where('table_id', '=', r.datastore_table_id)
          .orderBy('version', 'desc')
          .executeTakeFirst();
        if (!v) continue;
        const path = await ctx.services.datastore.localFile({
          tableId: r.datastore_table_id,
          version: v.version,
        });
        if (path) tables.push({ name: r.id, parquetPath: path });
      }
    }
    const sandbox = await ctx.services.sql.get();
    const res = await sandbox.query(input.sql, tables);
    return {
      sql: input.sql,
      fields: res.fields.map((f) => ({ id: f.id, type: CKAN_TYPE[f.type] ?? f.type })),
      records: res.records,
      records_truncated: res.records_truncated,
    };
  },
});
