/**
 * Requests to URLs that users name, checked against the policy (policy.ts) where each connection
 * is made. undici, Node's own HTTP client, is loaded on the first request (not by every command).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import type { Agent, buildConnector, RequestInit, Response } from 'undici';
import {
  OUTBOUND_ALLOW_ENV,
  type OutboundPolicy,
  type OutboundRefused,
  OutboundPolicy as Policy,
} from './policy.js';

export { OUTBOUND_ALLOW_ENV, OutboundPolicy, OutboundRefused } from './policy.js';

let configured: OutboundPolicy | undefined;
/** undici and the checked dispatcher, made on the first request under the policy in force. */
let client: Promise<{ fetch: typeof import('undici').fetch; agent: Agent }> | undefined;

/**
 * Sets the policy (the services do, from the configuration). Connections kept open under the
 * previous one are closed: each was checked when it was made.
 */
export function configureOutbound(allow: string | undefined): void {
  configured = Policy.parse(allow);
  const previous = client;
  client = undefined;
  previous?.then(({ agent }) => agent.close()).catch(() => {});
}

/** The policy in force: as configured, else from the environment. */
export function outboundPolicy(): OutboundPolicy {
  configured ??= Policy.parse(process.env[OUTBOUND_ALLOW_ENV]);
  return configured;
}

/** Strips the brackets of an IPv6 literal host (`[::1]`). */
const bare = (host: string): string => host.replace(/^\[|\]$/g, '');

/**
 * Why the URL's host may not be reached, when it is an address the policy refuses (a name is
 * judged when it is resolved, at connection): for early, clear answers to what users enter.
 */
export function outboundRefusal(
  url: URL,
  policy: OutboundPolicy = outboundPolicy(),
): OutboundRefused | undefined {
  const host = bare(url.hostname);
  if (isIP(host) === 0 || policy.allowsHost(host)) return undefined;
  return policy.refusal(host, host);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup that fails with OutboundRefused when any address of the name is refused. */
function guardedLookup(policy: () => OutboundPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const p = policy();
      if (!p.allowsHost(hostname)) {
        for (const a of addresses) {
          const refused = p.refusal(hostname, a.address);
          if (refused) return callback(refused as NodeJS.ErrnoException, []);
        }
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** An undici dispatcher whose every connection is checked against the policy. */
function guardedAgent(
  undici: Pick<typeof import('undici'), 'Agent' | 'buildConnector'>,
  policy: () => OutboundPolicy,
): Agent {
  const connect = undici.buildConnector({ lookup: guardedLookup(policy) } as buildConnector.BuildOptions);
  return new undici.Agent({
    connect: (options, callback) => {
      const host = bare(options.hostname);
      if (isIP(host) !== 0 && !policy().allowsHost(host)) {
        const refused = policy().refusal(host, host);
        if (refused) return callback(refused, null);
      }
      connect(options, callback);
    },
  });
}

/**
 * `fetch` for URLs users name: only http and https, and every connection (redirects too) only to
 * addresses the policy allows. A refusal rejects as fetch does (a TypeError) with the
 * OutboundRefused as its cause.
 */
export async function outboundFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new TypeError(`${url}: only http and https URLs are fetched`);
  client ??= import('undici').then((undici) => ({
    fetch: undici.fetch,
    agent: guardedAgent(undici, outboundPolicy),
  }));
  const { fetch, agent } = await client;
  return fetch(url, { ...init, dispatcher: agent });
}
