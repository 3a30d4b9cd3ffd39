import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage, statusLoaded, tabTo } from './pages.js';
import { launchBrowser } from './support.js';

const baseUrl = inject('kendaliUrl');
let browser: Browser;

interface Status {
  site_title: string;
  demo: boolean;
  counts?: { organizations: number; datasets: number; regions: number };
}

async function statusShow(): Promise<Status> {
  const response = await fetch(`${baseUrl}/api/3/action/status_show`);
  const body = (await response.json()) as { success: boolean; result: Status };
  expect(body.success).toBe(true);
  return body.result;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('portal shell', () => {
  it('renders home in Bahasa Indonesia by default, with landmarks, counts and nothing fetched off-site', async () => {
    const status = await statusShow();
    const { page, context, errors, foreign } = await openPage(browser, baseUrl);
    await statusLoaded(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.locator('h1').textContent()).toBe('Portal Satu Data dan Ruang Kendali');
    expect(await page.getByRole('button', { name: /Bahasa Indonesia/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
      expect(await page.getByRole(role).count(), role).toBe(1);
    }
    expect(await page.locator('.brand-name').textContent()).toBe(status.site_title);
    await page.waitForFunction((title) => document.title === title, status.site_title, { timeout: 5000 });
    if (status.counts) {
      const id = new Intl.NumberFormat('id-ID');
      const { organizations, datasets, regions } = status.counts;
      expect(await page.locator('.stats dd').allTextContents()).toEqual(
        [organizations, datasets, regions].map((n) => id.format(n)),
      );
    }
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('shows the synthetic-data banner in both languages when the server runs on demo data', async () => {
    expect((await statusShow()).demo).toBe(true);
    const { page, context } = await openPage(browser, baseUrl);
    const banner = page.getByText('Data demo sintetis — bukan data resmi');
    await banner.waitFor();
    expect(await banner.isVisible()).toBe(true);
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByText('Synthetic demo data — not official figures').waitFor();
    await context.close();
  });

  it('switches to English, sets <html lang="en"> and keeps the choice after a reload', async () => {
    const { page, context } = await openPage(browser, baseUrl);
    await page.getByRole('button', { name: /English/ }).click();
    await page.locator('h1', { hasText: 'One Data portal and control room' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Datasets' }).count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('kendali.lang'))).toBe('en');

    await page.reload();
    await page.locator('h1', { hasText: 'One Data portal and control room' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: /English/ }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: /Bahasa Indonesia/ }).click();
    await page.locator('h1', { hasText: 'Portal Satu Data dan Ruang Kendali' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await context.close();
  });

  const areas = [
    { link: 'Dataset', path: '/dataset', heading: 'Dataset', text: /^\d+ dataset ditemukan$/ },
    {
      link: 'Organisasi',
      path: '/organization',
      heading: 'Organisasi',
      text: 'Instansi pusat dan daerah yang menerbitkan data.',
    },
    {
      link: 'Ruang Kendali',
      path: '/ruang-kendali',
      heading: 'Ruang Kendali',
      text: 'Papan indikator dengan target',
    },
    { link: 'Humas', path: '/humas', heading: 'Humas', text: 'Agenda Humas Bersama' },
    {
      link: 'Beranda',
      path: '/',
      heading: 'Portal Satu Data dan Ruang Kendali',
      text: 'Yang ada di Kendali',
    },
  ];

  it.each(areas)('reaches $path from the navigation with the keyboard (Tab, Enter)', async (area) => {
    const start = area.path === '/' ? '/humas' : '/';
    const { page, context, errors } = await openPage(browser, baseUrl, start);
    await tabTo(page, area.link);
    await page.keyboard.press('Enter');
    await page.waitForURL(new URL(area.path, baseUrl).href);
    await page.getByRole('heading', { level: 1, name: area.heading, exact: true }).waitFor();
    await page.getByText(area.text).first().waitFor();
    // focus moves to the new content (an effect after the render)
    await page.waitForFunction(() => document.activeElement?.id === 'main', undefined, { timeout: 5000 });
    const current = page.getByRole('navigation').locator('[aria-current="page"]');
    expect(await current.textContent()).toBe(area.link);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('links the API documentation served by the server', async () => {
    const { page, context } = await openPage(browser, baseUrl);
    const link = page.getByRole('navigation').getByRole('link', { name: 'API' });
    expect(await link.getAttribute('href')).toBe('/api/docs');
    await context.close();
  });

  it('shows a not-found page for an unknown path, in either language', async () => {
    const { page, context } = await openPage(browser, baseUrl, '/tidak/ada-di-sini');
    expect(await page.locator('h1').textContent()).toBe('Halaman tidak ditemukan');
    await page.getByText('/tidak/ada-di-sini').waitFor();
    await page.getByRole('button', { name: /English/ }).click();
    await page.locator('h1', { hasText: 'Page not found' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Back to Home' }).click();
    await page.waitForURL(new URL('/', baseUrl).href);
    await page.locator('h1', { hasText: 'One Data portal and control room' }).waitFor();
    await context.close();
  });
});
