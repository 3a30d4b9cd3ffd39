/**
 * Whole-table downloads, as CKAN's DataStore dump:
 * `GET /datastore/dump/{resource_id}?format=csv|tsv|json|xlsx|parquet[&version=N]`.
 * Access is exactly `datastore_search`'s (a hidden table answers 404 as an unknown one). The
 * rows are streamed from the datastore a batch at a time, never held whole; Parquet is the
 * version's own file. CSV, TSV and XLSX are protected against formula injection.
 */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { datastoreResource } from '../../actions/datastore/shared.js';
import type { ActionRegistry } from '../../actions/registry.js';
import type { Services } from '../../actions/types.js';
import { countDatasetUse } from '../../catalog/usage.js';
import { badRequest } from '../../core/errors.js';
import type { DatastoreBackend, TableRef } from '../../datastore/backend.js';
import { clientInfo, makeContext, requestLocale } from '../context.js';
import { textDownload } from './text-formats.js';
import { xlsxDownload } from './xlsx.js';

export const DUMP_TYPES = {
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
} as const;
type DumpFormat = keyof typeof DUMP_TYPES;

const isFormat = (f: string): f is DumpFormat => Object.hasOwn(DUMP_TYPES, f);

function parseVersion(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw badRequest('version must be a positive whole number');
  return Number(raw);
}

/** `<dataset-name>[-vN].<ext>`, ASCII only (names are already; anything else becomes `-`). */
export const dumpFilename = (name: string, version: number | undefined, ext: string): string =>
  `${name.replace(/[^A-Za-z0-9._-]/g, '-') || 'data'}${version === undefined ? '' : `-v${version}`}.${ext}`;

async function openBody(
  datastore: DatastoreBackend,
  ref: TableRef,
  format: DumpFormat,
  recordsFormat: string | undefined,
): Promise<{ body: Readable; bytes?: number }> {
  if (format === 'parquet') {
    const file = await datastore.versionFile(ref);
    return { body: file.open(), bytes: file.bytes };
  }
  const rows = await datastore.stream(ref);
  if (format === 'xlsx') return { body: xlsxDownload(rows) };
  return { body: textDownload(rows, format, recordsFormat === 'lists') };
}

interface DumpRequest {
  Params: { resource_id: string };
  Querystring: { format?: string; version?: string; records_format?: string };
}

const dump: FastifyPluginAsync<{ registry: ActionRegistry; services: Services }> = async (
  app,
  { registry, services },
) => {
  // No automatic HEAD: it would read (and throw away) the whole table.
  app.get<DumpRequest>('/datastore/dump/:resource_id', { exposeHeadRoute: false }, async (req, reply) => {
    const format = (req.query.format ?? 'csv').toLowerCase();
    if (!isFormat(format)) throw badRequest(`format must be one of ${Object.keys(DUMP_TYPES).join(', ')}`);
    const asked = parseVersion(req.query.version);
    const locale = requestLocale(req, services.config.locale);
    const ctx = makeContext(registry, services, req.auth.actor, locale, req.id);
    const { dataset, version } = await datastoreResource(ctx, req.params.resource_id, asked);
    const ref = { tableId: version.table_id, version: version.version };
    // Everything that may fail runs before the headers are set, so errors answer as JSON.
    const { body, bytes } = await openBody(services.datastore, ref, format, req.query.records_format);
    // One download per visitor, dataset and day counts as use (src/catalog/usage.ts).
    await countDatasetUse(services.catalog, dataset.id, 'download', clientInfo(req));
    reply
      .header('content-disposition', `attachment; filename="${dumpFilename(dataset.name, asked, format)}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('x-datastore-version', String(version.version))
      .type(DUMP_TYPES[format]);
    if (bytes !== undefined) reply.header('content-length', String(bytes));
    return reply.send(body);
  });
};

export const dumpRoutes = fp(dump, { name: 'kendali-datastore-dump' });
