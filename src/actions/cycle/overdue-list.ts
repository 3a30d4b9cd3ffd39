import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { findOrganization } from '../../catalog/organizations.js';
import { jakartaDate } from '../../cycle/overdue.js';
import { IdOrName } from '../catalog/schemas.js';
import { signedInPolicy } from '../policy.js';
import { defineAction } from '../types.js';

export const overdueList = defineAction({
  name: 'overdue_list',
  doc: 'Overdue periods of the Daftar Data (a due date passed with no submission since the previous one; see src/cycle/overdue.ts), newest due date first: the plan item, institution, due date, days late, when found and when resolved by which submission. `open_only` (default true) leaves out resolved ones; `owner_org` keeps one institution. Signed-in users.',
  readOnly: true,
  schema: Type.Object({
    owner_org: Type.Optional(IdOrName),
    open_only: Type.Optional(Type.Boolean({ default: true })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  }),
  policy: signedInPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = input.owner_org ? await findOrganization(db, input.owner_org) : undefined;
    let q = db
      .selectFrom('cycle_overdue as c')
      .innerJoin('data_plan_item as p', 'p.id', 'c.plan_item_id')
      .innerJoin('organization as o', 'o.id', 'c.organization_id')
      .leftJoin('dataset as d', 'd.id', 'p.dataset_id')
      .select([
        'c.id',
        'c.plan_item_id',
        'p.title',
        'p.year',
        'p.priority',
        'o.name as organization',
        'o.title as organization_title',
        'd.name as dataset',
        sql<string>`c.due_date::text`.as('due_date'),
        'c.detected_at',
        'c.resolved_at',
        'c.resolved_by_submission',
      ]);
    if (org) q = q.where('c.organization_id', '=', org.id);
    if (input.open_only !== false) q = q.where('c.resolved_at', 'is', null);
    const rows = await q
      .orderBy('c.due_date', 'desc')
      .orderBy('o.name')
      .orderBy('p.title')
      .limit(input.limit ?? 200)
      .offset(input.offset ?? 0)
      .execute();
    const today = Date.parse(jakartaDate(new Date()));
    return rows.map((r) => ({
      ...r,
      days_late: Math.round((today - Date.parse(r.due_date)) / 86_400_000),
      detected_at: r.detected_at.toISOString(),
      resolved_at: r.resolved_at?.toISOString() ?? null,
    }));
  },
});
