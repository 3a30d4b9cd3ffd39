/**
 * `POST /api/uploads` (multipart, field `file`): a file streamed to disk, never held whole in
 * memory, answered with its `upload_id` for `datastore_import`. Signed-in users only; cookie
 * sessions need the CSRF token like every other write.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../actions/types.js';
import { badRequest, forbidden } from '../core/errors.js';
import { addUploadStream } from '../ingest/uploads.js';

export const uploadRoutes: FastifyPluginAsync<{ services: Services; maxBytes: number }> = async (
  app,
  { services, maxBytes },
) => {
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10 } });
  app.post('/api/uploads', async (req) => {
    const actor = req.auth.actor;
    if (!actor) throw forbidden('You must be signed in to upload a file');
    if (!req.isMultipart()) throw badRequest('send the file as multipart/form-data in a field named "file"');
    const part = await req.file();
    if (part?.fieldname !== 'file') throw badRequest('send the file in a field named "file"');
    const upload = await addUploadStream(
      services.config.dataDir,
      part.filename,
      actor.id,
      part.file,
      () => part.file.truncated,
      maxBytes,
    );
    return { success: true, result: { upload_id: upload.id, filename: upload.filename, size: upload.size } };
  });
};
