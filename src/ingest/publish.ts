/**
 * Publishing a prepared import as the next version of a dataset's datastore table. The
 * Parquet file is placed atomically by the datastore first; the catalog then records the
 * version in one transaction. A reader follows the catalog's latest version, so it sees the
 * old table or the new one, never a mix; a failure between the two steps leaves an
 * unreferenced file that the next import skips past. Writers of one table take turns in this
 * process (the datastore actions' table lock); across processes the catalog's unique
 * (table_id, version) decides, and the loser publishes as the version after the winner's.
 */
import { randomUUID } from 'node:crypto';
import { withTableLock } from '../actions/datastore/table-lock.js';
import type { Actor, Services } from '../actions/types.js';
import { audit } from '../catalog/audit.js';
import { findDataset } from '../catalog/datasets.js';
import { jsonb } from '../catalog/json.js';
import type { PreparedImport } from './pipeline/import.js';

export interface Published {
  readonly resource_id: string;
  readonly table_id: string;
  readonly version: number;
  readonly rows: number;
}

export async function publishImport(
  services: Services,
  actor: Actor | null,
  input: {
    datasetId: string;
    resourceId?: string;
    prepared: PreparedImport;
    filename: string;
    source: string;
  },
): Promise<Published> {
  const db = services.catalog.db;
  const ds = await findDataset(db, input.datasetId);
  // The resource is looked up inside the turn, so two first imports make one table, not two.
  return withTableLock(services.datastore, input.resourceId ?? `dataset:${ds.id}`, async () => {
    const existing = input.resourceId
      ? await db
          .selectFrom('resource')
          .selectAll()
          .where('id', '=', input.resourceId)
          .where('dataset_id', '=', ds.id)
          .executeTakeFirst()
      : await db
          .selectFrom('resource')
          .selectAll()
          .where('dataset_id', '=', ds.id)
          .where('state', '=', 'active')
          .where('datastore_table_id', 'is not', null)
          .orderBy('position')
          .executeTakeFirst();
    const tableId = existing?.datastore_table_id ?? `t_${randomUUID().replaceAll('-', '')}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await publishOnce(services, actor, input, ds.id, existing, tableId);
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= ATTEMPTS) throw e;
      }
    }
  });
}

const ATTEMPTS = 5;
const isUniqueViolation = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === '23505';

async function publishOnce(
  services: Services,
  actor: Actor | null,
  input: { prepared: PreparedImport; filename: string; source: string },
  datasetId: string,
  existing: { id: string; datastore_table_id: string | null } | undefined,
  tableId: string,
): Promise<Published> {
  const db = services.catalog.db;
  const ds = { id: datasetId };
  const recorded = await db
    .selectFrom('dataset_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('table_id', '=', tableId)
    .executeTakeFirst();
  const onDisk = await services.datastore.listVersions(tableId);
  const version = Math.max(Number(recorded?.v ?? 0), ...onDisk, 0) + 1;
  const info = await services.datastore.writeVersion(
    { tableId, version },
    { kind: 'parquet', path: input.prepared.parquet.path },
  );
  return db.transaction().execute(async (trx) => {
    let resourceId = existing?.id;
    if (!resourceId) {
      const position = await trx
        .selectFrom('resource')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('dataset_id', '=', ds.id)
        .executeTakeFirst();
      const r = await trx
        .insertInto('resource')
        .values({
          dataset_id: ds.id,
          position: Number(position?.n ?? 0),
          name: input.filename,
          description: 'Tabel datastore hasil impor',
          url_type: 'datastore',
          format: 'CSV',
          datastore_table_id: tableId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      resourceId = r.id;
    } else if (!existing?.datastore_table_id) {
      await trx
        .updateTable('resource')
        .set({ datastore_table_id: tableId, url_type: 'datastore' })
        .where('id', '=', resourceId)
        .execute();
    }
    const titles = new Map(input.prepared.fields.map((f) => [f.name, f]));
    await trx
      .insertInto('dataset_version')
      .values({
        dataset_id: ds.id,
        version,
        table_id: tableId,
        resource_id: resourceId,
        row_count: info.rowCount,
        columns: jsonb(
          info.columns.map((c) => ({
            name: c.name,
            type: c.type,
            title: titles.get(c.name)?.title ?? c.name,
          })),
        ),
        source: input.source,
        note: `${input.filename}: ${input.prepared.report.rows} baris, ${input.prepared.report.errorCount} galat, ${input.prepared.report.warningCount} peringatan`,
      })
      .execute();
    await trx.updateTable('dataset').set({ modified: new Date() }).where('id', '=', ds.id).execute();
    await audit(trx, actor, {
      action: 'datastore_import',
      entityType: 'dataset',
      entityId: ds.id,
      before: null,
      after: { resource_id: resourceId, version, rows: info.rowCount, file: input.filename },
    });
    return { resource_id: resourceId, table_id: tableId, version, rows: info.rowCount };
  });
}
