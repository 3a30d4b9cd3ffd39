/**
 * DCAT-AP 3 endpoints:
 * - `/catalog.ttl|jsonld|rdf?page=N&modified_since=ISO` — the catalog, 100 datasets a page,
 *   with Hydra paging; `/catalog` picks the format by `Accept` (Turtle when anything goes).
 * - `/dataset/{name or id}.ttl|jsonld|rdf` — one dataset.
 * Only paths with one of these extensions are routed here, so `/dataset/…` pages of the web
 * app keep working; the feeds show what an anonymous caller may read, nothing else.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { Store } from 'n3';
import type { Services } from '../actions/types.js';
import { catalogPageGraph, datasetGraph, parseCatalogQuery } from '../catalog/dcat/feed.js';
import { isRdfFormat, MEDIA_TYPES, type RdfFormat, serialize } from '../catalog/dcat/serialize.js';

const EXT = '(^(?:ttl|jsonld|rdf)$)';

const OFFERS: readonly [string, RdfFormat | 'html'][] = [
  ['text/turtle', 'ttl'],
  ['application/ld+json', 'jsonld'],
  ['application/rdf+xml', 'rdf'],
  ['text/html', 'html'],
];

/** The offer an `Accept` header prefers (q-values, most specific range wins); undefined = none acceptable. */
export function negotiate(accept: string | undefined): RdfFormat | 'html' | undefined {
  const ranges = (accept?.trim() ? accept : '*/*').split(',').map((part) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { range: range.trim(), q: q === undefined ? 1 : Number(q) };
  });
  let best: { format: RdfFormat | 'html'; q: number } | undefined;
  for (const [type, format] of OFFERS) {
    const matches = ranges
      .map((r) => ({
        ...r,
        specificity: r.range === type ? 2 : r.range === `${type.split('/')[0]}/*` ? 1 : 0,
      }))
      .filter((r) => r.specificity > 0 || r.range === '*/*')
      .sort((a, b) => b.specificity - a.specificity);
    const q = matches[0]?.q ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { format, q };
  }
  return best?.format;
}

async function send(reply: FastifyReply, store: Store, format: RdfFormat): Promise<FastifyReply> {
  const body = await serialize(store, format);
  return reply.type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(body);
}

const dcatPlugin: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.get<{ Params: { format: string }; Querystring: Record<string, string> }>(
    `/catalog.:format${EXT}`,
    async (req, reply) => {
      const format = req.params.format;
      if (!isRdfFormat(format)) return reply.callNotFound();
      return send(reply, await catalogPageGraph(services, format, parseCatalogQuery(req.query)), format);
    },
  );

  app.get<{ Querystring: Record<string, string> }>('/catalog', async (req, reply) => {
    reply.header('vary', 'Accept');
    const format = negotiate(req.headers.accept);
    if (format === undefined || format === 'html') return reply.callNotFound();
    return send(reply, await catalogPageGraph(services, format, parseCatalogQuery(req.query)), format);
  });

  app.get<{ Params: { name: string; format: string } }>(
    `/dataset/:name.:format${EXT}`,
    async (req, reply) => {
      const { name, format } = req.params;
      if (!isRdfFormat(format)) return reply.callNotFound();
      return send(reply, await datasetGraph(services, name), format);
    },
  );
};

export const dcatRoutes = fp(dcatPlugin, { name: 'kendali-dcat' });
