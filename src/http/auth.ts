/**
 * Who is calling, for every API request: an API token first (`Authorization: <token>`,
 * `Authorization: Bearer <token>` or CKAN's legacy `X-CKAN-API-Key`), else the session
 * cookie. The result is `req.auth`. An unknown, revoked or expired token is refused (403)
 * rather than treated as anonymous, so a script with a bad token fails loudly. A stale
 * cookie is cleared and the request goes on anonymous. Every state-changing request
 * authenticated by the cookie must carry the session's CSRF token in `X-CSRF-Token`.
 */
import cookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ActionRegistry } from '../actions/registry.js';
import type { Actor, Services } from '../actions/types.js';
import { loadActor } from '../auth/actor.js';
import { CSRF_HEADER, csrfMatches, SAFE_METHODS } from '../auth/csrf.js';
import { lookupSession, SESSION_COOKIE, type Session } from '../auth/sessions.js';
import { verifyApiToken } from '../auth/tokens.js';
import { forbidden } from '../core/errors.js';
import { authRoutes, LOGIN_PATH } from './auth-routes.js';

export interface RequestAuth {
  readonly actor: Actor | null;
  /** How the caller proved who they are. */
  readonly via: 'token' | 'session' | 'none';
  readonly session: Session | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth;
  }
}

const ANONYMOUS: RequestAuth = Object.freeze({ actor: null, via: 'none', session: null });

/** The API, table downloads (`/datastore/dump/…`, as CKAN) and PDF briefings, which follow the caller's access. */
const isApiPath = (path: string): boolean =>
  /^\/api(\/|$)/.test(path) ||
  path.startsWith('/datastore/dump/') ||
  path.startsWith('/ruang-kendali/briefing/');

/** The API token a request carries, if any. `Basic` credentials belong to a proxy, not to us. */
export function requestToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization?.trim();
  if (header && !/^basic\s/i.test(header)) return /^bearer\s+(\S+)$/i.exec(header)?.[1] ?? header;
  const legacy = req.headers['x-ckan-api-key'];
  return typeof legacy === 'string' && legacy.trim() ? legacy.trim() : undefined;
}

export interface AuthOptions {
  readonly registry: ActionRegistry;
  readonly services: Services;
}

const auth: FastifyPluginAsync<AuthOptions> = async (app, options) => {
  const db = options.services.catalog.db;
  await app.register(cookie);
  // Fastify refuses object defaults for request decorations; every request gets its own below.
  app.decorateRequest('auth', null as unknown as RequestAuth);

  app.addHook('onRequest', async (req, reply) => {
    req.auth = ANONYMOUS;
    const path = req.url.split('?')[0] ?? '';
    if (!isApiPath(path)) return;
    const token = requestToken(req);
    if (token !== undefined) {
      const userId = await verifyApiToken(db, token);
      const actor = userId ? await loadActor(db, userId) : null;
      if (!actor) throw forbidden('The API token is not valid: unknown, revoked or expired');
      req.auth = { actor, via: 'token', session: null };
      return;
    }
    const value = req.cookies[SESSION_COOKIE];
    if (!value) return;
    const session = await lookupSession(db, value);
    const actor = session ? await loadActor(db, session.userId) : null;
    if (!session || !actor) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    req.auth = { actor, via: 'session', session };
    if (SAFE_METHODS.has(req.method) || path === LOGIN_PATH) return;
    if (!csrfMatches(session.csrfToken, req.headers[CSRF_HEADER])) {
      throw forbidden('CSRF token missing or invalid: send the X-CSRF-Token header given at sign-in');
    }
  });

  await app.register(authRoutes, options);
};

/** Resolves `req.auth` for every request and serves /api/auth/{login,logout,me}. */
export const authPlugin = fp(auth, { name: 'kendali-auth' });
