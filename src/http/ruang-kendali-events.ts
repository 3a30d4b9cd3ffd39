/**
 * `GET /api/ruang-kendali/events`: the control room's live changes as Server-Sent Events, for
 * wall boards: `indicator.updated` for indicators the caller may read (their own privacy and
 * their dataset's), `alert.changed` for alerts of the caller's institutions (all for a
 * sysadmin) and `board.changed` for boards the caller may read (`?share=<token>` lets a
 * share-link viewer follow that private board). Each event is checked against the caller when
 * it happens.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import { roleIn } from '../catalog/access.js';
import { canReadBoard, findBoard } from '../ruang-kendali/boards.js';
import {
  type AlertChanged,
  type BoardChanged,
  type IndicatorUpdated,
  ruangKendaliBus,
} from '../ruang-kendali/bus.js';
import { canReadIndicator, findIndicator, type Readable } from '../ruang-kendali/indicators.js';
import { requestContext } from './context.js';
import { openEventStream } from './sse.js';

/**
 * The indicator of an event, read once per event whatever the number of open streams (every
 * stream's listener gets the same event object), then checked against each stream's caller.
 */
const lookups = new WeakMap<IndicatorUpdated, Promise<Readable>>();
function lookup(services: Services, e: IndicatorUpdated): Promise<Readable> {
  let p = lookups.get(e);
  if (!p) {
    p = findIndicator(services.catalog.db, e.id);
    lookups.set(e, p);
  }
  return p;
}

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
      void lookup(services, e).then(
        (r) => {
          if (canReadIndicator(actor, r)) send('indicator.updated', e);
        },
        () => {},
      );
    };
    const onAlert = (e: AlertChanged) => {
      if (actor?.sysadmin || roleIn(actor, e.organization_id) !== undefined) send('alert.changed', e);
    };
    const share = (req.query as { share?: unknown }).share;
    const onBoard = (e: BoardChanged) => {
      const guard = { private: e.private, organization_id: e.organization_id, share_token_hash: null };
      if (canReadBoard(actor, guard)) send('board.changed', e);
      else if (typeof share === 'string' && e.action !== 'deleted')
        void findBoard(services.catalog.db, e.id).then(
          (b) => {
            if (canReadBoard(actor, b, share)) send('board.changed', e);
          },
          () => {},
        );
    };
    bus.on('indicator.updated', onIndicator);
    bus.on('alert.changed', onAlert);
    bus.on('board.changed', onBoard);
    req.raw.on('close', () => {
      bus.off('indicator.updated', onIndicator);
      bus.off('alert.changed', onAlert);
      bus.off('board.changed', onBoard);
      stream.end();
    });
  });
};

export const ruangKendaliEventRoutes = fp(events, { name: 'kendali-ruang-kendali-events' });
