/**
 * iCalendar feeds of the joint PR agenda: `GET /humas/agenda.ics` (every institution) and
 * `GET /humas/agenda/{org}.ics` (one), through `agenda_list`: from 90 days back to a year ahead.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { AgendaDict } from '../../actions/humas-agenda/read.js';
import type { ActionRegistry } from '../../actions/registry.js';
import type { Services } from '../../actions/types.js';
import { requestContext } from '../../http/context.js';
import { addDays, jakartaDay } from '../media/text.js';
import { agendaCalendar } from './ical.js';

const routes: FastifyPluginAsync<{ registry: ActionRegistry; services: Services }> = async (
  app,
  { registry, services },
) => {
  const send = async (reply: FastifyReply, ctx: ReturnType<typeof requestContext>, org?: string) => {
    const today = jakartaDay(new Date());
    const list = (await registry.call('agenda_list', ctx, {
      from: addDays(today, -90),
      to: addDays(today, 365),
      limit: 1000,
      ...(org ? { owner_org: org } : {}),
    })) as { items: AgendaDict[] };
    const title = org
      ? `Agenda Humas — ${list.items[0]?.organization_title ?? org}`
      : `Agenda Humas Bersama — ${services.config.siteTitle}`;
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(agendaCalendar(title, list.items, services.config.baseUrl));
  };
  app.get('/humas/agenda.ics', async (req, reply) => send(reply, requestContext(registry, services, req)));
  app.get<{ Params: { file: string } }>('/humas/agenda/:file', async (req, reply) => {
    const m = /^([a-z0-9][a-z0-9_-]*)\.ics$/.exec(req.params.file);
    if (!m?.[1]) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return send(reply, requestContext(registry, services, req), m[1]);
  });
};

export const agendaIcalRoutes = fp(routes, { name: 'kendali-humas-agenda-ical' });
