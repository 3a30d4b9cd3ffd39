/**
 * The article URL /humas/berita/{slug} serves the web app's index.html with the article's own
 * title, description, canonical link, Open Graph and Twitter-card tags in its head, so a shared
 * link previews correctly in WhatsApp, Facebook, X, Telegram and LinkedIn (their crawlers do
 * not run the app's script). Only published articles get them; others get the plain page.
 */
import type { ArticleRow } from './articles.js';
import { xmlEsc } from './feeds.js';

export function articleMeta(a: ArticleRow, baseUrl: string, siteTitle: string): string {
  const url = `${baseUrl}/humas/berita/${encodeURIComponent(a.slug)}`;
  const image = a.cover_url ? (a.cover_url.startsWith('/') ? `${baseUrl}${a.cover_url}` : a.cover_url) : null;
  const description = a.lead || a.title;
  const tags: [string, string][] = [
    ['og:type', 'article'],
    ['og:site_name', siteTitle],
    ['og:locale', 'id_ID'],
    ['og:title', a.title],
    ['og:description', description],
    ['og:url', url],
    ...(image
      ? ([
          ['og:image', image],
          ['og:image:alt', a.cover_alt || a.title],
        ] as [string, string][])
      : []),
    ['article:published_time', (a.publish_at ?? a.created).toISOString()],
    ['article:modified_time', a.modified.toISOString()],
    ['article:section', a.org_title],
    ...a.tags.map((t): [string, string] => ['article:tag', t]),
  ];
  const twitter: [string, string][] = [
    ['twitter:card', image ? 'summary_large_image' : 'summary'],
    ['twitter:title', a.title],
    ['twitter:description', description],
    ...(image
      ? ([
          ['twitter:image', image],
          ['twitter:image:alt', a.cover_alt || a.title],
        ] as [string, string][])
      : []),
  ];
  return [
    `<title>${xmlEsc(a.title)} — ${xmlEsc(siteTitle)}</title>`,
    `<meta name="description" content="${xmlEsc(description)}" />`,
    `<link rel="canonical" href="${xmlEsc(url)}" />`,
    `<link rel="alternate" type="application/rss+xml" title="RSS" href="${xmlEsc(`${baseUrl}/humas/berita.rss`)}" />`,
    `<link rel="alternate" type="application/atom+xml" title="Atom" href="${xmlEsc(`${baseUrl}/humas/berita.atom`)}" />`,
    ...tags.map(([p, c]) => `<meta property="${p}" content="${xmlEsc(c)}" />`),
    ...twitter.map(([n, c]) => `<meta name="${n}" content="${xmlEsc(c)}" />`),
  ].join('\n    ');
}

/** index.html with its title and description replaced by the article's head tags. */
export function injectMeta(indexHtml: string, meta: string): string {
  return indexHtml
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<meta name="description"[^>]*>/, '')
    .replace('</head>', `  ${meta}\n  </head>`);
}
