/**
 * `GET /api/maps/{name}.geojson`: a registered region map, public, with its ETag (304 when it
 * matches) and gzip when the client takes it (compressed once per version and kept).
 */
import { gzipSync } from 'node:zlib';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Services } from '../actions/types.js';

const routes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const gzipped = new Map<string, Buffer>();
  app.get<{ Params: { file: string } }>('/api/maps/:file', async (req, reply) => {
    const m = /^([a-z0-9][a-z0-9_-]*)\.geojson$/.exec(req.params.file);
    const notFound = () => reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    if (!m?.[1]) return notFound();
    const head = await services.catalog.db
      .selectFrom('region_map')
      .select(['etag'])
      .where('name', '=', m[1])
      .executeTakeFirst();
    if (!head) return notFound();
    reply
      .header('etag', head.etag)
      .header('cache-control', 'public, max-age=300, must-revalidate')
      .header('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === head.etag) return reply.code(304).send();
    reply.type('application/geo+json');
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    let body = gzip ? gzipped.get(head.etag) : undefined;
    if (!body) {
      const row = await services.catalog.db
        .selectFrom('region_map')
        .select(['geojson', 'etag'])
        .where('name', '=', m[1])
        .executeTakeFirstOrThrow();
      if (!gzip) return reply.send(row.geojson);
      body = gzipSync(row.geojson);
      gzipped.set(row.etag, body);
    }
    return reply.header('content-encoding', 'gzip').send(body);
  });
};

export const mapRoutes = fp(routes, { name: 'kendali-ruang-kendali-maps' });
