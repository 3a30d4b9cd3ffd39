/**
 * Publishing a change to a datastore table as its next version, as ingest/publish.ts does for
 * imports: the datastore writes the new Parquet file atomically (derived from the latest
 * version), then one catalog transaction records the version, touches the dataset and audits.
 *
 * Writers of one table take turns in this process (table-lock.ts). Across processes the
 * transaction re-checks, with the resource row locked, that the base is still the latest
 * version; if another writer got there first (or the (table_id, version) pair is taken, or the
 * file name is), the change is planned again on the new latest version. A file left by a lost
 * attempt is never referenced, and the next version number skips past it.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { audit } from '../../catalog/audit.js';
import { jsonb } from '../../catalog/json.js';
import type { ColumnInfoRow, DatasetVersionTable } from '../../catalog/schema.js';
import { conflict, isKendaliError, notFound } from '../../core/errors.js';
import type { TableChange } from '../../datastore/backend.js';
import { queueAfterVersion } from '../../ruang-kendali/job.js';
import type { ActionContext } from '../types.js';
import { withTableLock } from './table-lock.js';
import type { WriteTarget } from './write-target.js';

export type VersionRow = Selectable<DatasetVersionTable>;

export interface Plan {
  readonly change: TableChange;
  /** The new version's column entries (with `primary_key`, `info`, `title`). */
  readonly columns: readonly ColumnInfoRow[];
  /** What the audit log and the version's note keep of the call. */
  readonly summary: Record<string, unknown>;
  readonly note: string;
}

export interface PublishedChange {
  readonly version: number;
  readonly rows: number;
  readonly tableId: string;
}

/** Each lost race means another writer published; this many in a row is contention to report. */
const ATTEMPTS = 10;

/** Another writer published first: plan again on the new latest version. */
class Outrun extends Error {}

const isUniqueViolation = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === '23505';

/** The latest recorded version of a table, if any. */
export async function latestVersion(
  ctx: ActionContext,
  tableId: string | null,
): Promise<VersionRow | undefined> {
  if (tableId === null) return undefined;
  return ctx.services.catalog.db
    .selectFrom('dataset_version')
    .selectAll()
    .where('table_id', '=', tableId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function record(
  ctx: ActionContext,
  target: WriteTarget,
  action: string,
  tableId: string,
  base: VersionRow | undefined,
  written: { version: number; rows: number },
  plan: Plan,
): Promise<void> {
  const { resource, dataset } = target;
  await ctx.services.catalog.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('resource')
      .select(['datastore_table_id', 'state'])
      .where('id', '=', resource.id)
      .forUpdate()
      .executeTakeFirst();
    if (r?.state !== 'active') throw notFound(`resource ${resource.id}`);
    if (r.datastore_table_id !== null && r.datastore_table_id !== tableId) throw new Outrun();
    const now = await trx
      .selectFrom('dataset_version')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('table_id', '=', tableId)
      .executeTakeFirst();
    if (Number(now?.v ?? 0) !== (base?.version ?? 0)) throw new Outrun();
    if (r.datastore_table_id === null)
      await trx
        .updateTable('resource')
        .set({ datastore_table_id: tableId, url_type: 'datastore' })
        .where('id', '=', resource.id)
        .execute();
    await trx
      .insertInto('dataset_version')
      .values({
        dataset_id: dataset.id,
        version: written.version,
        table_id: tableId,
        resource_id: resource.id,
        row_count: written.rows,
        columns: jsonb([...plan.columns]),
        source: 'api',
        note: plan.note,
      })
      .execute();
    await trx.updateTable('dataset').set({ modified: new Date() }).where('id', '=', dataset.id).execute();
    await audit(trx, ctx.actor, {
      action,
      entityType: 'dataset',
      entityId: dataset.id,
      before: null,
      after: { resource_id: resource.id, version: written.version, rows: written.rows, ...plan.summary },
    });
  });
}

/**
 * Publishes `plan(latest)` as the next version of the target's table (a new table when the
 * resource has none). `plan` may run more than once and may throw (nothing is written then).
 */
export function publishChange(
  ctx: ActionContext,
  target: WriteTarget,
  action: string,
  plan: (latest: VersionRow | undefined) => Plan,
): Promise<PublishedChange> {
  const { datastore } = ctx.services;
  const newTableId = `t_${randomUUID().replaceAll('-', '')}`;
  return withTableLock(datastore, target.resource.id, async () => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await ctx.services.catalog.db
        .selectFrom('resource')
        .select('datastore_table_id')
        .where('id', '=', target.resource.id)
        .executeTakeFirst();
      const tableId = current?.datastore_table_id ?? newTableId;
      const base = await latestVersion(ctx, tableId);
      const planned = plan(base);
      const onDisk = await datastore.listVersions(tableId);
      const version = Math.max(base?.version ?? 0, ...onDisk) + 1;
      let rows: number;
      try {
        const baseRef = base ? { tableId, version: base.version } : null;
        rows = (await datastore.deriveVersion({ tableId, version }, baseRef, planned.change)).rowCount;
      } catch (e) {
        if (isKendaliError(e) && e.code === 'CONFLICT') continue;
        throw e;
      }
      try {
        await record(ctx, target, action, tableId, base, { version, rows }, planned);
        void queueAfterVersion(ctx.services, target.dataset.id, version);
        return { version, rows, tableId };
      } catch (e) {
        if (e instanceof Outrun || isUniqueViolation(e)) continue;
        throw e;
      }
    }
    throw conflict(`datastore table of resource ${target.resource.id} is being changed by others; try again`);
  });
}
