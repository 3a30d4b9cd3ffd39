import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { findDataset } from '../../catalog/datasets.js';
import { validation } from '../../core/errors.js';
import { checkForeignKeys, parseForeignKeys } from '../../ingest/pipeline/foreign-keys.js';
import { prepareImport } from '../../ingest/pipeline/import.js';
import { exportSchema, type TableSchema } from '../../ingest/pipeline/schema.js';
import type { FieldType } from '../../ingest/pipeline/types.js';
import { publishImport } from '../../ingest/publish.js';
import { findUpload } from '../../ingest/uploads.js';
import { loadCrosswalkDir } from '../../regions/crosswalk/load.js';
import { editDatasetPolicy } from '../catalog/dataset-policy.js';
import { IdOrName } from '../catalog/schemas.js';
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

export const datastoreImport = defineAction({
  name: 'datastore_import',
  doc: 'Imports an uploaded file (CSV, TSV, XLSX, HTML table, JSON, Parquet) into a dataset’s datastore table as a new version: types inferred over the whole file, Indonesian numbers and dates normalised, region names coded, a validation report returned. Errors block publishing unless the institution publishes with warnings (`on_error: "warn"`). Editors of the dataset’s institution.',
  readOnly: false,
  schema: Type.Object(
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
      on_error: Type.Optional(Type.Union([Type.Literal('block'), Type.Literal('warn')])),
      dry_run: Type.Optional(Type.Boolean({ default: false })),
    },
    { additionalProperties: false },
  ),
  policy: (ctx, input) => editDatasetPolicy(ctx, { id: input.package_id }),
  handler: async (ctx, input) => {
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
    const prepared = await prepareImport(upload.path, {
      workDir: join(dataDir, 'tmp', `import-${randomUUID()}`),
      ...(input.sheet !== undefined ? { reader: { sheet: input.sheet } } : {}),
      ...(input.types ? { types: input.types as Record<string, FieldType> } : {}),
      ...(input.schema ? { schema: input.schema as unknown as TableSchema } : {}),
      ...(input.region_columns ? { regions: input.region_columns.map((column) => ({ column })) } : {}),
      ...(ctx.services.config.crosswalkDir
        ? { crosswalk: await loadCrosswalkDir(ctx.services.config.crosswalkDir) }
        : {}),
      onProgress: (phase, _rows, done, total) => ctx.progress?.(phase, done, total),
    });
    try {
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
      if (input.dry_run) return { ...summary, published: false };
      if (!report.valid && onError === 'block') {
        const first = report.issues.find(
          (i) => i.code !== 'region-ambiguous' && i.code !== 'region-unresolved',
        );
        throw validation(
          {
            upload_id: [
              `${report.errorCount} errors; nothing was published. First: row ${first?.row}, line ${first?.line}${first?.field ? `, column ${first.field}` : ''}: ${first?.message}`,
            ],
          },
          'The file has errors',
        );
      }
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
  },
});
