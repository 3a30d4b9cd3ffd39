/**
 * PDF briefings over HTTP: `GET /ruang-kendali/briefing/papan/{name}.pdf` (a board; `?share=`
 * token accepted as on the board page) and `GET /ruang-kendali/briefing/provinsi/{code}.pdf`
 * (every indicator the caller may read with a value for that province). Access as `board_show`
 * and `indicator_values`; a board the caller may not read is 404.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { ActionRegistry } from '../../actions/registry.js';
import type { ActionContext, Services } from '../../actions/types.js';
import { requestContext } from '../../http/context.js';
import type { Briefing } from './pdf.js';

// ECharts and PDFKit load on the first briefing, not with every server start (about 0.9 s).
const builder = () => import('./build.js');

async function send(reply: FastifyReply, file: string, briefing: Promise<Briefing>) {
  const { briefingPdf } = await import('./pdf.js');
  const pdf = await briefingPdf(await briefing);
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${file}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);
}

const callOf = (ctx: ActionContext) => (name: string, input: unknown) => ctx.call(name, input);

const routes: FastifyPluginAsync<{ registry: ActionRegistry; services: Services }> = async (
  app,
  { registry, services },
) => {
  const notFound = (reply: FastifyReply) =>
    reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  app.get<{ Params: { file: string }; Querystring: { share?: string } }>(
    '/ruang-kendali/briefing/papan/:file',
    async (req, reply) => {
      const m = /^([a-z0-9][a-z0-9_-]*)\.pdf$/.exec(req.params.file);
      if (!m?.[1]) return notFound(reply);
      const ctx = requestContext(registry, services, req);
      const share = typeof req.query.share === 'string' ? req.query.share : undefined;
      const name = m[1];
      return send(
        reply,
        `papan-${name}.pdf`,
        builder().then((b) => b.boardBriefing(callOf(ctx), name, share)),
      );
    },
  );
  app.get<{ Params: { file: string } }>('/ruang-kendali/briefing/provinsi/:file', async (req, reply) => {
    const m = /^(\d{2})\.pdf$/.exec(req.params.file);
    if (!m?.[1]) return notFound(reply);
    const ctx = requestContext(registry, services, req);
    const code = m[1];
    return send(
      reply,
      `provinsi-${code}.pdf`,
      builder().then((b) => b.provinceBriefing(callOf(ctx), code)),
    );
  });
};

export const briefingRoutes = fp(routes, { name: 'kendali-ruang-kendali-briefing' });
