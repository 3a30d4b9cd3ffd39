/**
 * A CKAN-shaped portal for harvest tests: `package_search` (paged, oldest change first, public
 * datasets only), `package_show`, resource files and datastore dumps, on 127.0.0.1 with a
 * port of its own. `mode` makes it misbehave as real portals do: an HTML page where the API
 * should be, a listing that ignores `start`, or no answer at all.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureFile {
  readonly status?: number;
  readonly body: string;
  readonly contentType?: string;
  /** Sent in chunks without a Content-Length, so only counting while reading can catch its size. */
  readonly chunked?: boolean;
}

export interface FixtureResource {
  readonly id: string;
  readonly name: string;
  readonly format: string;
  /** Path on the fixture (made absolute in the dict), or a full URL. */
  readonly url: string;
  readonly datastore_active?: boolean;
  readonly last_modified?: string;
}

export interface FixtureDataset {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly metadata_modified: string;
  readonly notes?: string;
  readonly private?: boolean;
  /** Left out of package_search but shown by package_show, as a dataset that moved between pages. */
  readonly unlisted?: boolean;
  readonly tags?: readonly string[];
  readonly license_id?: string;
  readonly author_email?: string;
  readonly extras?: Readonly<Record<string, string>>;
  readonly resources?: readonly FixtureResource[];
}

export type FixtureMode = 'ok' | 'html' | 'repeat' | 'silent';

export class CkanFixture {
  mode: FixtureMode = 'ok';
  datasets: FixtureDataset[] = [];
  /** Files by path (`/files/a.csv`, `/datastore/dump/<id>`). */
  readonly files = new Map<string, FixtureFile>();
  /** Paths asked for, in order (query strings included). */
  readonly requests: string[] = [];
  readonly #server: Server;
  url = '';

  private constructor() {
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  static async start(): Promise<CkanFixture> {
    const f = new CkanFixture();
    await new Promise<void>((resolve) => f.#server.listen(0, '127.0.0.1', resolve));
    f.url = `http://127.0.0.1:${(f.#server.address() as AddressInfo).port}`;
    return f;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #dict(d: FixtureDataset) {
    return {
      id: d.id,
      name: d.name,
      title: d.title,
      notes: d.notes ?? '',
      private: d.private ?? false,
      state: 'active',
      type: 'dataset',
      license_id: d.license_id ?? '',
      author: 'Diskominfo',
      author_email: d.author_email ?? '',
      maintainer: '',
      maintainer_email: '',
      url: '',
      version: '1.0',
      metadata_created: '2024-01-01T00:00:00.000000',
      metadata_modified: d.metadata_modified,
      tags: (d.tags ?? []).map((name) => ({ name, display_name: name, state: 'active' })),
      extras: Object.entries(d.extras ?? {}).map(([key, value]) => ({ key, value })),
      resources: (d.resources ?? []).map((r, position) => ({
        id: r.id,
        package_id: d.id,
        name: r.name,
        description: '',
        format: r.format,
        url: r.url.startsWith('/') ? `${this.url}${r.url}` : r.url,
        position,
        datastore_active: r.datastore_active ?? false,
        last_modified: r.last_modified ?? null,
        metadata_modified: d.metadata_modified,
      })),
      num_resources: (d.resources ?? []).length,
    };
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${url.pathname}${url.search}`);
    if (this.mode === 'silent') return; // never answers; the client's timeout must end it
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/api/3/action/')) {
      if (this.mode === 'html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html><body><h1>Portal Data</h1></body></html>');
        return;
      }
      const action = url.pathname.slice('/api/3/action/'.length);
      const visible = this.datasets
        .filter((d) => !d.private)
        .sort(
          (a, b) => a.metadata_modified.localeCompare(b.metadata_modified) || a.name.localeCompare(b.name),
        );
      if (action === 'package_search') {
        const rows = Number(url.searchParams.get('rows') ?? 10);
        const start = this.mode === 'repeat' ? 0 : Number(url.searchParams.get('start') ?? 0);
        const listed = visible.filter((d) => !d.unlisted);
        const page = listed.slice(start, start + rows).map((d) => this.#dict(d));
        json(200, {
          help: 'package_search',
          success: true,
          result: { count: this.mode === 'repeat' ? 1000 : listed.length, results: page },
        });
        return;
      }
      if (action === 'package_show') {
        const id = url.searchParams.get('id');
        const d = visible.find((x) => x.id === id || x.name === id);
        if (d) json(200, { help: 'package_show', success: true, result: this.#dict(d) });
        else json(404, { success: false, error: { __type: 'Not Found Error', message: 'Not found' } });
        return;
      }
      json(400, { success: false, error: { message: `Action name not known: ${action}` } });
      return;
    }
    const file = this.files.get(url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.statusCode = file.status ?? 200;
    res.setHeader('content-type', file.contentType ?? 'text/csv; charset=utf-8');
    if (!file.chunked) {
      res.setHeader('content-length', Buffer.byteLength(file.body));
      res.end(file.body);
      return;
    }
    const body = Buffer.from(file.body);
    for (let at = 0; at < body.length; at += 4096) res.write(body.subarray(at, at + 4096));
    res.end();
  }
}
