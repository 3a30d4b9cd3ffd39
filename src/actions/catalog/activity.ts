/**
 * Activity streams, read from the audit log: who changed what and when, with the changed
 * fields. Dataset activity is visible to whoever may read the dataset.
 */
import { Type } from '@sinclair/typebox';
import type { Selectable } from 'kysely';
import { canReadDataset } from '../../catalog/access.js';
import { ckanTime } from '../../catalog/ckan-format.js';
import { findDataset } from '../../catalog/datasets.js';
import { findOrganization } from '../../catalog/organizations.js';
import type { AuditLogTable } from '../../catalog/schema.js';
import { publicPolicy } from '../policy.js';
import { defineAction } from '../types.js';
import { readDatasetPolicy } from './dataset-policy.js';
import { IdOrName } from './schemas.js';

const TYPES: Record<string, string> = {
  package_create: 'new package',
  package_update: 'changed package',
  package_patch: 'changed package',
  package_delete: 'deleted package',
  organization_create: 'new organization',
  organization_update: 'changed organization',
  organization_delete: 'deleted organization',
};

const Paging = {
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 31 })),
};

interface Changes {
  fields?: Record<string, { before: unknown; after: unknown }>;
  actor_id?: string | null;
}

function activityDict(row: Selectable<AuditLogTable>) {
  const changes = row.changes as Changes;
  const fields = changes.fields ?? {};
  const after = (key: string) => fields[key]?.after;
  return {
    id: String(row.id),
    timestamp: ckanTime(row.at),
    user_id: changes.actor_id ?? null,
    user_name: row.actor,
    object_id: row.entity_id,
    activity_type: TYPES[row.action] ?? row.action,
    data: {
      changed_fields: Object.keys(fields).sort(),
      changes: fields,
      ...(row.entity_type === 'dataset'
        ? { package: { id: row.entity_id, name: after('name'), title: after('title') } }
        : {}),
    },
  };
}

export const packageActivityList = defineAction({
  name: 'package_activity_list',
  doc: 'What happened to a dataset, newest first: who changed which fields, when (from the audit log).',
  readOnly: true,
  schema: Type.Object({ id: IdOrName, ...Paging }),
  policy: readDatasetPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const ds = await findDataset(db, input.id);
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'dataset')
      .where('entity_id', '=', ds.id)
      .orderBy('id', 'desc')
      .offset(input.offset ?? 0)
      .limit(input.limit ?? 31)
      .execute();
    return rows.map(activityDict);
  },
});

export const organizationActivityList = defineAction({
  name: 'organization_activity_list',
  doc: 'What happened to an institution and the datasets of it the caller may see, newest first.',
  readOnly: true,
  schema: Type.Object({ id: IdOrName, ...Paging }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const db = ctx.services.catalog.db;
    const org = await findOrganization(db, input.id);
    const datasets = await db
      .selectFrom('dataset')
      .select(['id', 'organization_id', 'private', 'state', 'creator_user_id'])
      .where('organization_id', '=', org.id)
      .execute();
    const visible = datasets.filter((d) => canReadDataset(ctx.actor, d)).map((d) => d.id);
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('entity_type', '=', 'organization'), eb('entity_id', '=', org.id)]),
          ...(visible.length
            ? [eb.and([eb('entity_type', '=', 'dataset'), eb('entity_id', 'in', visible)])]
            : []),
        ]),
      )
      .orderBy('id', 'desc')
      .offset(input.offset ?? 0)
      .limit(input.limit ?? 31)
      .execute();
    return rows.map(activityDict);
  },
});
