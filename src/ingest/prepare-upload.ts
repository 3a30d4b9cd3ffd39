/**
 * Preparing an uploaded file for `datastore_import` (read, profile, convert), with the options
 * its input names; and preparations started early, before the import is called.
 *
 * `kendali import` on a data directory reads the file while the application's services load and
 * open (a second or two), then offers that preparation for the upload it copied in: the import
 * takes it when its options are the ones the preparation used, and prepares anew otherwise.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { loadCrosswalkDir } from '../regions/crosswalk/load.js';
import { type ImportOptions, type PreparedImport, prepareImport } from './pipeline/import.js';
import type { TableSchema } from './pipeline/schema.js';
import type { FieldType } from './pipeline/types.js';

/** What of `datastore_import`'s input shapes the preparation. */
export interface PrepareInput {
  readonly sheet?: string | number | undefined;
  readonly types?: Readonly<Record<string, string>> | undefined;
  readonly schema?: unknown;
  readonly region_columns?: readonly string[] | undefined;
  readonly region_choices?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
}

export interface PrepareSetting {
  readonly dataDir: string;
  readonly crosswalkDir?: string | undefined;
}

/** Reads, profiles and converts `path` as `datastore_import` does for `input`. */
export async function prepareUpload(
  path: string,
  input: PrepareInput,
  setting: PrepareSetting,
  onProgress?: ImportOptions['onProgress'],
  signal?: AbortSignal,
): Promise<PreparedImport> {
  return prepareImport(path, {
    workDir: join(setting.dataDir, 'tmp', `import-${randomUUID()}`),
    ...(input.sheet !== undefined ? { reader: { sheet: input.sheet } } : {}),
    ...(input.types ? { types: input.types as Record<string, FieldType> } : {}),
    ...(input.schema ? { schema: input.schema as TableSchema } : {}),
    ...(input.region_columns ? { regions: input.region_columns.map((column) => ({ column })) } : {}),
    ...(input.region_choices ? { regionChoices: input.region_choices } : {}),
    ...(setting.crosswalkDir ? { crosswalk: await loadCrosswalkDir(setting.crosswalkDir) } : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** The options a preparation was made with, comparable. */
const optionsKey = (input: PrepareInput): string =>
  JSON.stringify([input.sheet, input.types, input.schema, input.region_columns, input.region_choices]);

const offered = new Map<string, { key: string; prepared: Promise<PreparedImport> }>();

/** Offers a preparation of upload `uploadId`, made with `input`, to the import that follows. */
export function offerPrepared(
  uploadId: string,
  input: PrepareInput,
  prepared: Promise<PreparedImport>,
): void {
  offered.set(uploadId, { key: optionsKey(input), prepared });
}

/**
 * The preparation offered for `uploadId` when it was made with `input`'s options (taken: offered
 * once); undefined otherwise, after disposing of one made with other options.
 */
export async function takePrepared(
  uploadId: string,
  input: PrepareInput,
): Promise<Promise<PreparedImport> | undefined> {
  const offer = offered.get(uploadId);
  if (offer === undefined) return undefined;
  offered.delete(uploadId);
  if (offer.key === optionsKey(input)) return offer.prepared;
  await (await offer.prepared.catch(() => undefined))?.dispose();
  return undefined;
}
