/**
 * /humas/agenda and /humas/media in Chromium against the built server with the demo: the week's
 * agenda with its clash flags and the institution filter; the monitored news with sentiment,
 * mentions, the trend and the demo's negative spike, once signed in. Its own server (a known
 * admin password); axe finds no serious violations on either page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './pages.js';
import { type KendaliServer, launchBrowser, startKendali } from './support.js';

const ADMIN_PASSWORD = 'sandi-admin-humas-123';
let server: KendaliServer;
let browser: Browser;

beforeAll(async () => {
  server = await startKendali({ env: { KENDALI_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Humas agenda and media pages', () => {
  it('shows the week’s agenda with clash flags, filtered by institution', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    try {
      await page.goto('/humas/agenda');
      await page.getByRole('heading', { level: 1, name: 'Agenda Humas Bersama' }).waitFor();
      await page.locator('strong', { hasText: 'Rilis Berita Resmi Statistik: Inflasi' }).waitFor();
      const notes = page.getByRole('note');
      expect(await notes.count()).toBeGreaterThanOrEqual(2);
      expect(await notes.first().textContent()).toMatch(/Bentrok dengan/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Instansi').selectOption('kemenkes');
      // Both items show before the filter: wait for the other institution's item to go, and for
      // the chosen institution's item to show (the list may be empty while it reloads).
      const other = page.locator('strong', { hasText: 'Rilis Berita Resmi Statistik: Inflasi' });
      const chosen = page.locator('strong', { hasText: 'Konferensi pers imunisasi nasional' });
      await other.waitFor({ state: 'detached' });
      await chosen.waitFor();
      expect([await chosen.count(), await other.count()]).toEqual([1, 0]);
      const ics = await (await fetch(`${server.url}/humas/agenda/kemenkes.ics`)).text();
      expect(ics).toContain('SUMMARY:[Kementerian Kesehatan] Konferensi pers imunisasi nasional');
    } finally {
      await context.close();
    }
  });

  it('shows monitored news with sentiment, mentions and the spike once signed in', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    try {
      await page.goto('/humas/media');
      await page.getByRole('link', { name: 'Masuk untuk melihat pemantauan media' }).waitFor();
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'admin', password: ADMIN_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const eq = cookie.indexOf('=');
      await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: server.url }]);
      // The app asks /api/auth/me only in a browser that remembers signing in (as after /masuk).
      await page.evaluate(() => localStorage.setItem('kendali.signedIn', '1'));
      // The demo feed is fetched by a job queued at the first start: wait for its items.
      await expect
        .poll(
          async () => {
            await page.goto('/humas/media');
            await page.getByRole('heading', { name: /^Berita \(/ }).waitFor();
            return page.getByText('Stok obat kosong di puskesmas, Kemenkes dikritik warga').count();
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe(1);
      const row = page.getByRole('row', { name: /Stok obat kosong/ });
      expect(await row.textContent()).toMatch(/Negatif/);
      expect(await row.textContent()).toMatch(/Kementerian Kesehatan/);
      expect(await page.getByRole('note').first().textContent()).toMatch(
        /Lonjakan berita negatif tentang Kementerian Kesehatan/,
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Sentimen').selectOption('positive');
      await page.getByText('BPS: angka kemiskinan turun ke level terendah').waitFor();
      await expect.poll(() => page.getByText('Stok obat kosong di puskesmas').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
