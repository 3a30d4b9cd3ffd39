/** `GET /api/data-plan.csv?year=&owner_org=`: the Daftar Data as CSV, through `data_plan_list`. */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { planCsv } from '../actions/cycle/plan-file.js';
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import { requestContext } from './context.js';

const routes: FastifyPluginAsync<{ registry: ActionRegistry; services: Services }> = async (
  app,
  { registry, services },
) => {
  app.get<{ Querystring: { year?: string; owner_org?: string } }>(
    '/api/data-plan.csv',
    async (req, reply) => {
      const input = {
        ...(req.query.year ? { year: Number(req.query.year) } : {}),
        ...(req.query.owner_org ? { owner_org: req.query.owner_org } : {}),
      };
      const items = (await registry.call(
        'data_plan_list',
        requestContext(registry, services, req),
        input,
      )) as Parameters<typeof planCsv>[0];
      reply
        .header(
          'content-disposition',
          `attachment; filename="daftar-data${input.year ? `-${input.year}` : ''}.csv"`,
        )
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8');
      return planCsv(items);
    },
  );
};

export const dataPlanRoutes = fp(routes, { name: 'kendali-data-plan' });
