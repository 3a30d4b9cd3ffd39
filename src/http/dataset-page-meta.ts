/**
 * /dataset/{name} for the web app: index.html with the dataset's own head (title, description,
 * canonical link, Open Graph and Twitter-card tags, DCAT alternates and a schema.org `Dataset`
 * in JSON-LD) and a plain server-rendered body inside #root, which the app replaces when its
 * script runs. Link previews and crawlers that do not run JavaScript see the dataset itself.
 * The same mechanism as Humas articles (src/humas/news/page-meta.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Services } from '../actions/types.js';
import { canReadDataset } from '../catalog/access.js';
import { findDataset, type PackageDict, packageDict } from '../catalog/datasets.js';
import { renderMarkdown } from '../catalog/markdown.js';
import { isKendaliError } from '../core/errors.js';
import { injectMeta } from '../humas/news/page-meta.js';

const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** JSON for inside a <script> element: nothing in it can close the element or open a comment. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The notes as one line of plain text (Markdown marks dropped), at most `max` characters. */
export function plainSummary(notes: string, max = 300): string {
  const text = notes
    .replace(/[*_#`>[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The dump formats a datastore table is offered in (see src/http/dump/routes.ts). */
const DOWNLOADS = [
  ['csv', 'text/csv'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['json', 'application/json'],
  ['tsv', 'text/tab-separated-values'],
  ['parquet', 'application/vnd.apache.parquet'],
] as const;

/** schema.org `Dataset` (what Google Dataset Search reads) for a package dict. */
export function datasetJsonLd(d: PackageDict, baseUrl: string, siteTitle: string): Record<string, unknown> {
  const sdi = d as unknown as Record<string, unknown>;
  const url = `${baseUrl}/dataset/${encodeURIComponent(d.name)}`;
  const org = d.organization
    ? {
        '@type': 'Organization',
        name: d.organization.title,
        url: `${baseUrl}/organization/${d.organization.name}`,
      }
    : undefined;
  const start = typeof sdi.cakupan_waktu_mulai === 'string' ? sdi.cakupan_waktu_mulai : '';
  const end = typeof sdi.cakupan_waktu_selesai === 'string' ? sdi.cakupan_waktu_selesai : '';
  const regions = Array.isArray(sdi.cakupan_wilayah) ? sdi.cakupan_wilayah.map(String) : [];
  const distribution = d.resources.flatMap((r) =>
    r.datastore_active
      ? DOWNLOADS.map(([format, type]) => ({
          '@type': 'DataDownload',
          name: `${r.name || d.title} (${format.toUpperCase()})`,
          encodingFormat: type,
          contentUrl: `${baseUrl}/datastore/dump/${r.id}?format=${format}`,
        }))
      : r.url
        ? [{ '@type': 'DataDownload', name: r.name || r.url, encodingFormat: r.format, contentUrl: r.url }]
        : [],
  );
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': url,
    name: d.title || d.name,
    description: plainSummary(d.notes ?? '', 5000) || d.title || d.name,
    url,
    identifier: d.id,
    keywords: d.tags.map((t) => t.name),
    ...(d.license_url ? { license: d.license_url } : {}),
    isAccessibleForFree: true,
    inLanguage: 'id',
    datePublished: d.metadata_created,
    dateModified: d.metadata_modified,
    ...(org ? { creator: org, publisher: org } : {}),
    ...(start || end ? { temporalCoverage: `${start || '..'}/${end || '..'}` } : {}),
    ...(regions.length
      ? { spatialCoverage: regions.map((code) => ({ '@type': 'Place', identifier: code })) }
      : typeof sdi.cakupan_wilayah_tingkat === 'string'
        ? { spatialCoverage: { '@type': 'Place', name: `Indonesia (${sdi.cakupan_wilayah_tingkat})` } }
        : {}),
    includedInDataCatalog: { '@type': 'DataCatalog', name: siteTitle, url: `${baseUrl}/dataset` },
    distribution,
  };
}

/** The head tags for a dataset page. */
export function datasetMeta(d: PackageDict, baseUrl: string, siteTitle: string): string {
  const url = `${baseUrl}/dataset/${encodeURIComponent(d.name)}`;
  const title = d.title || d.name;
  const description = plainSummary(d.notes ?? '', 300) || title;
  const og: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', siteTitle],
    ['og:locale', 'id_ID'],
    ['og:locale:alternate', 'en_US'],
    ['og:title', title],
    ['og:description', description],
    ['og:url', url],
  ];
  const twitter: [string, string][] = [
    ['twitter:card', 'summary'],
    ['twitter:title', title],
    ['twitter:description', description],
  ];
  const name = esc(encodeURIComponent(d.name));
  return [
    `<title>${esc(title)} — ${esc(siteTitle)}</title>`,
    `<meta name="description" content="${esc(description)}" />`,
    `<link rel="canonical" href="${esc(url)}" />`,
    `<link rel="alternate" type="application/ld+json" href="/dataset/${name}.jsonld" />`,
    `<link rel="alternate" type="text/turtle" href="/dataset/${name}.ttl" />`,
    `<link rel="alternate" type="application/rdf+xml" href="/dataset/${name}.rdf" />`,
    ...og.map(([p, c]) => `<meta property="${p}" content="${esc(c)}" />`),
    ...twitter.map(([n, c]) => `<meta name="${n}" content="${esc(c)}" />`),
    `<script type="application/ld+json">${scriptJson(datasetJsonLd(d, baseUrl, siteTitle))}</script>`,
  ].join('\n    ');
}

/** A plain body for readers without JavaScript: title, description, facts and resources. */
export function datasetBody(d: PackageDict): string {
  const sdi = d as unknown as Record<string, unknown>;
  const facts: [string, unknown][] = [
    ['Instansi', d.organization?.title],
    ['Lisensi', d.license_title],
    ['Frekuensi pemutakhiran', sdi.frekuensi_pemutakhiran],
    ['Cakupan waktu', [sdi.cakupan_waktu_mulai, sdi.cakupan_waktu_selesai].filter(Boolean).join('–')],
    ['Cakupan wilayah', sdi.cakupan_wilayah_tingkat],
    ['Diperbarui', d.metadata_modified?.slice(0, 10)],
  ];
  const resources = d.resources
    .map((r) => {
      const href = r.datastore_active
        ? `/datastore/dump/${esc(r.id)}?format=csv`
        : /^(https?:\/\/|\/)/i.test(r.url)
          ? esc(r.url)
          : '';
      const label = esc(r.name || r.url || 'Sumber data');
      return `<li>${href ? `<a href="${href}">${label}</a>` : label} ${esc(r.format)}</li>`;
    })
    .join('');
  const name = esc(encodeURIComponent(d.name));
  return `<div class="page"><p><a href="/">Beranda</a> › <a href="/dataset">Dataset</a></p>
<h1>${esc(d.title || d.name)}</h1>
<section>${renderMarkdown(d.notes)}</section>
<dl>${facts
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl>
<h2>Sumber data</h2><ul>${resources || '<li>Belum ada sumber data.</li>'}</ul>
<p>API: <a href="/api/3/action/package_show?id=${name}">package_show</a> · DCAT: <a href="/dataset/${name}.ttl">Turtle</a>, <a href="/dataset/${name}.jsonld">JSON-LD</a></p></div>`;
}

/**
 * The web app's index.html for /dataset/{name} with that dataset's head and body; null when
 * the public may not see such a dataset (the caller serves the plain index.html) or the web
 * app is not built.
 */
export async function datasetAppPage(
  services: Services,
  webRoot: string,
  name: string,
): Promise<string | null> {
  let index: string;
  try {
    index = await readFile(join(webRoot, 'index.html'), 'utf8');
  } catch {
    return null;
  }
  let d: PackageDict;
  try {
    const row = await findDataset(services.catalog.db, name);
    if (!canReadDataset(null, row)) return null;
    d = await packageDict(services.catalog.db, row);
  } catch (e) {
    if (isKendaliError(e) && e.code === 'NOT_FOUND') return null;
    throw e;
  }
  const { baseUrl, siteTitle } = services.config;
  return injectMeta(index, datasetMeta(d, baseUrl, siteTitle)).replace(
    '<div id="root"></div>',
    `<div id="root">${datasetBody(d)}</div>`,
  );
}
