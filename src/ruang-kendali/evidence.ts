/**
 * Evidence for programmes and closed alerts: photos and documents taken from the upload store
 * (`POST /api/uploads`, named by id) into `<data>/evidence/<id>/<name>`, refused when larger
 * than 20 MB, of another type, or when the content does not match its extension.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Actor, Services } from '../actions/types.js';
import { userIdOf } from '../auth/actor.js';
import { validation } from '../core/errors.js';
import { findUpload, removeUpload } from '../ingest/uploads.js';

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

const TYPES: Readonly<Record<string, { type: string; magic?: number[] }>> = {
  '.jpg': { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.jpeg': { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.png': { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  '.webp': { type: 'image/webp', magic: [0x52, 0x49, 0x46, 0x46] },
  '.pdf': { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  '.docx': {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b],
  },
  '.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b] },
  '.odt': { type: 'application/vnd.oasis.opendocument.text', magic: [0x50, 0x4b] },
  '.txt': { type: 'text/plain' },
  '.csv': { type: 'text/csv' },
};

export interface EvidenceRef {
  readonly entity_type: 'programme' | 'alert';
  readonly entity_id: string;
}

/** Moves an upload into the evidence store and records it; returns its row. */
export async function addEvidence(
  services: Services,
  actor: Actor | null,
  ref: EvidenceRef,
  uploadId: string,
  caption = '',
  field = 'evidence_upload_id',
) {
  const dataDir = services.config.dataDir;
  const up = await findUpload(dataDir, uploadId, userIdOf(actor), actor?.sysadmin === true);
  const kind = TYPES[extname(up.filename).toLowerCase()];
  if (!kind)
    throw validation({
      [field]: [`${up.filename}: evidence must be one of ${Object.keys(TYPES).join(', ')}`],
    });
  const { size } = await stat(up.path);
  if (size > EVIDENCE_MAX_BYTES) throw validation({ [field]: [`${up.filename}: larger than 20 MB`] });
  if (kind.magic) {
    const fh = await open(up.path);
    const head = Buffer.alloc(kind.magic.length);
    await fh.read(head, 0, head.length, 0).finally(() => fh.close());
    if (!kind.magic.every((b, i) => head[i] === b))
      throw validation({ [field]: [`${up.filename}: the content is not a ${kind.type} file`] });
  }
  const id = randomUUID();
  const dir = join(dataDir, 'evidence', id);
  await mkdir(dir, { recursive: true });
  const path = join(dir, up.filename);
  await copyFile(up.path, path);
  const row = await services.catalog.db
    .insertInto('rk_evidence')
    .values({
      id,
      ...ref,
      filename: up.filename,
      media_type: kind.type,
      bytes: size,
      path,
      caption,
      actor: actor?.name ?? null,
    })
    .returning(['id', 'filename', 'media_type', 'bytes', 'caption', 'at'])
    .executeTakeFirstOrThrow();
  await removeUpload(dataDir, uploadId);
  return row;
}

export async function evidenceOf(services: Services, ref: EvidenceRef) {
  return services.catalog.db
    .selectFrom('rk_evidence')
    .select(['id', 'filename', 'media_type', 'bytes', 'caption', 'actor', 'at'])
    .where('entity_type', '=', ref.entity_type)
    .where('entity_id', '=', ref.entity_id)
    .orderBy('at')
    .execute();
}
