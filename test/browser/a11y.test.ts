import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { activeElementId, openPage, seriousAxeViolations, statusLoaded } from './pages.js';
import { launchBrowser } from './support.js';

const baseUrl = inject('kendaliUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('accessibility', () => {
  it.each([
    { lang: 'id', button: /Bahasa Indonesia/ },
    { lang: 'en', button: /English/ },
  ])('axe finds no serious or critical violations on home ($lang)', async ({ lang, button }) => {
    const { page, context } = await openPage(browser, baseUrl);
    await page.getByRole('button', { name: button }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await statusLoaded(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(['/dataset', '/ruang-kendali', '/halaman-yang-tidak-ada'])(
    'axe finds no serious or critical violations on %s',
    async (path) => {
      const { page, context } = await openPage(browser, baseUrl, path);
      await statusLoaded(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it('offers a skip link as the first Tab stop that moves focus to the main content', async () => {
    const { page, context } = await openPage(browser, baseUrl);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Langsung ke konten utama' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    expect(await activeElementId(page)).toBe('main');
    await context.close();
  });

  it('fits a phone screen without horizontal scrolling', async () => {
    const { page, context } = await openPage(browser, baseUrl, '/', { width: 360, height: 740 });
    await statusLoaded(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // On a phone the navigation sits behind its menu button (web/src/layout/Header.tsx).
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    expect(await nav.getByRole('link', { name: 'Humas' }).isVisible()).toBe(false);
    await nav.getByRole('button', { name: 'Menu' }).click();
    expect(await nav.getByRole('link', { name: 'Humas' }).isVisible()).toBe(true);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
