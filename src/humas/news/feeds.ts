/** RSS 2.0 and Atom 1.0 feeds of published articles (newest first), optionally of one institution. */
import { renderMarkdown } from '../../catalog/markdown.js';
import type { ArticleRow } from './articles.js';

export const xmlEsc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export interface FeedInfo {
  readonly baseUrl: string;
  readonly title: string;
  /** Path of the feed without extension, e.g. /humas/berita or /humas/berita?instansi=bps. */
  readonly query: string;
}

const articleUrl = (base: string, a: ArticleRow) => `${base}/humas/berita/${encodeURIComponent(a.slug)}`;
const abs = (base: string, url: string) => (url.startsWith('/') ? `${base}${url}` : url);

export function rssFeed(info: FeedInfo, articles: readonly ArticleRow[]): string {
  const items = articles
    .map(
      (a) => `<item>
<title>${xmlEsc(a.title)}</title>
<link>${xmlEsc(articleUrl(info.baseUrl, a))}</link>
<guid isPermaLink="true">${xmlEsc(articleUrl(info.baseUrl, a))}</guid>
<pubDate>${(a.publish_at ?? a.created).toUTCString()}</pubDate>
<description>${xmlEsc(a.lead)}</description>
${a.author ? `<dc:creator>${xmlEsc(a.author)}</dc:creator>\n` : ''}${[...a.tags, ...a.hashtags].map((t) => `<category>${xmlEsc(t)}</category>`).join('')}
<source url="${xmlEsc(`${info.baseUrl}/humas/berita.rss${info.query}`)}">${xmlEsc(a.org_title)}</source>
${a.cover_url ? `<enclosure url="${xmlEsc(abs(info.baseUrl, a.cover_url))}" type="image/jpeg" length="0"/>` : ''}
</item>`,
    )
    .join('\n');
  const updated = articles[0]?.publish_at ?? new Date(0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xmlEsc(info.title)}</title>
<link>${xmlEsc(`${info.baseUrl}/humas/berita`)}</link>
<description>${xmlEsc(`Berita instansi — ${info.title}`)}</description>
<language>id</language>
<lastBuildDate>${updated.toUTCString()}</lastBuildDate>
<atom:link href="${xmlEsc(`${info.baseUrl}/humas/berita.rss${info.query}`)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}

export function atomFeed(info: FeedInfo, articles: readonly ArticleRow[]): string {
  const entries = articles
    .map(
      (a) => `<entry>
<id>urn:uuid:${a.id}</id>
<title>${xmlEsc(a.title)}</title>
<link rel="alternate" type="text/html" href="${xmlEsc(articleUrl(info.baseUrl, a))}"/>
<published>${(a.publish_at ?? a.created).toISOString()}</published>
<updated>${new Date(Math.max(a.modified.getTime(), (a.publish_at ?? a.created).getTime())).toISOString()}</updated>
<author><name>${xmlEsc(a.author || a.org_title)}</name></author>
${[...a.tags, ...a.hashtags].map((t) => `<category term="${xmlEsc(t)}"/>`).join('')}
<summary>${xmlEsc(a.lead)}</summary>
<content type="html">${xmlEsc(renderMarkdown(a.body))}</content>
</entry>`,
    )
    .join('\n');
  const updated = articles[0]?.publish_at ?? new Date(0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
<id>${xmlEsc(`${info.baseUrl}/humas/berita.atom${info.query}`)}</id>
<title>${xmlEsc(info.title)}</title>
<subtitle>${xmlEsc(`Berita instansi — ${info.title}`)}</subtitle>
<updated>${updated.toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${xmlEsc(`${info.baseUrl}/humas/berita.atom${info.query}`)}"/>
<link rel="alternate" type="text/html" href="${xmlEsc(`${info.baseUrl}/humas/berita`)}"/>
${entries}
</feed>
`;
}
