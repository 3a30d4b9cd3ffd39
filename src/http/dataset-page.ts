/**
 * A server-rendered dataset page at /dataset/{name}: title, institution, description from
 * sanitised Markdown, Satu Data fields and resources, with links to the API and DCAT. The
 * portal's browser page replaces it later; until then it gives every dataset a real URL.
 */
import type { Services } from '../actions/types.js';
import { canReadDataset } from '../catalog/access.js';
import { findDataset, packageDict } from '../catalog/datasets.js';
import { renderMarkdown } from '../catalog/markdown.js';
import { isKendaliError } from '../core/errors.js';

const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const safeHref = (url: string): string => (/^(https?:\/\/|\/)/i.test(url) ? esc(url) : '#');

/** The page's HTML, or null when there is no dataset the public may see under that name. */
export async function renderDatasetPage(services: Services, name: string): Promise<string | null> {
  let ds: Awaited<ReturnType<typeof findDataset>>;
  try {
    ds = await findDataset(services.catalog.db, name);
  } catch (e) {
    if (isKendaliError(e) && e.code === 'NOT_FOUND') return null;
    throw e;
  }
  if (!canReadDataset(null, ds)) return null;
  const d = await packageDict(services.catalog.db, ds);
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
    .map(
      (r) =>
        `<li><a href="${safeHref(r.url)}">${esc(r.name || r.url || 'Sumber data')}</a> <span class="format">${esc(r.format)}</span>${r.description ? `<div>${renderMarkdown(r.description)}</div>` : ''}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.title)} — ${esc(services.config.siteTitle)}</title>
<link rel="alternate" type="text/turtle" href="/dataset/${esc(d.name)}.ttl">
<link rel="alternate" type="application/ld+json" href="/dataset/${esc(d.name)}.jsonld">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}dt{font-weight:600}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}.format{font-size:.8rem;background:#eee;padding:0 .3rem;border-radius:3px}</style>
</head><body><main>
<p><a href="/">Beranda</a> › <a href="/dataset">Dataset</a></p>
<h1>${esc(d.title)}</h1>
<section>${renderMarkdown(d.notes)}</section>
<dl>${facts
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl>
<h2>Sumber data</h2><ul>${resources || '<li>Belum ada sumber data.</li>'}</ul>
<p>API: <a href="/api/3/action/package_show?id=${esc(d.name)}">package_show</a> · DCAT: <a href="/dataset/${esc(d.name)}.ttl">Turtle</a>, <a href="/dataset/${esc(d.name)}.jsonld">JSON-LD</a>, <a href="/dataset/${esc(d.name)}.rdf">RDF/XML</a></p>
</main></body></html>`;
}
