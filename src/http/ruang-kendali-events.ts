/**
 * `GET /api/ruang-kendali/events`: the control room's live changes as Server-Sent Events, for
 * wall boards: `indicator.updated` for indicators the caller may read (their own privacy and
 * their dataset's) and `alert.changed` for alerts of the caller's institutions (all for a
 * sysadmin). Each event is checked against the caller when it happens.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import { roleIn } from '../catalog/access.js';
import { type AlertChanged, type IndicatorUpdated, ruangKendaliBus } from '../ruang-kendali/bus.js';
import { canReadIndicator, findIndicator } from '../ruang-kendali/indicators.js';
import { requestContext } from './context.js';
import { openEventStream } from './sse.js';

const events: FastifyPluginAsync<{ registry: ActionRegistry; services: Services }> = async (
  app,
  { registry, services },
) => {
  app.get('/api/ruang-kendali/events', async (req, reply) => {
    const { actor } = requestContext(registry, services, req);
    const stream = openEventStream(reply);
    const send = stream.send;
    send('ready', { at: new Date().toISOString() });
    const bus = ruangKendaliBus(services);
    const onIndicator = (e: IndicatorUpdated) => {
      void findIndicator(services.catalog.db, e.id).then(
        (r) => {
          if (canReadIndicator(actor, r)) send('indicator.updated', e);
        },
        () => {},
      );
    };
    const onAlert = (e: AlertChanged) => {
      if (actor?.sysadmin || roleIn(actor, e.organization_id) !== undefined) send('alert.changed', e);
    };
    bus.on('indicator.updated', onIndicator);
    bus.on('alert.changed', onAlert);
    req.raw.on('close', () => {
      bus.off('indicator.updated', onIndicator);
      bus.off('alert.changed', onAlert);
      stream.end();
    });
  });
};

export const ruangKendaliEventRoutes = fp(events, { name: 'kendali-ruang-kendali-events' });
