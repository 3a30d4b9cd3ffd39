import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { LICENSES } from '../../catalog/licenses.js';
import { publicPolicy } from '../policy.js';
import { defineAction } from '../types.js';

export const tagList = defineAction({
  name: 'tag_list',
  doc: 'Tags of the active public datasets; `query` filters by a part of the name; all_fields gives {name, display_name, count}.',
  readOnly: true,
  schema: Type.Object({
    query: Type.Optional(Type.String({ maxLength: 100 })),
    all_fields: Type.Optional(Type.Boolean({ default: false })),
  }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    let q = ctx.services.catalog.db
      .selectFrom(
        sql<{
          tag: string;
        }>`(SELECT unnest(tags) AS tag FROM dataset WHERE state = 'active' AND NOT private)`.as('t'),
      )
      .select(['t.tag', sql<number>`count(*)`.as('n')])
      .groupBy('t.tag')
      .orderBy('t.tag');
    if (input.query) q = q.where('t.tag', 'ilike', `%${input.query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
    const rows = await q.execute();
    return input.all_fields
      ? rows.map((r) => ({ name: r.tag, display_name: r.tag, count: Number(r.n), vocabulary_id: null }))
      : rows.map((r) => r.tag);
  },
});

export const licenseList = defineAction({
  name: 'license_list',
  doc: 'The licences a dataset may carry (CKAN’s default list).',
  readOnly: true,
  schema: Type.Object({}),
  policy: publicPolicy,
  handler: async () => LICENSES,
});
