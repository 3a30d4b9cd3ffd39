/**
 * Counting visitors without personal data. A visitor is a keyed hash of the client address and
 * user agent: for reads with a salt of the day (Asia/Jakarta) that lives in the catalog only
 * while that day lasts, so yesterday's hashes cannot be linked to anyone or to today's; for
 * reactions with a per-article key, so one visitor's reactions cannot be linked across
 * articles. No cookie is set and neither the address nor the user agent is stored.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ClientInfo } from '../../actions/types.js';
import type { CatalogStore } from '../../catalog/store.js';

/** Clients that say they are not a person reading: crawlers, link previews, scripts, headless browsers. */
const BOT_UA =
  /bot\b|bot\/|crawl|spider|slurp|scrap|curl|wget|httpie|python-|aiohttp|libwww|java\/|okhttp|go-http-client|node-fetch|axios|undici|headlesschrome|phantomjs|lighthouse|facebookexternalhit|facebot|whatsapp|telegrambot|preview|monitor|pingdom|uptime|feedfetcher|rss/i;

export const isBot = (userAgent: string): boolean => userAgent.trim().length < 8 || BOT_UA.test(userAgent);

/** A client with no HTTP request behind it (CLI, jobs, tests of actions): one internal visitor. */
export const INTERNAL_CLIENT: ClientInfo = {
  ip: 'internal',
  userAgent: 'Kendali internal client',
  prefetch: false,
};

/** Today's date in Asia/Jakarta, YYYY-MM-DD. */
export const jakartaDay = (at = new Date()): string =>
  new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

const hmac = (key: string, text: string): string =>
  createHmac('sha256', key).update(text).digest('base64url');

/** A named secret kept in the catalog, made on first use (the same in every process). */
export async function catalogSecret(catalog: CatalogStore, name: string): Promise<string> {
  const found = await catalog.db
    .selectFrom('humas_secret')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.secret;
  await catalog.db
    .insertInto('humas_secret')
    .values({ name, secret: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await catalog.db
    .selectFrom('humas_secret')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.secret;
}

export interface Keys {
  day: string;
  salt: string;
  reaction: string;
  token: string;
}
const KEYS = new WeakMap<CatalogStore, Promise<Keys>>();
const DAY_SALT = 'view-salt:';

async function loadKeys(catalog: CatalogStore, day: string): Promise<Keys> {
  const salt = await catalogSecret(catalog, `${DAY_SALT}${day}`);
  await catalog.db
    .deleteFrom('humas_secret')
    .where('name', 'like', `${DAY_SALT}%`)
    .where('name', '<', `${DAY_SALT}${day}`)
    .execute();
  return {
    day,
    salt,
    reaction: await catalogSecret(catalog, 'reaction-key'),
    token: await catalogSecret(catalog, 'page-token-key'),
  };
}

/** The keys of today; on a new day the salt of earlier days is deleted from the catalog. */
export async function visitorKeys(catalog: CatalogStore, now = new Date()): Promise<Keys> {
  const day = jakartaDay(now);
  const cached = KEYS.get(catalog);
  if (cached) {
    const keys = await cached.catch(() => undefined);
    if (keys?.day === day) return keys;
    if (KEYS.get(catalog) !== cached) return visitorKeys(catalog, now);
  }
  const next = loadKeys(catalog, day);
  KEYS.set(catalog, next);
  return next;
}

const clientText = (c: ClientInfo): string => `${c.ip}\n${c.userAgent}`;

/** The reader's hash for today (128 bits, base64url). */
export const dayVisitor = (keys: Keys, c: ClientInfo): string => hmac(keys.salt, clientText(c)).slice(0, 22);

/** The reactor's key for one article. */
export const articleVisitor = (keys: Keys, c: ClientInfo, articleId: string): string =>
  hmac(keys.reaction, `${articleId}\n${clientText(c)}`).slice(0, 22);

const TOKEN_TTL_S = 4 * 3600;

/** Proof that this client loaded this article's page recently: `expires.signature`. */
export function pageToken(keys: Keys, c: ClientInfo, articleId: string, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + TOKEN_TTL_S;
  return `${exp}.${hmac(keys.token, `${articleId}\n${articleVisitor(keys, c, articleId)}\n${exp}`)}`;
}

export function checkPageToken(
  keys: Keys,
  c: ClientInfo,
  articleId: string,
  token: string,
  now = Date.now(),
): boolean {
  const [exp, sig] = token.split('.');
  const expires = Number(exp);
  if (!sig || !Number.isInteger(expires) || expires * 1000 < now || expires * 1000 > now + TOKEN_TTL_S * 1000)
    return false;
  const want = hmac(keys.token, `${articleId}\n${articleVisitor(keys, c, articleId)}\n${expires}`);
  return want.length === sig.length && timingSafe(want, sig);
}

function timingSafe(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
