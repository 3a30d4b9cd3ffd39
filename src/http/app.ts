import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import { WEB_DIST } from '../core/paths.js';
import { agendaIcalRoutes } from '../humas/agenda/routes.js';
import { humasNewsRoutes } from '../humas/news/routes.js';
import { requestLanguage } from '../i18n/messages.js';
import { briefingRoutes } from '../ruang-kendali/briefing/routes.js';
import { mapRoutes } from '../ruang-kendali/maps-routes.js';
import { actionsRoute } from './actions-route.js';
import { authPlugin } from './auth.js';
import { dataPlanRoutes } from './data-plan-routes.js';
import { dcatRoutes } from './dcat-routes.js';
import { dumpRoutes } from './dump/routes.js';
import { mapError } from './errors.js';
import { healthRoutes } from './health.js';
import { jobEventRoutes } from './job-events.js';
import { buildOpenApi } from './openapi.js';
import { ruangKendaliEventRoutes } from './ruang-kendali-events.js';
import { uploadRoutes } from './upload-routes.js';
import { webRoutes } from './web.js';

export interface AppOptions {
  readonly registry: ActionRegistry;
  readonly services: Services;
  /** Directory of the built web app; default dist/web. */
  readonly webRoot?: string;
  /** false = no request logs (tests). */
  readonly logger?: boolean;
}

/** Builds the HTTP app (not listening): CKAN actions, OpenAPI and docs, health, the web app. */
export async function buildApp({
  registry,
  services,
  webRoot = WEB_DIST,
  logger = true,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: services.config.logLevel } : false,
    forceCloseConnections: 'idle',
    bodyLimit: 10 * 1024 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = mapError(err, req.log, requestLanguage(req.headers['accept-language']));
    const help = req.url.startsWith('/api/3/action/')
      ? { help: `${services.config.baseUrl}${req.url.split('?')[0]}` }
      : {};
    reply.code(status).send({ ...help, success: false, error: body });
  });

  const document = buildOpenApi(services.actions, services.config.baseUrl);
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/api/openapi.json', async () => document);

  await app.register(healthRoutes, { services });
  await app.register(authPlugin, { registry, services });
  await app.register(actionsRoute, { registry, services });
  await app.register(uploadRoutes, { services, maxBytes: services.config.maxUploadMb * 1024 * 1024 });
  await app.register(dcatRoutes, { services });
  await app.register(dumpRoutes, { registry, services });
  await app.register(jobEventRoutes, { registry, services });
  await app.register(ruangKendaliEventRoutes, { registry, services });
  await app.register(briefingRoutes, { registry, services });
  await app.register(mapRoutes, { services });
  await app.register(dataPlanRoutes, { registry, services });
  await app.register(humasNewsRoutes, { services, webRoot });
  await app.register(agendaIcalRoutes, { registry, services });
  await app.register(webRoutes, { root: webRoot, services });
  return app;
}
