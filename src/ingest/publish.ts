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
import type { Transaction } from 'kysely';
import { withTableLock } from '../actions/datastore/table-lock.js';
import type { Actor, Services } from '../actions/types.js';
import { audit } from '../catalog/audit.js';
import { findDataset, refreshQuality } from '../catalog/datasets.js';
import { jsonb } from '../catalog/json.js';
import type { CatalogSchema, ColumnInfoRow } from '../catalog/schema.js';
import { datasetsChanged } from '../catalog/search/sync.js';
import { parentOfCode } from '../regions/resolve/types.js';
import { queueAfterVersion } from '../ruang-kendali/job.js';
import type { Coverage } from './coverage.js';
import type { PreparedImport } from './pipeline/import.js';

export interface Published {
  readonly resource_id: string;
  readonly table_id: string;
  readonly version: number;
  readonly rows: number;
  /** The dataset's coverage fields this version filled in, read from its data (they were empty). */
  readonly coverage_filled?: Coverage;
}

export interface ImportTarget {
  datasetId: string;
  resourceId?: string;
}

/** The resource an import goes to: the one named, else the dataset's first datastore table. */
async function targetResource(services: Services, datasetId: string, resourceId?: string) {
  const db = services.catalog.db;
  return resourceId
    ? db
        .selectFrom('resource')
        .selectAll()
        .where('id', '=', resourceId)
        .where('dataset_id', '=', datasetId)
        .executeTakeFirst()
    : db
        .selectFrom('resource')
        .selectAll()
        .where('dataset_id', '=', datasetId)
        .where('state', '=', 'active')
        .where('datastore_table_id', 'is not', null)
        .orderBy('position')
        .executeTakeFirst();
}

/** Runs `fn` in the table's turn (see the module note), retrying a version race. */
async function inTurn<T>(services: Services, key: string, fn: () => Promise<T>): Promise<T> {
  return withTableLock(services.datastore, key, async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= ATTEMPTS) throw e;
      }
    }
  });
}

const ATTEMPTS = 5;
const isUniqueViolation = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === '23505';

/** The next free version number of a table: past every recorded one and every file on disk. */
async function nextVersion(services: Services, tableId: string): Promise<number> {
  const recorded = await services.catalog.db
    .selectFrom('dataset_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('table_id', '=', tableId)
    .executeTakeFirst();
  const onDisk = await services.datastore.listVersions(tableId);
  return Math.max(Number(recorded?.v ?? 0), ...onDisk, 0) + 1;
}

const columnsOf = (
  columns: readonly { name: string; type: string }[],
  prepared: PreparedImport,
): ColumnInfoRow[] => {
  const titles = new Map(prepared.fields.map((f) => [f.name, f]));
  return columns.map((c) => ({ name: c.name, type: c.type, title: titles.get(c.name)?.title ?? c.name }));
};

const noteOf = (filename: string, prepared: PreparedImport): string =>
  `${filename}: ${prepared.report.rows} baris, ${prepared.report.errorCount} galat, ${prepared.report.warningCount} peringatan`;

/** The prepared file written as the table's next version, in the table's turn; then `then`. */
async function writeNext<T>(
  services: Services,
  input: ImportTarget & { prepared: PreparedImport },
  then: (written: {
    datasetId: string;
    existing: { id: string; datastore_table_id: string | null } | undefined;
    tableId: string;
    version: number;
    rows: number;
    columns: ColumnInfoRow[];
  }) => Promise<T>,
): Promise<T> {
  const ds = await findDataset(services.catalog.db, input.datasetId);
  // The resource is looked up inside the turn, so two first imports make one table, not two.
  return inTurn(services, input.resourceId ?? `dataset:${ds.id}`, async () => {
    const existing = await targetResource(services, ds.id, input.resourceId);
    const tableId = existing?.datastore_table_id ?? `t_${randomUUID().replaceAll('-', '')}`;
    const version = await nextVersion(services, tableId);
    const info = await services.datastore.writeVersion(
      { tableId, version },
      // The prepared file is not read again (its working directory goes next): moved, not copied.
      { kind: 'parquet', path: input.prepared.parquet.path, move: true },
    );
    return then({
      datasetId: ds.id,
      existing,
      tableId,
      version,
      rows: info.rowCount,
      columns: columnsOf(info.columns, input.prepared),
    });
  });
}

export function publishImport(
  services: Services,
  actor: Actor | null,
  input: ImportTarget & { prepared: PreparedImport; filename: string; source: string },
): Promise<Published> {
  return writeNext(services, input, (written) =>
    recordVersion(services, actor, {
      ...written,
      filename: input.filename,
      source: input.source,
      note: noteOf(input.filename, input.prepared),
      action: 'datastore_import',
      ...(input.prepared.report.coverage ? { coverage: input.prepared.report.coverage } : {}),
    }),
  );
}

export interface Staged {
  readonly resourceId: string | null;
  readonly tableId: string;
  readonly version: number;
  readonly rows: number;
  readonly columns: ColumnInfoRow[];
}

/**
 * Writes a prepared import as a version of the table that no reader sees yet: the file is in
 * the datastore, but no dataset_version records it until `publishStaged` (review approval).
 */
export function stageImport(
  services: Services,
  input: ImportTarget & { prepared: PreparedImport },
): Promise<Staged> {
  return writeNext(services, input, async ({ existing, tableId, version, rows, columns }) => ({
    resourceId: existing?.id ?? null,
    tableId,
    version,
    rows,
    columns,
  }));
}

/**
 * Publishes a staged version: recorded as it is when it is still past the latest published
 * one, else copied to the next version first, so the approved table becomes the latest.
 */
export async function publishStaged(
  services: Services,
  actor: Actor | null,
  staged: Staged & { datasetId: string; filename: string; note: string; coverage?: Coverage },
): Promise<Published> {
  const db = services.catalog.db;
  return inTurn(services, staged.resourceId ?? `dataset:${staged.datasetId}`, async () => {
    const existing = staged.resourceId
      ? await db.selectFrom('resource').selectAll().where('id', '=', staged.resourceId).executeTakeFirst()
      : await targetResource(services, staged.datasetId);
    const tableId = existing?.datastore_table_id ?? staged.tableId;
    const latest = await db
      .selectFrom('dataset_version')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('table_id', '=', tableId)
      .executeTakeFirst();
    let version = staged.version;
    if (tableId !== staged.tableId || version <= Number(latest?.v ?? 0)) {
      const path = await services.datastore.localFile({ tableId: staged.tableId, version: staged.version });
      if (!path)
        throw new Error(`staged version ${staged.tableId} v${staged.version} is not on this machine`);
      version = await nextVersion(services, tableId);
      await services.datastore.writeVersion({ tableId, version }, { kind: 'parquet', path });
    }
    return recordVersion(services, actor, {
      datasetId: staged.datasetId,
      existing,
      tableId,
      version,
      rows: staged.rows,
      columns: staged.columns,
      filename: staged.filename,
      source: 'review',
      note: staged.note,
      action: 'review_publish',
      ...(staged.coverage ? { coverage: staged.coverage } : {}),
    });
  });
}

/** One catalog transaction: the resource (made when the dataset has no table yet), the version, the audit. */
async function recordVersion(
  services: Services,
  actor: Actor | null,
  v: {
    datasetId: string;
    existing: { id: string; datastore_table_id: string | null } | undefined;
    tableId: string;
    version: number;
    rows: number;
    columns: ColumnInfoRow[];
    filename: string;
    source: string;
    note: string;
    action: string;
    coverage?: Coverage;
  },
): Promise<Published> {
  const published = await services.catalog.db.transaction().execute(async (trx) => {
    let resourceId = v.existing?.id;
    if (!resourceId) {
      const position = await trx
        .selectFrom('resource')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('dataset_id', '=', v.datasetId)
        .executeTakeFirst();
      const r = await trx
        .insertInto('resource')
        .values({
          dataset_id: v.datasetId,
          position: Number(position?.n ?? 0),
          name: v.filename,
          description: 'Tabel datastore hasil impor',
          url_type: 'datastore',
          format: 'CSV',
          datastore_table_id: v.tableId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      resourceId = r.id;
    } else if (!v.existing?.datastore_table_id) {
      await trx
        .updateTable('resource')
        .set({ datastore_table_id: v.tableId, url_type: 'datastore' })
        .where('id', '=', resourceId)
        .execute();
    }
    // What the last version's data covered, before this version is recorded.
    const coverage = v.coverage ? await catalogCoverage(trx, v.coverage) : undefined;
    const previous = coverage
      ? await trx
          .selectFrom('dataset_version')
          .select('coverage')
          .where('dataset_id', '=', v.datasetId)
          .where('coverage', 'is not', null)
          .orderBy('created', 'desc')
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
    await trx
      .insertInto('dataset_version')
      .values({
        dataset_id: v.datasetId,
        version: v.version,
        table_id: v.tableId,
        resource_id: resourceId,
        row_count: v.rows,
        columns: jsonb(v.columns),
        source: v.source,
        note: v.note,
        coverage: coverage ? jsonb(coverage) : null,
      })
      .execute();
    await trx.updateTable('dataset').set({ modified: new Date() }).where('id', '=', v.datasetId).execute();
    const filled = coverage
      ? await fillCoverage(trx, v.datasetId, coverage, previous?.coverage ?? undefined)
      : undefined;
    await audit(trx, actor, {
      action: v.action,
      entityType: 'dataset',
      entityId: v.datasetId,
      before: null,
      after: { resource_id: resourceId, version: v.version, rows: v.rows, file: v.filename },
    });
    return {
      resource_id: resourceId,
      table_id: v.tableId,
      version: v.version,
      rows: v.rows,
      ...(filled ? { coverage_filled: filled } : {}),
    };
  });
  // Indicators and alerts over this dataset are evaluated by a job, not in the import's time.
  void queueAfterVersion(services, v.datasetId, v.version);
  return published;
}

/**
 * The coverage as the catalog can hold it: the catalog lists provinces and regencies, so a
 * kecamatan or desa stands as its nearest listed ancestor (a code with none is left out).
 */
async function catalogCoverage(trx: Transaction<CatalogSchema>, coverage: Coverage): Promise<Coverage> {
  const { cakupan_wilayah: regions, ...rest } = coverage;
  if (!regions?.length) return rest;
  /** The code and those above it, nearest first. */
  const ancestors = (code: string): string[] => {
    const up = parentOfCode(code);
    return up === undefined ? [code] : [code, ...ancestors(up)];
  };
  const known = new Set(
    (
      await trx
        .selectFrom('region')
        .select('code')
        .where('code', 'in', [...new Set(regions.flatMap(ancestors))])
        .execute()
    ).map((r) => r.code),
  );
  const codes = [...new Set(regions.flatMap((c) => ancestors(c).find((a) => known.has(a)) ?? []))];
  return codes.length ? { ...rest, cakupan_wilayah: codes } : rest;
}

/**
 * Brings the dataset's coverage fields (SDI cakupan wilayah and waktu) up to what the new
 * version's data covers (`coverage`, as the catalog holds it), where a field is empty or still
 * says what the last version's data said (`previous`): a field a data officer wrote stays as it
 * is. The time span moves as one. Returns the fields changed, if any.
 */
async function fillCoverage(
  trx: Transaction<CatalogSchema>,
  datasetId: string,
  coverage: Coverage,
  previous: Coverage | undefined,
): Promise<Coverage | undefined> {
  const row = await trx.selectFrom('dataset').select('sdi').where('id', '=', datasetId).executeTakeFirst();
  if (!row) return undefined;
  const sdi: Record<string, unknown> = row.sdi;
  const was: Record<string, unknown> = previous ?? {};
  const now: Record<string, unknown> = coverage;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const empty = (v: unknown) =>
    v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  /** The data's to set: empty, or as the last version's data had it. */
  const ours = (k: string) => empty(sdi[k]) || (was[k] !== undefined && same(sdi[k], was[k]));
  const fill: Record<string, unknown> = {};
  for (const k of ['cakupan_wilayah_tingkat', 'cakupan_wilayah'] as const)
    if (now[k] !== undefined && ours(k) && !same(sdi[k], now[k])) fill[k] = now[k];
  const [from, to] = ['cakupan_waktu_mulai', 'cakupan_waktu_selesai'] as const;
  if (
    now[from] !== undefined &&
    now[to] !== undefined &&
    ours(from) &&
    ours(to) &&
    !(same(sdi[from], now[from]) && same(sdi[to], now[to]))
  ) {
    fill[from] = now[from];
    fill[to] = now[to];
  }
  if (Object.keys(fill).length === 0) return undefined;
  await trx
    .updateTable('dataset')
    .set({ sdi: jsonb({ ...sdi, ...fill }) })
    .where('id', '=', datasetId)
    .execute();
  await refreshQuality(trx, [datasetId]);
  datasetsChanged(trx, [datasetId]);
  return fill as Coverage;
}
