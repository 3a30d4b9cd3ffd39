import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ckanGet, downloadToFile, RemoteError } from './client.js';

/** Answers by path: each route gives a status, a content type and a body (chunked when asked). */
const ROUTES: Record<string, { status?: number; type?: string; body: string; chunked?: boolean }> = {
  '/ok': { type: 'application/json', body: '{"help":"x","success":true,"result":{"count":0}}' },
  '/refused': {
    status: 404,
    type: 'application/json',
    body: '{"success":false,"error":{"__type":"Not Found Error","message":"Not found: dataset x"}}',
  },
  '/not-json': { type: 'application/json', body: 'Service Unavailable, try later' },
  '/not-envelope': { type: 'application/json', body: '{"datasets":[]}' },
  '/html-500': { status: 502, type: 'text/html', body: '<html><body>Bad Gateway</body></html>' },
  '/big-json': { type: 'application/json', body: `{"success":true,"result":"${'x'.repeat(5000)}"}` },
  '/big-chunked': {
    type: 'application/json',
    body: `{"success":true,"result":"${'x'.repeat(20000)}"}`,
    chunked: true,
  },
  '/data.csv': { type: 'text/csv', body: 'a,b\n1,2\n' },
  '/login': { type: 'text/html', body: '<html><form>Masuk</form></html>' },
  '/big.csv': { type: 'text/csv', body: 'a\n'.repeat(10000) },
};

describe('harvest HTTP client', () => {
  let server: Server;
  let base = '';
  const dir = mkdtempSync(join(tmpdir(), 'kendali-harvest-client-'));
  const limits = { timeoutMs: 2000, maxBytes: 1000 };

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/silent') return;
      const route = ROUTES[req.url ?? ''];
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      res.statusCode = route.status ?? 200;
      res.setHeader('content-type', route.type ?? 'text/plain');
      if (route.chunked) {
        for (let at = 0; at < route.body.length; at += 1000) res.write(route.body.slice(at, at + 1000));
        res.end();
      } else res.end(route.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  const failure = async (p: Promise<unknown>): Promise<RemoteError> => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    if (!(e instanceof RemoteError)) throw new Error(`expected a RemoteError, got ${String(e)}`);
    return e;
  };

  it('returns the result of CKAN’s envelope', async () => {
    expect(await ckanGet(`${base}/ok`, limits)).toEqual({ count: 0 });
  });

  it('names the URL, the status and what was expected when the answer is not the API', async () => {
    const refused = await failure(ckanGet(`${base}/refused`, limits));
    expect(refused.message).toBe(
      `GET ${base}/refused: the remote refused (status 404): Not found: dataset x`,
    );
    expect(refused).toMatchObject({ status: 404, ckanRefusal: true });
    expect((await failure(ckanGet(`${base}/not-json`, limits))).message).toBe(
      `GET ${base}/not-json: answered status 200 with a body that is not JSON (starts "Service Unavailable, try later"), expected CKAN API JSON`,
    );
    expect((await failure(ckanGet(`${base}/not-envelope`, limits))).message).toBe(
      `GET ${base}/not-envelope: answered status 200 with JSON that is not CKAN's envelope {success, result}`,
    );
    const html = await failure(ckanGet(`${base}/html-500`, limits));
    expect(html.message).toMatch(/answered an HTML page \(status 502\), expected CKAN API JSON/);
    expect(html.ckanRefusal).toBe(false);
    // A port nobody listens on.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect((await failure(ckanGet(`http://127.0.0.1:${port}/api`, limits))).message).toMatch(
      new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/api: request failed: .*ECONNREFUSED`),
    );
  });

  it('stops reading past the byte cap, announced or not', async () => {
    expect((await failure(ckanGet(`${base}/big-json`, limits))).message).toMatch(
      /the answer is 4\.9 KB, over the limit of 1000 bytes; not downloaded$/,
    );
    expect((await failure(ckanGet(`${base}/big-chunked`, limits))).message).toMatch(
      /the answer is larger than the limit of 1000 bytes; stopped reading$/,
    );
  });

  it('times out a silent remote, and gives the caller’s abort reason when aborted', async () => {
    const timedOut = await failure(ckanGet(`${base}/silent`, { ...limits, timeoutMs: 200 }));
    expect(timedOut.message).toBe(`GET ${base}/silent: no answer within 200 ms (request timeout)`);
    const abort = new AbortController();
    setTimeout(() => abort.abort(new Error('berhenti')), 50);
    await expect(ckanGet(`${base}/silent`, { ...limits, signal: abort.signal })).rejects.toThrow('berhenti');
  });

  it('downloads a file within the cap, and leaves nothing behind when it refuses one', async () => {
    const path = join(dir, 'data.csv');
    expect(await downloadToFile(`${base}/data.csv`, path, { ...limits, refuseHtml: true })).toBe(8);
    expect(await readFile(path, 'utf8')).toBe('a,b\n1,2\n');

    const big = join(dir, 'big.csv');
    expect(
      (await failure(downloadToFile(`${base}/big.csv`, big, { ...limits, refuseHtml: true }))).message,
    ).toBe(`GET ${base}/big.csv: the file is 19.5 KB, over the limit of 1000 bytes; not downloaded`);
    await expect(stat(big)).rejects.toThrow();
    expect(
      (await failure(downloadToFile(`${base}/login`, join(dir, 'x.csv'), { ...limits, refuseHtml: true })))
        .message,
    ).toBe(`GET ${base}/login: answered an HTML page, expected a data file`);
    expect(
      (
        await failure(
          downloadToFile(`${base}/missing.csv`, join(dir, 'y.csv'), { ...limits, refuseHtml: true }),
        )
      ).message,
    ).toBe(`GET ${base}/missing.csv: answered status 404 Not Found, expected the file`);
  });
});
