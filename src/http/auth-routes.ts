/**
 * Browser sign-in: `POST /api/auth/login` ({name or email, password} → session cookie and the
 * CSRF token), `POST /api/auth/logout`, `GET /api/auth/me`. Answers use the action API's
 * envelope `{success, result}`; errors go through the app's one error handler.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ActionRegistry } from '../actions/registry.js';
import type { Actor, Services } from '../actions/types.js';
import { loadMemberships } from '../auth/actor.js';
import { login } from '../auth/login.js';
import { destroySession, SESSION_COOKIE, sessionCookieOptions } from '../auth/sessions.js';
import { forbidden, tooManyRequests, unauthorized, validation } from '../core/errors.js';
import { makeContext, requestLocale } from './context.js';

export const LOGIN_PATH = '/api/auth/login';

const LoginBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 320, description: 'Login name or email' })),
  email: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});

interface Options {
  readonly registry: ActionRegistry;
  readonly services: Services;
}

export const authRoutes: FastifyPluginAsync<Options> = async (app, { registry, services }) => {
  const db = services.catalog.db;
  const cookieOptions = sessionCookieOptions(services.config.baseUrl);
  const userOf = (req: FastifyRequest, actor: Actor) =>
    registry.call(
      'user_show',
      makeContext(registry, services, actor, requestLocale(req, services.config.locale), req.id),
      { id: actor.id },
    );

  app.post<{ Body: { name?: string; email?: string; password: string } }>(
    LOGIN_PATH,
    { schema: { body: LoginBody } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const identifier = req.body.name ?? req.body.email;
      if (!identifier) throw validation({ name: ['Give your login name or email'] });
      const result = await login(db, { identifier, password: req.body.password, ip: req.ip });
      if (result.outcome === 'rate-limited') {
        reply.header('retry-after', String(result.retryAfter));
        const minutes = Math.ceil(result.retryAfter / 60);
        throw tooManyRequests(
          `Too many failed sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        );
      }
      if (result.outcome === 'refused') throw forbidden('Sign-in failed: wrong name, email or password');
      // Signing in again replaces the session the browser had.
      if (req.auth.session) await destroySession(db, req.auth.session.id);
      reply.setCookie(SESSION_COOKIE, result.session.cookie, cookieOptions);
      const user = await userOf(req, result.actor);
      return { success: true, result: { user, csrf_token: result.session.csrfToken } };
    },
  );

  app.post('/api/auth/logout', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    if (req.auth.session) await destroySession(db, req.auth.session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { success: true, result: null };
  });

  app.get('/api/auth/me', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const { actor, session } = req.auth;
    if (!actor) throw unauthorized('Not signed in');
    const [user, memberships] = await Promise.all([userOf(req, actor), loadMemberships(db, actor.id)]);
    return { success: true, result: { user, csrf_token: session?.csrfToken ?? null, memberships } };
  });
};
