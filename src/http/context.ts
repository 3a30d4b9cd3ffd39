import type { FastifyRequest } from 'fastify';
import type { ActionRegistry } from '../actions/registry.js';
import type { ActionContext, Actor, ClientInfo, Locale, ProgressSink, Services } from '../actions/types.js';

/** Picks `id` or `en` from `?lang=`, then Accept-Language, then the configured default. */
export function requestLocale(req: FastifyRequest, fallback: Locale): Locale {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'id' || q === 'en') return q;
  const header = req.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (tag === 'id' || tag === 'en') return tag;
    }
  }
  return fallback;
}

/** What a call may carry beyond actor, locale and request id. */
export interface ContextExtras {
  readonly progress?: ProgressSink;
  readonly signal?: AbortSignal;
  readonly client?: ClientInfo;
}

/**
 * Makes the immutable per-call context; nested calls keep the same actor, locale, request,
 * progress sink, cancel signal and client.
 */
export function makeContext(
  registry: ActionRegistry,
  services: Services,
  actor: Actor | null,
  locale: Locale,
  requestId: string,
  extras: ContextExtras = {},
): ActionContext {
  const ctx: ActionContext = Object.freeze({
    actor,
    locale,
    requestId,
    services,
    call: (name: string, input: unknown) => registry.call(name, ctx, input),
    ...(extras.progress ? { progress: extras.progress } : {}),
    ...(extras.signal ? { signal: extras.signal } : {}),
    ...(extras.client ? { client: extras.client } : {}),
  });
  return ctx;
}

/** The HTTP client as actions may see it (Humas counts visitors from it without storing it). */
export function clientInfo(req: FastifyRequest): ClientInfo {
  const purpose = `${req.headers.purpose ?? ''} ${req.headers['sec-purpose'] ?? ''} ${req.headers['x-moz'] ?? ''}`;
  return {
    ip: req.ip,
    userAgent: String(req.headers['user-agent'] ?? ''),
    prefetch: /prefetch|prerender|preview/i.test(purpose),
  };
}

/** The context of an HTTP request: its actor (from the auth plugin), its locale, its id, its client. */
export const requestContext = (
  registry: ActionRegistry,
  services: Services,
  req: FastifyRequest,
): ActionContext =>
  makeContext(registry, services, req.auth.actor, requestLocale(req, services.config.locale), req.id, {
    client: clientInfo(req),
  });
