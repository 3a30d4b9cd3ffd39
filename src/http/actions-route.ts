/**
 * CKAN's Action API: `GET|POST /api/3/action/{name}`. Every call goes through the action
 * registry; this plugin only turns HTTP into (name, input, method) and the result into CKAN's
 * envelope `{help, success, result}`. Errors are answered by the app's error handler.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import { requestContext } from './context.js';

export interface ActionsRouteOptions {
  readonly registry: ActionRegistry;
  readonly services: Services;
}

export const helpUrl = (baseUrl: string, name: string): string =>
  `${baseUrl}/api/3/action/help_show?name=${encodeURIComponent(name)}`;

export const actionsRoute: FastifyPluginAsync<ActionsRouteOptions> = async (app, { registry, services }) => {
  // CKAN clients post form-encoded bodies too; keep them as flat string maps.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.route<{ Params: { name: string } }>({
    method: ['GET', 'POST'],
    url: '/api/3/action/:name',
    handler: async (req, reply) => {
      const { name } = req.params;
      reply.header('cache-control', 'no-store');
      const method = req.method === 'GET' ? 'GET' : 'POST';
      const input = method === 'GET' ? { ...(req.query as Record<string, unknown>) } : (req.body ?? {});
      if (method === 'GET') delete (input as Record<string, unknown>).lang;
      const ctx = requestContext(registry, services, req);
      if (method === 'GET' && registry.get(name) && !registry.get(name)?.readOnly)
        reply.header('allow', 'POST');
      const result = await registry.call(name, ctx, input, { method });
      return { help: helpUrl(services.config.baseUrl, name), success: true, result };
    },
  });
};
