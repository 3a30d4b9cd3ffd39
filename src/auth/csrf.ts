/**
 * CSRF protection by synchronizer token: each session has its own random token, given to the
 * client at login and by `GET /api/auth/me`, and every state-changing request authenticated
 * by the session cookie must echo it in `X-CSRF-Token`. Requests authenticated by an API
 * token need none: a token is not an ambient credential a browser attaches by itself.
 */
import { randomSecret, safeEqual } from './secrets.js';

export const CSRF_HEADER = 'x-csrf-token';

export const newCsrfToken = (): string => randomSecret(32);

/** True when the request's header carries the session's token. */
export const csrfMatches = (expected: string, given: string | string[] | undefined): boolean =>
  typeof given === 'string' && given.length > 0 && safeEqual(expected, given);

/** Methods that never change anything and so need no CSRF token. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
