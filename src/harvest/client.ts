/**
 * A bounded HTTP client for remote CKAN-compatible portals, over Node's global `fetch`.
 * Every request has a timeout (combined with the caller's abort signal) and every body is
 * read as a stream with a byte cap, so a remote that never answers, trickles or sends a huge
 * answer cannot hold a harvest. Requests reach public addresses only, unless the operator allows
 * a host or network (net/outbound.ts). Errors say what was asked, where, and what came back
 * instead.
 */
import { open, rm } from 'node:fs/promises';
import type { Response } from 'undici';
import { OutboundRefused, outboundFetch } from '../net/outbound.js';
import { isObj, text } from './shape.js';

/**
 * A remote's failure: the URL asked, the HTTP status when there was one, and whether the
 * remote itself refused in CKAN's envelope (`success: false`) — only such a 404 means the
 * dataset is gone, not a proxy's error page.
 */
export class RemoteError extends Error {
  readonly url: string;
  readonly status: number | undefined;
  readonly ckanRefusal: boolean;

  constructor(
    message: string,
    url: string,
    status?: number,
    options?: ErrorOptions & { ckanRefusal?: boolean },
  ) {
    super(message, options);
    this.name = 'RemoteError';
    this.url = url;
    this.status = status;
    this.ckanRefusal = options?.ckanRefusal ?? false;
  }
}

export interface RequestLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal | undefined;
}

/** A size for a person: bytes, KB or MB. */
function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  return n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
}

/**
 * A timer that aborts the request. `idle`: restarted on every chunk, so it bounds the wait for
 * the next bytes rather than the whole transfer (a 200 MB file may rightly take minutes).
 */
class Deadline {
  readonly #controller = new AbortController();
  readonly #ms: number;
  readonly #idle: boolean;
  #timer: ReturnType<typeof setTimeout>;
  fired = false;
  readonly signal: AbortSignal;

  constructor(ms: number, idle: boolean, outer: AbortSignal | undefined) {
    this.#ms = ms;
    this.#idle = idle;
    this.#timer = this.#start();
    this.signal = outer ? AbortSignal.any([this.#controller.signal, outer]) : this.#controller.signal;
  }

  #start(): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      this.fired = true;
      this.#controller.abort(new Error('timeout'));
    }, this.#ms);
  }

  progressed(): void {
    if (!this.#idle || this.fired) return;
    clearTimeout(this.#timer);
    this.#timer = this.#start();
  }

  clear(): void {
    clearTimeout(this.#timer);
  }
}

/** The abort reason when the caller aborted; otherwise a RemoteError naming the URL and the cause. */
function failure(e: unknown, url: string, d: Deadline, outer: AbortSignal | undefined, ms: number): unknown {
  if (outer?.aborted) return outer.reason;
  if (e instanceof RemoteError) return e;
  if (d.fired) return new RemoteError(`GET ${url}: no answer within ${ms} ms (request timeout)`, url);
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  if (cause instanceof OutboundRefused)
    return new RemoteError(`GET ${url}: refused: ${cause.message}`, url, undefined, { cause: e });
  const why = cause instanceof Error ? cause.message : String(cause);
  return new RemoteError(`GET ${url}: request failed: ${why}`, url, undefined, { cause: e });
}

async function get(url: string, accept: string, d: Deadline, limits: RequestLimits): Promise<Response> {
  try {
    return await outboundFetch(url, {
      headers: { accept, 'user-agent': 'Kendali-harvester' },
      redirect: 'follow',
      signal: d.signal,
    });
  } catch (e) {
    throw failure(e, url, d, limits.signal, limits.timeoutMs);
  }
}

/** The announced body size, when the remote gave one. */
function announced(res: Response): number | undefined {
  const n = Number(res.headers.get('content-length') ?? Number.NaN);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Reads the body chunk by chunk into `sink`, stopping (and cancelling) past `maxBytes`. */
async function readBody(
  res: Response,
  url: string,
  what: string,
  d: Deadline,
  limits: RequestLimits,
  sink: (chunk: Uint8Array) => Promise<void> | void,
): Promise<number> {
  const size = announced(res);
  if (size !== undefined && size > limits.maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new RemoteError(
      `GET ${url}: ${what} is ${bytes(size)}, over the limit of ${bytes(limits.maxBytes)}; not downloaded`,
      url,
      res.status,
    );
  }
  if (!res.body) return 0;
  const reader = res.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      d.progressed();
      total += value.byteLength;
      if (total > limits.maxBytes) {
        await reader.cancel().catch(() => {});
        throw new RemoteError(
          `GET ${url}: ${what} is larger than the limit of ${bytes(limits.maxBytes)}; stopped reading`,
          url,
          res.status,
        );
      }
      await sink(value);
    }
  } catch (e) {
    throw failure(e, url, d, limits.signal, limits.timeoutMs);
  } finally {
    reader.releaseLock();
  }
}

const looksHtml = (contentType: string, body: string): boolean =>
  contentType.includes('html') || /^\s*</.test(body);

const excerpt = (s: string): string => JSON.stringify(s.trim().slice(0, 80));

/**
 * GETs a CKAN Action API URL and returns its `result`. Refuses, naming the URL and status: an
 * HTML page (a portal's front page or a login wall, not its API), a body that is not JSON,
 * JSON that is not CKAN's envelope `{success, result}`, and `success: false` (with the
 * remote's own message).
 */
export async function ckanGet(url: string, limits: RequestLimits): Promise<unknown> {
  limits.signal?.throwIfAborted();
  const d = new Deadline(limits.timeoutMs, false, limits.signal);
  try {
    const res = await get(url, 'application/json', d, limits);
    const chunks: Uint8Array[] = [];
    await readBody(res, url, 'the answer', d, limits, (c) => {
      chunks.push(c);
    });
    const body = Buffer.concat(chunks).toString('utf8');
    const status = `status ${res.status}`;
    if (looksHtml(res.headers.get('content-type') ?? '', body)) {
      throw new RemoteError(
        `GET ${url}: answered an HTML page (${status}), expected CKAN API JSON; is ${new URL(url).origin} a CKAN-compatible portal?`,
        url,
        res.status,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new RemoteError(
        `GET ${url}: answered ${status} with a body that is not JSON (starts ${excerpt(body)}), expected CKAN API JSON`,
        url,
        res.status,
      );
    }
    if (!isObj(json) || typeof json.success !== 'boolean') {
      throw new RemoteError(
        `GET ${url}: answered ${status} with JSON that is not CKAN's envelope {success, result}`,
        url,
        res.status,
      );
    }
    if (!json.success || !res.ok) {
      const err = isObj(json.error) ? json.error : {};
      const why = text(err, 'message') || text(err, '__type') || 'no message';
      throw new RemoteError(`GET ${url}: the remote refused (${status}): ${why}`, url, res.status, {
        ckanRefusal: !json.success,
      });
    }
    if (!('result' in json)) {
      throw new RemoteError(`GET ${url}: CKAN envelope without a result (${status})`, url, res.status);
    }
    return json.result;
  } finally {
    d.clear();
  }
}

export interface DownloadOptions extends RequestLimits {
  /** Refuse an HTML answer (a login page or an error page where a data file was expected). */
  readonly refuseHtml: boolean;
}

/**
 * Downloads `url` into `path` and returns its size. The announced size (Content-Length) is
 * checked before reading and the bytes are counted while streaming; a failed or oversized
 * download leaves no file behind.
 */
export async function downloadToFile(url: string, path: string, opts: DownloadOptions): Promise<number> {
  opts.signal?.throwIfAborted();
  const d = new Deadline(opts.timeoutMs, true, opts.signal);
  try {
    const res = await get(url, '*/*', d, opts);
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new RemoteError(
        `GET ${url}: answered status ${res.status} ${res.statusText}, expected the file`,
        url,
        res.status,
      );
    }
    if (opts.refuseHtml && (res.headers.get('content-type') ?? '').includes('text/html')) {
      await res.body?.cancel().catch(() => {});
      throw new RemoteError(`GET ${url}: answered an HTML page, expected a data file`, url, res.status);
    }
    const file = await open(path, 'w');
    let complete = false;
    try {
      const size = await readBody(res, url, 'the file', d, opts, async (c) => {
        await file.write(c);
      });
      complete = true;
      return size;
    } finally {
      await file.close();
      if (!complete) await rm(path, { force: true });
    }
  } finally {
    d.clear();
  }
}

/** The message of a JSON error answer (CKAN's `{error: {message}}`, or `{message}`), when it is one. */
function errorMessage(body: string): string | undefined {
  try {
    const json: unknown = JSON.parse(body);
    if (!isObj(json)) return undefined;
    const why = (isObj(json.error) ? text(json.error, 'message') : '') || text(json, 'message');
    return why ? `the remote said: ${why.slice(0, 300)}` : undefined;
  } catch {
    return undefined;
  }
}

/** A document read whole: the URL it came from (after redirects), its status and Content-Type. */
export interface FetchedDocument {
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * GETs a document (an RDF catalog page) as text, bounded as every API answer is. Refuses a
 * status other than 2xx, naming the URL, the status and how the answer starts; the caller
 * judges the content.
 */
export async function fetchDocument(
  url: string,
  accept: string,
  limits: RequestLimits,
): Promise<FetchedDocument> {
  limits.signal?.throwIfAborted();
  const d = new Deadline(limits.timeoutMs, false, limits.signal);
  try {
    const res = await get(url, accept, d, limits);
    const chunks: Uint8Array[] = [];
    await readBody(res, url, 'the answer', d, limits, (c) => {
      chunks.push(c);
    });
    const body = Buffer.concat(chunks).toString('utf8');
    if (!res.ok)
      throw new RemoteError(
        `GET ${url}: answered status ${res.status} ${res.statusText} (${errorMessage(body) ?? `starts ${excerpt(body)}`})`,
        url,
        res.status,
      );
    return {
      url: res.url || url,
      status: res.status,
      contentType: (res.headers.get('content-type') ?? '').toLowerCase(),
      body,
    };
  } finally {
    d.clear();
  }
}
