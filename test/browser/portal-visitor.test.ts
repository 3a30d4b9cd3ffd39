/**
 * The public portal as a visitor uses it (issue 7): search `kemiskinan` from home, filter by
 * institution, open a dataset, search, filter and sort its preview, draw a chart, download
 * CSV and XLSX. Every page passes axe in both languages; screenshots of home, search and the
 * dataset page at 1366×768 and 390×844 go to test-artifacts/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeInBothLanguages, openPage, seriousAxeViolations, statusLoaded } from './pages.js';
import { launchBrowser, REPO_ROOT } from './support.js';

const baseUrl = inject('kendaliUrl');
const SHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots');
const DATASET = 'persentase-penduduk-miskin-provinsi';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
let browser: Browser;

async function action<T>(name: string, params: Record<string, string | number>): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${baseUrl}/api/3/action/${name}?${query}`);
  const body = (await response.json()) as { success: boolean; result: T };
  expect(body.success, `${name} ${query}`).toBe(true);
  return body.result;
}

interface Search {
  count: number;
  results: { name: string; title: string }[];
}
interface Rows {
  total: number;
  records: Record<string, string | number>[];
}

/** axe in Bahasa Indonesia, then in English (switched with the header's button), then back. */
async function axeBothLanguages(page: Page, where: string): Promise<void> {
  expect(await axeInBothLanguages(page), where).toEqual({ id: [], en: [] });
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, name), fullPage: false });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('a visitor on the public portal', () => {
  it('searches, filters by institution, opens a dataset, works the preview and chart, and downloads CSV and XLSX', async () => {
    const { page, context, errors, foreign } = await openPage(browser, baseUrl, '/', DESKTOP);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // Home: search box, themes, institutions, latest datasets and counts.
    await statusLoaded(page);
    await page.locator('#themes-title + ul a', { hasText: 'Kemiskinan' }).waitFor();
    await page.locator('#institutions-title + ul a', { hasText: 'Badan Pusat Statistik' }).waitFor();
    const latest = await action<Search>('package_search', { sort: 'metadata_modified desc', rows: 4 });
    expect(
      await page.locator('section[aria-labelledby="latest-title"] .dataset-list h3').allTextContents(),
    ).toEqual(latest.results.map((d) => d.title));
    await shot(page, 'home-1366x768.png');
    await axeBothLanguages(page, 'home');

    // Search `kemiskinan` from home.
    const all = await action<Search>('package_search', { q: 'kemiskinan', rows: 0 });
    expect(all.count).toBeGreaterThan(1);
    await page.getByLabel('Cari dataset').fill('kemiskinan');
    await page.getByLabel('Cari dataset').press('Enter');
    await page.waitForURL(`${baseUrl}/dataset?q=kemiskinan`);
    await page.getByText(`${all.count} dataset ditemukan untuk “kemiskinan”`).waitFor();
    expect(await page.locator('.dataset-list > li').count()).toBe(all.count);

    // Filter by institution (the facet link); the URL says so in CKAN's terms.
    const bps = await action<Search>('package_search', { q: 'kemiskinan', fq: 'organization:bps', rows: 50 });
    expect(bps.count).toBeGreaterThan(0);
    expect(bps.count).toBeLessThan(all.count);
    await page
      .locator('#facet-organization + ul')
      .getByRole('link', { name: /Badan Pusat Statistik/ })
      .click();
    await page.waitForURL(`${baseUrl}/dataset?q=kemiskinan&organization=bps`);
    await page.getByText(`${bps.count} dataset ditemukan untuk “kemiskinan”`).waitFor();
    expect((await page.locator('.dataset-list h2').allTextContents()).sort()).toEqual(
      bps.results.map((d) => d.title).sort(),
    );
    expect(
      await page.getByRole('link', { name: 'Hapus saringan Instansi: Badan Pusat Statistik' }).count(),
    ).toBe(1);
    await shot(page, 'search-1366x768.png');
    await axeBothLanguages(page, 'search');

    // Open the dataset.
    expect(bps.results.map((d) => d.name)).toContain(DATASET);
    const pkg = await action<{ title: string; resources: { id: string; datastore_active: boolean }[] }>(
      'package_show',
      { id: DATASET },
    );
    const resourceId = pkg.resources.find((r) => r.datastore_active)?.id ?? '';
    await page.getByRole('link', { name: pkg.title, exact: true }).click();
    await page.waitForURL(`${baseUrl}/dataset/${DATASET}`);
    await page.locator('.dataset-page h1', { hasText: pkg.title }).waitFor();
    await page.getByText('Skor mutu').waitFor();
    await page.getByRole('heading', { name: 'Metadata Satu Data Indonesia' }).waitFor();
    const first = await action<Rows>('datastore_search', { resource_id: resourceId, limit: 10 });
    await page.getByText(`Baris 1–10 dari ${first.total}`).waitFor();
    await shot(page, 'dataset-1366x768.png');
    await axeBothLanguages(page, 'dataset');

    // Preview: search the table for "jawa", keep rows of 2024, sort by the value, largest first.
    await page.getByLabel('Cari di tabel').fill('jawa');
    await page.getByLabel('Kolom', { exact: true }).selectOption('tahun');
    await page.getByLabel('Nilai sama dengan').fill('2024');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const filtered = await action<Rows>('datastore_search', {
      resource_id: resourceId,
      q: 'jawa',
      filters: JSON.stringify({ tahun: 2024 }),
      sort: 'persentase_penduduk_miskin desc',
      limit: 100,
    });
    expect(filtered.total).toBeGreaterThan(1);
    expect(filtered.total).toBeLessThan(10);
    await page.getByText(`Baris 1–${filtered.total} dari ${filtered.total}`).waitFor();
    const sortButton = page.getByRole('button', { name: 'Urutkan menurut persentase_penduduk_miskin' });
    await sortButton.click();
    await page.locator('th[aria-sort="ascending"]').waitFor();
    await sortButton.click();
    await page.locator('th[aria-sort="descending"]').waitFor();
    const provinces = filtered.records.map((r) => String(r.provinsi));
    await page.waitForFunction(
      (expected) =>
        JSON.stringify(
          [...document.querySelectorAll('.preview-table tbody tr td:nth-child(2)')].map(
            (td) => td.textContent,
          ),
        ) === expected,
      JSON.stringify(provinces),
    );
    const values = await page.locator('.preview-table tbody tr td:nth-child(4)').allTextContents();
    const id = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
    expect(values).toEqual(filtered.records.map((r) => id.format(Number(r.persentase_penduduk_miskin))));

    // Quick chart of those rows: one bar per row.
    await page.getByLabel('Kolom label').selectOption('provinsi');
    await page.getByLabel('Kolom nilai').selectOption('persentase_penduduk_miskin');
    await page.getByRole('button', { name: 'Gambar grafik' }).click();
    await page.locator('svg.quick-chart').waitFor();
    expect(await page.locator('svg.quick-chart rect.bar').count()).toBe(filtered.total);
    expect(await page.locator('svg.quick-chart desc').textContent()).toContain(
      `${filtered.total} baris. Nilai terkecil ${id.format(Number(filtered.records.at(-1)?.persentase_penduduk_miskin))}`,
    );
    await page.getByLabel('Jenis grafik').selectOption('line');
    await page.getByRole('button', { name: 'Gambar grafik' }).click();
    await page.locator('svg.quick-chart polyline.line').waitFor();
    expect(await seriousAxeViolations(page), 'dataset with chart').toEqual([]);

    // Downloads: the whole table as CSV and as XLSX.
    const all2 = await action<Rows>('datastore_search', { resource_id: resourceId, limit: 0 });
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /sebagai CSV$/ }).click(),
    ]);
    const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split(/\r?\n/).filter((l) => l !== '');
    expect(lines[0]).toBe('kode_provinsi,provinsi,tahun,persentase_penduduk_miskin');
    expect(lines.length - 1).toBe(all2.total);
    expect(csvDownload.suggestedFilename()).toBe(`${DATASET}.csv`);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /sebagai XLSX$/ }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsxDownload.path());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the XLSX download has no worksheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'kode_provinsi',
      'provinsi',
      'tahun',
      'persentase_penduduk_miskin',
    ]);
    expect(sheet.actualRowCount).toBe(all2.total + 1);

    // The API example is ready to paste.
    await page.getByRole('button', { name: 'Salin' }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `curl -s '${baseUrl}/api/3/action/datastore_search?resource_id=${resourceId}&limit=5'`,
    );

    // The downloads count as use (once per visitor and day): home lists the dataset under
    // "Paling banyak digunakan", in package_popular's order.
    const shown = await action<{ title: string; usage: { downloads_30d: number } }>('package_show', {
      id: DATASET,
    });
    expect(shown.usage.downloads_30d).toBeGreaterThanOrEqual(1);
    await page.goto(`${baseUrl}/`);
    const popularList = page.locator('section[aria-labelledby="popular-title"] .dataset-list h3');
    await popularList.first().waitFor();
    const popular = await action<Search>('package_popular', { rows: 4 });
    expect(await popularList.allTextContents()).toEqual(popular.results.map((d) => d.title));
    expect(await popularList.allTextContents()).toContain(shown.title);
    await page
      .locator('section[aria-labelledby="popular-title"] .dataset-meta', {
        hasText: /kali diunduh \(30 hari\)/,
      })
      .first()
      .waitFor();

    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('opens a shared search URL with its query, filters and sort as given', async () => {
    const url = '/dataset?q=kemiskinan&organization=bps&sort=title_string+asc';
    const expected = await action<Search>('package_search', {
      q: 'kemiskinan',
      fq: 'organization:"bps"',
      sort: 'title_string asc',
      rows: 10,
    });
    const { page, context } = await openPage(browser, baseUrl, url);
    await page.getByText(`${expected.count} dataset ditemukan untuk “kemiskinan”`).waitFor();
    expect(await page.getByLabel('Urutkan').inputValue()).toBe('title_string asc');
    expect(await page.getByLabel('Cari dataset').inputValue()).toBe('kemiskinan');
    expect(await page.locator('.dataset-list h2').allTextContents()).toEqual(
      expected.results.map((d) => d.title),
    );
    await page.getByLabel('Urutkan').selectOption('metadata_modified desc');
    await page.waitForURL(/sort=metadata_modified\+desc/);
    expect(new URL(page.url()).searchParams.getAll('organization')).toEqual(['bps']);
    await context.close();
  });

  it('renders the pages in English with id-ID numbers switched to English ones', async () => {
    const { page, context } = await openPage(browser, baseUrl, `/dataset/${DATASET}`);
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Satu Data Indonesia metadata' }).waitFor();
    await page.getByRole('heading', { name: 'Table preview' }).waitFor();
    await page.getByText(/^Rows 1–10 of \d+$/).waitFor();
    await page.getByRole('link', { name: 'Datasets', exact: true }).first().click();
    await page.getByText(/datasets found$/).waitFor();
    await context.close();
  });

  it.each([
    { path: '/organization', heading: 'Organisasi', ready: '.collection-list > li' },
    { path: '/organization/bps', heading: 'Badan Pusat Statistik', ready: '.dataset-list > li' },
    { path: '/group', heading: 'Tema', ready: '.collection-list > li' },
    { path: '/group/kemiskinan', heading: 'Kemiskinan', ready: '.dataset-list > li' },
    { path: '/pengembang', heading: 'API untuk pengembang', ready: '.code-block' },
    { path: '/wilayah', heading: 'Wilayah', ready: '.region-list > li' },
    { path: '/wilayah/32', heading: 'Jawa Barat', ready: '.region-page tbody tr' },
  ])('shows $path with no serious axe violation in either language', async ({ path, heading, ready }) => {
    const { page, context, errors } = await openPage(browser, baseUrl, path);
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    await page.locator(ready).first().waitFor();
    await axeBothLanguages(page, path);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a province with its place on the map, its indicators and its regencies, and a regency under it', async () => {
    const { page, context, errors } = await openPage(browser, baseUrl, '/wilayah');
    await page.getByRole('link', { name: 'Jawa Barat', exact: true }).click();
    await page.waitForURL(`${baseUrl}/wilayah/32`);
    await page.getByRole('heading', { level: 1, name: 'Jawa Barat' }).waitFor();
    expect(await page.getByRole('img', { name: 'Peta letak Jawa Barat di Indonesia' }).count()).toBe(1);
    const children = await action<{ code: string; name: string }[]>('region_list', { parent: '32' });
    await page.getByRole('heading', { name: `Wilayah di bawahnya (${children.length})` }).waitFor();
    // every province-level indicator with a value for Jawa Barat, at its latest period
    const indicators = await action<
      { name: string; title: string; region_level: string; last: { period: string } | null }[]
    >('indicator_list', {});
    const provincial = indicators.filter((i) => i.region_level === 'province' && i.last?.period);
    expect(provincial.length).toBeGreaterThan(0);
    const first = provincial[0];
    if (!first?.last) throw new Error('no provincial indicator');
    const values = await action<{ values: { region_code: string; value: number }[] }>('indicator_values', {
      id: first.name,
      level: 'province',
      period: first.last.period,
    });
    const jabar = values.values.find((v) => v.region_code === '32');
    const row = page.getByRole('row', { name: new RegExp(first.title) });
    await row.waitFor();
    expect(await row.textContent()).toContain(
      new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(Number(jabar?.value)),
    );
    expect(
      await page
        .locator('#region-indicators + * tbody tr, #region-indicators ~ .table-scroll tbody tr')
        .count(),
    ).toBe(provincial.length);
    // down to a regency, whose page names its province
    const bogor = children.find((c) => c.code === '32.01');
    if (!bogor) throw new Error('32.01 missing');
    await page.getByRole('link', { name: bogor.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: bogor.name }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Jawa Barat' }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists the institution’s datasets on its page, as many as the search finds', async () => {
    const expected = await action<Search>('package_search', { fq: 'organization:bps', rows: 0 });
    const { page, context } = await openPage(browser, baseUrl, '/organization/bps');
    await page.getByRole('heading', { name: `Dataset dari instansi ini (${expected.count})` }).waitFor();
    expect(await page.locator('.dataset-list > li').count()).toBe(expected.count);
    await context.close();
  });

  it('gives the dataset page Open Graph tags and schema.org JSON-LD before any script runs', async () => {
    const response = await fetch(`${baseUrl}/dataset/${DATASET}`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(html).toMatch(
      /<meta property="og:title" content="Persentase Penduduk Miskin menurut Provinsi" \/>/,
    );
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}';
    expect(JSON.parse(ld)).toMatchObject({
      '@type': 'Dataset',
      name: 'Persentase Penduduk Miskin menurut Provinsi',
    });
    // and the app takes over the page in the browser
    const { page, context } = await openPage(browser, baseUrl, `/dataset/${DATASET}`);
    await page.locator('.dataset-page h1').waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toMatch(
      `/dataset/${DATASET}`,
    );
    await context.close();
  });

  it('keeps each portal page’s JavaScript under 250 KB compressed, without the wall’s or the workspace’s code', async () => {
    for (const path of ['/', '/dataset?q=kemiskinan', `/dataset/${DATASET}`]) {
      const context = await browser.newContext({ baseURL: baseUrl });
      const page = await context.newPage();
      const scripts: Promise<Buffer>[] = [];
      const names: string[] = [];
      page.on('response', (response) => {
        if (!new URL(response.url()).pathname.endsWith('.js')) return;
        names.push(new URL(response.url()).pathname.replace('/assets/', ''));
        scripts.push(response.body());
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      const gzipped = (await Promise.all(scripts)).reduce((sum, body) => sum + gzipSync(body).length, 0);
      expect(gzipped, `${path}: ${names.join(' ')}`).toBeLessThan(250 * 1024);
      expect(
        names.filter((n) => /^(useBoard|Wall|Board|Editor|RuangKendali|Upload|Queue|echarts)/.test(n)),
        path,
      ).toEqual([]);
      await context.close();
    }
  });

  it('on a phone, the navigation is a menu button and the search facets a collapsible section above the results', async () => {
    const { page, context, errors } = await openPage(browser, baseUrl, '/dataset?q=kemiskinan', PHONE);
    await page.locator('.dataset-list').first().waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    const datasetsLink = nav.getByRole('link', { name: 'Dataset', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await datasetsLink.isVisible()).toBe(false);
    // The header stays one compact block: brand bar and one button, not three rows of links.
    expect(await nav.evaluate((n) => n.getBoundingClientRect().height)).toBeLessThan(70);
    // Keyboard: Enter opens, the links follow in Tab order, Escape closes and gives focus back.
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await datasetsLink.waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Beranda');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('nav-toggle'))).toBe(true);
    // Following a link closes the menu.
    await menu.click();
    await nav.getByRole('link', { name: 'Organisasi' }).click();
    await page.waitForURL(`${baseUrl}/organization`);
    await page.locator('.nav-toggle[aria-expanded="false"]').waitFor({ timeout: 3000 });
    expect(await datasetsLink.isVisible()).toBe(false);

    // Search facets: collapsed above the results, opened by their button.
    await page.goto(`${baseUrl}/dataset?q=kemiskinan`);
    await page.locator('.dataset-list').first().waitFor();
    const filters = page.getByRole('button', { name: 'Pilih filter' });
    expect(await filters.getAttribute('aria-expanded')).toBe('false');
    const facetsTop = await page.locator('aside.facets').evaluate((e) => e.getBoundingClientRect().top);
    const resultsTop = await page.locator('.search-results').evaluate((e) => e.getBoundingClientRect().top);
    expect(facetsTop).toBeLessThan(resultsTop);
    expect(await page.locator('#facet-organization').isVisible()).toBe(false);
    await filters.click();
    expect(await filters.getAttribute('aria-expanded')).toBe('true');
    await page.locator('#facet-organization').waitFor({ state: 'visible' });
    expect(await seriousAxeViolations(page), 'search with facets open on a phone').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves phone-size screenshots of home, search and dataset page that fit without sideways scrolling', async () => {
    const pages = [
      { path: '/', name: 'home', ready: '#latest-title + ul' },
      { path: '/dataset?q=kemiskinan', name: 'search', ready: '.dataset-list' },
      { path: `/dataset/${DATASET}`, name: 'dataset', ready: '.preview-table' },
    ];
    for (const { path, name, ready } of pages) {
      const { page, context } = await openPage(browser, baseUrl, path, PHONE);
      await page.locator(ready).first().waitFor();
      await statusLoaded(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shot(page, `${name}-390x844.png`);
      await context.close();
    }
  });
});
