/**
 * HTTP routes of Humas news outside the Action API: the RSS and Atom feeds
 * (`/humas/berita.rss`, `/humas/berita.atom`, `?instansi=<name>` for one institution) and the
 * article page `/humas/berita/{slug}`, the web app with the article's meta tags in its head.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { Services } from '../../actions/types.js';
import { findOrganization } from '../../catalog/organizations.js';
import { isKendaliError } from '../../core/errors.js';
import { type ArticleRow, articleQuery, isPublic } from './articles.js';
import { atomFeed, rssFeed } from './feeds.js';
import { articleMeta, injectMeta } from './page-meta.js';

const FEED_SIZE = 50;

async function publishedArticles(services: Services, org?: string): Promise<ArticleRow[] | null> {
  let q = articleQuery(services.catalog.db)
    .where('a.draft', '=', false)
    .where('a.publish_at', '<=', sql<Date>`now()`);
  if (org) {
    try {
      q = q.where('a.organization_id', '=', (await findOrganization(services.catalog.db, org)).id);
    } catch (e) {
      if (isKendaliError(e) && e.code === 'NOT_FOUND') return null;
      throw e;
    }
  }
  return (await q.orderBy('a.publish_at', 'desc').orderBy('a.id').limit(FEED_SIZE).execute()) as ArticleRow[];
}

export const humasNewsRoutes: FastifyPluginAsync<{ services: Services; webRoot: string }> = async (
  app,
  { services, webRoot },
) => {
  const feed =
    (kind: 'rss' | 'atom') => async (req: { query: unknown }, reply: import('fastify').FastifyReply) => {
      const org = (req.query as { instansi?: string }).instansi;
      const articles = await publishedArticles(services, typeof org === 'string' && org ? org : undefined);
      if (!articles)
        return reply.code(404).send({
          success: false,
          error: { __type: 'Not Found Error', message: `Not found: organization ${org}` },
        });
      const info = {
        baseUrl: services.config.baseUrl,
        title: `Berita — ${services.config.siteTitle}`,
        query: org ? `?instansi=${encodeURIComponent(org)}` : '',
      };
      return reply
        .header('cache-control', 'public, max-age=300')
        .type(kind === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8')
        .send(kind === 'rss' ? rssFeed(info, articles) : atomFeed(info, articles));
    };
  app.get('/humas/berita.rss', feed('rss'));
  app.get('/humas/berita.atom', feed('atom'));

  app.get<{ Params: { slug: string } }>('/humas/berita/:slug', async (req, reply) => {
    let index: string;
    try {
      index = await readFile(join(webRoot, 'index.html'), 'utf8');
    } catch {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('Kendali web app is not built: run `npm run build`.');
    }
    const row = (await articleQuery(services.catalog.db)
      .where('a.slug', '=', req.params.slug)
      .executeTakeFirst()) as ArticleRow | undefined;
    const page =
      row && isPublic(row)
        ? injectMeta(index, articleMeta(row, services.config.baseUrl, services.config.siteTitle))
        : index;
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  });
};
