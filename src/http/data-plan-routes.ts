/** `GET /api/data-plan.csv|.xlsx?year=&owner_org=`: the Daftar Data as a file, through `data_plan_list`. */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { planCsv, planXlsx } from '../actions/cycle/plan-file.js';
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import { requestContext } from './context.js';

const routes: FastifyPluginAsync<{ registry: ActionRegistry; services: Services }> = async (
  app,
  { registry, services },
) => {
  for (const ext of ['csv', 'xlsx'] as const) {
    app.get<{ Querystring: { year?: string; owner_org?: string } }>(
      `/api/data-plan.${ext}`,
      async (req, reply) => {
        const input = {
          ...(req.query.year ? { year: Number(req.query.year) } : {}),
          ...(req.query.owner_org ? { owner_org: req.query.owner_org } : {}),
        };
        const context = requestContext(registry, services, req);
        const items = (await registry.call('data_plan_list', context, input)) as Parameters<
          typeof planCsv
        >[0];
        const name = `daftar-data${input.year ? `-${input.year}` : ''}.${ext}`;
        reply
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'no-store');
        if (ext === 'xlsx')
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .send(await planXlsx(items));
        return reply.type('text/csv; charset=utf-8').send(planCsv(items));
      },
    );
  }
};

export const dataPlanRoutes = fp(routes, { name: 'kendali-data-plan' });
