/**
 * Uploaded files waiting to be imported: `<data>/uploads/<id>/<name>` with a small JSON record
 * of who uploaded it. An import names the upload by id, never by a server path, so no caller
 * can make Kendali read an arbitrary file.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badRequest, forbidden, notFound, validation } from '../core/errors.js';

export interface Upload {
  readonly id: string;
  readonly path: string;
  readonly filename: string;
  readonly owner: string | null;
}

const ID = /^[0-9a-f-]{36}$/;
const safeName = (name: string): string =>
  basename(name)
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .slice(0, 200) || 'berkas';

export const uploadsDir = (dataDir: string): string => join(dataDir, 'uploads');

/**
 * Copies a local file into the uploads area (the CLI's way in; HTTP uploads stream into it).
 * `link`: a hard link where the file system allows one (a copy otherwise), for an upload that is
 * only read and removed once its import ends (`kendali import`): nothing writes to an upload.
 */
export async function addUpload(
  dataDir: string,
  file: string,
  owner: string | null,
  options: { readonly link?: boolean } = {},
): Promise<Upload> {
  const id = randomUUID();
  const dir = join(uploadsDir(dataDir), id);
  await mkdir(dir, { recursive: true });
  const filename = safeName(file);
  const path = join(dir, filename);
  try {
    const linked =
      options.link === true &&
      (await link(file, path).then(
        () => true,
        () => false,
      ));
    if (!linked) await copyFile(file, path);
    await writeFile(
      join(dir, '.upload.json'),
      JSON.stringify({ filename, owner, at: new Date().toISOString() }),
    );
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { id, path, filename, owner };
}

/**
 * Streams an HTTP upload into the uploads area. `truncated()` tells whether the body was cut
 * at the size limit; a cut, failed or aborted upload leaves nothing behind.
 */
export async function addUploadStream(
  dataDir: string,
  filename: string,
  owner: string | null,
  body: Readable,
  truncated: () => boolean,
  maxBytes: number,
): Promise<Upload & { size: number }> {
  const id = randomUUID();
  const dir = join(uploadsDir(dataDir), id);
  await mkdir(dir, { recursive: true });
  const name = safeName(filename);
  const path = join(dir, name);
  let size = 0;
  body.on('data', (chunk: Buffer) => {
    size += chunk.length;
  });
  try {
    await pipeline(body, createWriteStream(path));
    if (truncated())
      throw badRequest(`the file is larger than the limit of ${Math.round(maxBytes / 1048576)} MB`);
    if (size === 0) throw validation({ file: ['the file is empty'] });
    await writeFile(
      join(dir, '.upload.json'),
      JSON.stringify({ filename: name, owner, at: new Date().toISOString(), size }),
    );
    return { id, path, filename: name, owner, size };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

export async function findUpload(
  dataDir: string,
  id: string,
  actorId: string | null,
  sysadmin: boolean,
): Promise<Upload> {
  if (!ID.test(id)) throw validation({ upload_id: ['not an upload id'] });
  const dir = join(uploadsDir(dataDir), id);
  let meta: { filename: string; owner: string | null };
  try {
    meta = JSON.parse(await readFile(join(dir, '.upload.json'), 'utf8')) as typeof meta;
  } catch {
    throw notFound(`upload ${id}`);
  }
  if (!sysadmin && meta.owner !== actorId) throw forbidden('This upload belongs to someone else');
  const files = (await readdir(dir)).filter((f) => f !== '.upload.json');
  if (!files.includes(meta.filename)) throw notFound(`upload ${id}`);
  return { id, path: join(dir, meta.filename), filename: meta.filename, owner: meta.owner };
}

export const removeUpload = (dataDir: string, id: string): Promise<void> =>
  rm(join(uploadsDir(dataDir), id), { recursive: true, force: true });
