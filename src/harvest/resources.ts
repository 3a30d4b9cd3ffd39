/**
 * A remote resource's data into the local datastore: which resources carry a table, where to
 * download it, and download → upload → `datastore_import` with the temporary file removed
 * whatever happens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadToFile } from './client.js';
import { absoluteUrl } from './mapping.js';
import type { RemoteResource } from './remote.js';
import { type Obj, text } from './shape.js';
import type { HarvestDeps, HarvestLimits } from './types.js';

/** File formats the import reads, by the remote's `format` (case-insensitive) → file extension. */
const TABLE_FORMATS: Record<string, string> = { CSV: 'csv', XLSX: 'xlsx', XLS: 'xls', JSON: 'json' };

/** The file extension the import reads for a format (`csv`, `XLSX`…), undefined for any other format. */
export const tableExtension = (format: string): string | undefined =>
  TABLE_FORMATS[format.trim().toUpperCase()];

/** The extensions of the files the import reads (csv, xlsx, xls, json). */
export const TABLE_EXTENSIONS: ReadonlySet<string> = new Set(Object.values(TABLE_FORMATS));

export interface DataSource {
  readonly url: string;
  readonly ext: string;
  /** An HTML answer is an error page, not data (BPS `.xls` files are HTML tables, so not for XLS). */
  readonly refuseHtml: boolean;
}

/**
 * Where a resource's table comes from: a remote datastore table as CKAN's CSV dump, else a file
 * in a format the import reads; undefined for anything else (links, PDFs, APIs), which stays a
 * plain link.
 */
export function dataSource(r: RemoteResource, base: string): DataSource | undefined {
  if (r.datastoreActive)
    return {
      url: `${base}/datastore/dump/${encodeURIComponent(r.id)}?format=csv`,
      ext: 'csv',
      refuseHtml: true,
    };
  const ext = tableExtension(r.format);
  if (!ext) return undefined;
  const url = absoluteUrl(r.url, base);
  if (!url) throw new Error(`resource has no http(s) URL to download (${JSON.stringify(r.url)})`);
  return { url, ext, refuseHtml: ext !== 'xls' };
}

/**
 * Whether the local copy of a resource's data is current: imported before from the same URL and
 * change time. A remote datastore table can change without its resource saying so, so it is
 * always read again when its dataset changed.
 */
export function dataIsCurrent(r: RemoteResource, before: Obj | undefined): boolean {
  return (
    before !== undefined &&
    before.datastore_active === true &&
    !r.datastoreActive &&
    r.marker !== '' &&
    text(before, 'harvest_resource_modified') === r.marker
  );
}

/** A file name the import and the uploads area accept, ending in the format's extension. */
function fileName(r: RemoteResource, ext: string): string {
  const stem =
    (r.name || r.id || 'data')
      .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
      .slice(0, 80)
      .trim() || 'data';
  return stem.toLowerCase().endsWith(`.${ext}`) ? stem : `${stem}.${ext}`;
}

/**
 * Downloads the resource's data (bounded), uploads it and imports it into the local resource's
 * table. `codedAlready`: the table comes from another Kendali, whose region columns already
 * carry their `_kode` and `_nama_baku` columns, so region detection is turned off.
 */
export async function importResource(
  deps: HarvestDeps,
  limits: HarvestLimits,
  from: DataSource,
  r: RemoteResource,
  target: { datasetId: string; resourceId: string; codedAlready: boolean },
): Promise<void> {
  const dir = await mkdtemp(join(deps.workDir, 'resource-'));
  try {
    const filename = fileName(r, from.ext);
    const path = join(dir, filename);
    await downloadToFile(from.url, path, {
      timeoutMs: limits.requestTimeoutMs,
      maxBytes: limits.maxResourceBytes,
      signal: deps.signal,
      refuseHtml: from.refuseHtml,
    });
    const uploadId = await deps.upload(path, filename);
    try {
      await deps.call('datastore_import', {
        upload_id: uploadId,
        package_id: target.datasetId,
        resource_id: target.resourceId,
        on_error: 'warn',
        // Coding region columns again would add `<col>_kode_kode` beside the remote's own codes.
        ...(target.codedAlready ? { region_columns: [] } : {}),
      });
    } finally {
      await deps.discardUpload?.(uploadId);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
