import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../actions/types.js';

/** `/healthz`: the process answers. `/readyz`: both stores answer (503 otherwise). */
export const healthRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const [catalog, datastore] = await Promise.all([services.catalog.ping(), services.datastore.ping()]);
    const ready = catalog && datastore;
    reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
    return { status: ready ? 'ready' : 'not ready', catalog, datastore };
  });
};
