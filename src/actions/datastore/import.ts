/**
 * `datastore_import`: an uploaded file into a dataset's datastore table as a new version. Run
 * at once (the CKAN way: one request that answers the result), or with `background: true` as
 * an `import` job (src/jobs/import-job.ts) that answers its id at once and reports its phases
 * and progress; imports into one dataset then run one after another.
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import { userIdOf } from '../../auth/actor.js';
import { findDataset } from '../../catalog/datasets.js';
import { validation } from '../../core/errors.js';
import { checkForeignKeys, parseForeignKeys } from '../../ingest/pipeline/foreign-keys.js';
import { exportSchema, type TableSchema } from '../../ingest/pipeline/schema.js';
import { prepareUpload, takePrepared } from '../../ingest/prepare-upload.js';
import { previewRows } from '../../ingest/preview.js';
import { publishImport } from '../../ingest/publish.js';
import { findUpload } from '../../ingest/uploads.js';
import { editDatasetPolicy } from '../catalog/dataset-policy.js';
import { IdOrName } from '../catalog/schemas.js';
import { jobDict } from '../jobs/index.js';
import type { ActionContext } from '../types.js';
import { defineAction } from '../types.js';
import { datastoreResource } from './shared.js';

const FIELD_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'year',
  'yearmonth',
  'period',
] as const;

export const ImportInput = Type.Object(
  {
    upload_id: Type.String({ minLength: 1, description: 'Id of a file uploaded earlier' }),
    package_id: IdOrName,
    resource_id: Type.Optional(
      Type.String({ description: 'Datastore resource to add a version to; default the dataset’s first' }),
    ),
    sheet: Type.Optional(Type.Union([Type.String(), Type.Integer({ minimum: 0 })])),
    types: Type.Optional(Type.Record(Type.String(), Type.Union(FIELD_TYPES.map((t) => Type.Literal(t))))),
    schema: Type.Optional(
      Type.Object(
        { fields: Type.Array(Type.Object({ name: Type.String() }, { additionalProperties: true })) },
        { additionalProperties: true },
      ),
    ),
    region_columns: Type.Optional(Type.Array(Type.String(), { maxItems: 10 })),
    region_choices: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Record(Type.String(), Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{2}){0,2}(\\.[0-9]{4})?$' })),
        {
          description:
            'Ambiguous region names chosen by hand: `{column: {value as written: Kemendagri code}}`, e.g. `{"Kabupaten/Kota": {"Bandung": "32.04"}}`',
        },
      ),
    ),
    on_error: Type.Optional(Type.Union([Type.Literal('block'), Type.Literal('warn')])),
    dry_run: Type.Optional(Type.Boolean({ default: false })),
    background: Type.Optional(
      Type.Boolean({
        description:
          'Run as an `import` job: answers the job at once (`job_show`, `/api/jobs/{id}/events` follow it); imports into one dataset run one after another',
      }),
    ),
  },
  { additionalProperties: false },
);

export type ImportInput = Static<typeof ImportInput>;

export const datastoreImport = defineAction({
  name: 'datastore_import',
  doc: 'Imports an uploaded file (CSV, TSV, XLSX, HTML table, JSON, Parquet) into a dataset’s datastore table as a new version: types inferred over the whole file, Indonesian numbers and dates normalised, region names coded, a validation report returned. Errors block publishing unless the institution publishes with warnings (`on_error: "warn"`). With `background: true` it runs as a job and answers the job at once. Editors of the dataset’s institution.',
  readOnly: false,
  schema: ImportInput,
  policy: (ctx, input) => editDatasetPolicy(ctx, { id: input.package_id }),
  handler: async (ctx, input) => (input.background ? queueImport(ctx, input) : runImport(ctx, input)),
});

/** Queues the import as a job of the caller, in the dataset's lane, and answers the job. */
async function queueImport(ctx: ActionContext, input: ImportInput) {
  const upload = await findUpload(
    ctx.services.config.dataDir,
    input.upload_id,
    ctx.actor?.id ?? null,
    ctx.actor?.sysadmin ?? false,
  );
  const ds = await findDataset(ctx.services.catalog.db, input.package_id);
  const { background: _, ...params } = input;
  const { job, existing } = await ctx.services.jobs.enqueue({
    kind: 'import',
    target: `dataset:${ds.id}:upload:${upload.id}`,
    lane: `import:dataset:${ds.id}`,
    params: { ...params, package_id: ds.id },
    createdBy: userIdOf(ctx.actor),
    maxAttempts: 1,
  });
  return { ...jobDict(job), existing };
}

const cancelled = () => new Error('dibatalkan');

/** The import itself: prepare (read, profile, convert), check, publish; stops between steps when `ctx.signal` aborts. */
export async function runImport(ctx: ActionContext, input: ImportInput) {
  const stop = () => {
    if (ctx.signal?.aborted) throw cancelled();
  };
  const { dataDir } = ctx.services.config;
  const upload = await findUpload(
    dataDir,
    input.upload_id,
    ctx.actor?.id ?? null,
    ctx.actor?.sysadmin ?? false,
  );
  const ds = await findDataset(ctx.services.catalog.db, input.package_id);
  const org = await ctx.services.catalog.db
    .selectFrom('organization')
    .select('extras')
    .where('id', '=', ds.organization_id)
    .executeTakeFirst();
  const onError = input.on_error ?? (org?.extras.validation_policy === 'warn' ? 'warn' : 'block');
  const size = (await stat(upload.path)).size;
  // Prepared already when the caller started reading the file early (the CLI: prepare-upload.ts).
  const early = await takePrepared(upload.id, input);
  if (!early) ctx.progress?.('read', 0, size, 0);
  stop();
  const prepared = await (early ??
    prepareUpload(
      upload.path,
      input,
      ctx.services.config,
      (phase, rows, done, total) => ctx.progress?.(phase, done, total, rows),
      ctx.signal,
    ));
  try {
    stop();
    ctx.progress?.('check', size, size, prepared.parquet.rows);
    const report = await checkForeignKeys(
      prepared.parquet.path,
      parseForeignKeys(
        (input.schema as unknown as TableSchema | undefined)?.foreignKeys,
        prepared.columns.map((c) => c.name),
      ),
      async (resource) => {
        // The referenced table, as the caller may read it.
        const { version } = await datastoreResource(ctx, resource);
        const path = await ctx.services.datastore.localFile({
          tableId: version.table_id,
          version: version.version,
        });
        if (!path) throw validation({ schema: [`the table of ${resource} is not on this machine`] });
        return { path, columns: version.columns.map((c) => c.name) };
      },
      prepared.report,
      prepared.layout.dataStartLine ?? 2,
    );
    const regionColumns = prepared.columns.slice(prepared.fields.length);
    const summary = {
      file: upload.filename,
      report,
      fields: prepared.fields,
      columns: prepared.columns,
      /** The Table Schema this import used, to check the next upload of the table against. */
      schema: exportSchema(
        prepared.fields,
        regionColumns.map((c) => ({ name: c.name, title: c.name })),
        input.schema as unknown as TableSchema | undefined,
      ),
    };
    if (input.dry_run)
      return {
        ...summary,
        published: false,
        preview:
          prepared.parquet.rows > 0
            ? await previewRows(prepared.parquet.path, dirname(prepared.parquet.path))
            : null,
      };
    if (!report.valid && onError === 'block') {
      const first = report.issues.find(
        (i) => i.code !== 'region-ambiguous' && i.code !== 'region-unresolved',
      );
      throw validation(
        {
          upload_id: [
            first?.field
              ? `${report.errorCount} errors; nothing was published. First: row ${first.row}, line ${first.line}, column ${first.field}: ${first.message}`
              : `${report.errorCount} errors; nothing was published. First: row ${first?.row}, line ${first?.line}: ${first?.message}`,
          ],
        },
        'The file has errors',
      );
    }
    stop();
    ctx.progress?.('publish', size, size, prepared.parquet.rows);
    const published = await publishImport(ctx.services, ctx.actor, {
      datasetId: ds.id,
      ...(input.resource_id ? { resourceId: input.resource_id } : {}),
      prepared,
      filename: upload.filename,
      source: 'upload',
    });
    return { ...summary, published: true, ...published };
  } finally {
    await prepared.dispose();
  }
}
