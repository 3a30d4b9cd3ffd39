import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { Services } from '../actions/types.js';
import { renderDatasetPage } from './dataset-page.js';
import { datasetAppPage } from './dataset-page-meta.js';

const isApiPath = (url: string): boolean =>
  /^\/api(\/|$)/.test(url) || url === '/healthz' || url === '/readyz';

const notBuilt = (reply: FastifyReply): FastifyReply =>
  reply
    .code(503)
    .type('text/plain; charset=utf-8')
    .send('Kendali web app is not built: run `npm run build`.');

/**
 * Serves the built browser app (dist/web). Hashed assets are cached for a year; any other
 * GET that accepts HTML and is not an API path gets index.html (client-side routing); other
 * misses get a CKAN-shaped 404.
 */
const DATASET_PAGE = /^\/dataset\/([a-z0-9][a-z0-9_-]{1,99})\/?(?:\?.*)?$/;

const web: FastifyPluginAsync<{ root: string; services: Services }> = async (app, { root, services }) => {
  const built = existsSync(join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: true,
      index: false,
      // The build writes .br and .gz beside each asset (web/vite.config.ts): sent when accepted.
      preCompressed: true,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  const index = (reply: FastifyReply): FastifyReply =>
    built ? reply.header('cache-control', 'no-cache').sendFile('index.html') : notBuilt(reply);

  app.get('/', (_req, reply) => index(reply));
  app.setNotFoundHandler(async (req, reply) => {
    if (req.method === 'GET' && !isApiPath(req.url) && (req.headers.accept ?? '').includes('text/html')) {
      const name = DATASET_PAGE.exec(req.url)?.[1];
      // Built: the app's page with the dataset's meta tags; not built: the server's own page.
      const page = name
        ? built
          ? await datasetAppPage(services, root, name)
          : await renderDatasetPage(services, name)
        : null;
      if (page) return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
      return index(reply);
    }
    return reply.code(404).send({
      success: false,
      error: { __type: 'Not Found Error', message: `Not found: ${req.method} ${req.url.split('?')[0]}` },
    });
  });
};

export const webRoutes = fp(web, { name: 'kendali-web' });
