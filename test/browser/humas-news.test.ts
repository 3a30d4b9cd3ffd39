/**
 * Humas news in Chromium against the built server with the demo: an article page shows
 * "Dibaca N kali" (its own read counted once shown), share links with the right encoded URLs,
 * and the five reactions whose counts update on click; the list page links to it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations } from './pages.js';
import { launchBrowser } from './support.js';

const baseUrl = inject('kendaliUrl');
const SLUG = 'imunisasi-dasar-lengkap-capai-target-di-15-provinsi';
// A reader's browser: headless Chromium's own user agent is treated as a bot and not counted.
const READER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
let browser: Browser;

interface Shown {
  views: number;
  reactions: { senang: number; bangga: number };
}
const show = async (): Promise<Shown> =>
  ((await (await fetch(`${baseUrl}/api/3/action/article_show?id=${SLUG}`)).json()) as { result: Shown })
    .result;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Humas news pages', () => {
  it('shows the article with its read count, share links and reactions that update on click', async () => {
    const before = await show();
    // The server's HTML for the article URL carries its Open Graph tags; og:url is the shared URL.
    const html = await (
      await fetch(`${baseUrl}/humas/berita/${SLUG}`, { headers: { accept: 'text/html' } })
    ).text();
    const articleUrl = /<meta property="og:url" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(articleUrl).toMatch(new RegExp(`/humas/berita/${SLUG}$`));
    expect(html).toContain(
      '<meta property="og:title" content="Imunisasi Dasar Lengkap Capai Target di 15 Provinsi" />',
    );

    const context = await browser.newContext({ baseURL: baseUrl, userAgent: READER_UA });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`/humas/berita/${SLUG}`);
      await page.locator('h1', { hasText: 'Imunisasi Dasar Lengkap' }).waitFor();
      // The page's own read is counted once it is shown: N + 1.
      const reads = page.getByTestId('reads');
      await expect.poll(() => reads.textContent()).toBe(`Dibaca ${before.views + 1} kali`);
      expect((await show()).views).toBe(before.views + 1);
      expect(await page.title()).toContain('Imunisasi Dasar Lengkap');

      const u = encodeURIComponent(articleUrl);
      const title = encodeURIComponent('Imunisasi Dasar Lengkap Capai Target di 15 Provinsi');
      const href = (channel: string) => page.locator(`[data-channel="${channel}"]`).getAttribute('href');
      expect(await href('facebook')).toBe(`https://www.facebook.com/sharer/sharer.php?u=${u}`);
      expect(await href('x')).toBe(`https://x.com/intent/tweet?url=${u}&text=${title}&hashtags=AyoImunisasi`);
      expect(await href('whatsapp')).toBe(`https://wa.me/?text=${title}%20%23AyoImunisasi%20${u}`);
      expect(await href('telegram')).toBe(`https://t.me/share/url?url=${u}&text=${title}%20%23AyoImunisasi`);
      expect(await href('linkedin')).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${u}`);
      expect(await href('email')).toMatch(
        new RegExp(
          `^mailto:\\?subject=${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}&body=.*${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
        ),
      );
      await expect.poll(() => page.getByRole('button', { name: 'Salin tautan' }).count()).toBe(1);

      await page.getByRole('heading', { name: 'Bagaimana pendapat anda mengenai artikel ini?' }).waitFor();
      for (const name of ['Senang', 'Terinspirasi', 'Bangga', 'Sedih', 'Marah'])
        expect(await page.getByRole('button', { name: new RegExp(name) }).count()).toBe(1);
      const bangga = page.locator('[data-reaction="bangga"]');
      const senang = page.locator('[data-reaction="senang"]');
      await bangga.click();
      await expect
        .poll(() => page.getByTestId('count-bangga').textContent())
        .toBe(String(before.reactions.bangga + 1));
      expect(await bangga.getAttribute('aria-pressed')).toBe('true');
      // A change of mind moves the count.
      await senang.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByTestId('count-senang').textContent())
        .toBe(String(before.reactions.senang + 1));
      expect(await page.getByTestId('count-bangga').textContent()).toBe(String(before.reactions.bangga));
      expect(await senang.getAttribute('aria-pressed')).toBe('true');
      expect((await show()).reactions.senang).toBe(before.reactions.senang + 1);
      // Labels, contrast and structure: no serious or critical axe-core findings.
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists published articles with links to their pages and feeds', async () => {
    const context = await browser.newContext({ baseURL: baseUrl, userAgent: READER_UA });
    const page = await context.newPage();
    try {
      await page.goto('/humas/berita');
      await page.locator('h1', { hasText: 'Berita' }).waitFor();
      const link = page.getByRole('link', { name: 'Imunisasi Dasar Lengkap Capai Target di 15 Provinsi' });
      await link.waitFor();
      expect(await page.locator('.news-card').count()).toBeGreaterThanOrEqual(4);
      expect(await page.getByRole('link', { name: 'RSS' }).getAttribute('href')).toBe('/humas/berita.rss');
      await link.click();
      await page.locator('h1', { hasText: 'Imunisasi Dasar Lengkap' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/humas/berita/${SLUG}`);
    } finally {
      await context.close();
    }
  });
});
