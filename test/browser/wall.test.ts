/**
 * The demo wall in Chromium against the built server: every tile renders with no console error
 * and no scrollbar at 1920×1080 and 3840×2160 (screenshots saved); a new version imported by the
 * CLI changes a tile's `data-value` within 2 s without a reload; a province on the map drills
 * down to its regencies; the lineage panel names the version the number came from; the board
 * editor exports the board file and the same file imports as a new board; axe finds nothing
 * serious on the board, its drill-down or the wall.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardView, KpiTile } from '../../src/ruang-kendali/board-format.js';
import { contrast } from '../../web/src/areas/ruang-kendali/colours.js';
import { runCli } from '../support/process.js';
import { axeInBothLanguages, seriousAxeViolations } from './pages.js';
import { type KendaliServer, launchBrowser, REPO_ROOT, startKendali } from './support.js';

const ADMIN_PASSWORD = 'sandi-admin-dinding-123';
const SHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots');
let server: KendaliServer;
let browser: Browser;
let cookie = '';
let csrf = '';

async function api<T>(name: string, input: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${server.url}/api/3/action/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { success: boolean; result: T; error?: unknown };
  if (!body.success) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** A page on the wall with its errors collected, waiting until every tile has rendered. */
async function openWall(width: number, height: number, path = '/ruang-kendali/wall/nasional') {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width, height } });
  await context.addCookies([
    { name: cookie.split('=')[0] as string, value: cookie.slice(cookie.indexOf('=') + 1), url: server.url },
  ]);
  // The app asks /api/auth/me only in a browser that remembers signing in.
  await context.addInitScript(() => localStorage.setItem('kendali.signedIn', '1'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(path);
  return { context, page, errors };
}

const tileCount = (page: Page) => page.locator('[data-tile]').count();

/** The stroke of each trend line on the page and the colour behind it, as `#rrggbb`. */
async function trendInks(page: Page): Promise<{ line: string; stroke: string; behind: string }[]> {
  const rgb = await page.locator('.rk-chart-value, .rk-chart-target').evaluateAll((lines) =>
    lines.map((el) => {
      let behind = 'rgba(0, 0, 0, 0)';
      for (
        let at: Element | null = el;
        at && /rgba\(0, 0, 0, 0\)|transparent/.test(behind);
        at = at.parentElement
      )
        behind = getComputedStyle(at).backgroundColor;
      return { line: el.getAttribute('class') ?? '', stroke: getComputedStyle(el).stroke, behind };
    }),
  );
  const hex = (c: string) =>
    `#${(c.match(/\d+/g) ?? [])
      .slice(0, 3)
      .map((n) => Number(n).toString(16).padStart(2, '0'))
      .join('')}`;
  return rgb.map((x) => ({ line: x.line, stroke: hex(x.stroke), behind: hex(x.behind) }));
}

beforeAll(async () => {
  server = await startKendali({ env: { KENDALI_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  browser = await launchBrowser();
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  csrf = ((await login.json()) as { result: { csrf_token: string } }).result.csrf_token;
  mkdirSync(SHOTS, { recursive: true });
  // The demo's values come from the first evaluation job: wait until the national board has them.
  const until = Date.now() + 60_000;
  for (;;) {
    const view = await api<BoardView>('board_show', { id: 'nasional', data: true });
    if (view.tiles.some((t) => t.data.kind === 'kpi' && (t.data as KpiTile).value !== null)) break;
    if (Date.now() > until) throw new Error('the demo board has no KPI value after 60 s');
    await new Promise((r) => setTimeout(r, 1_000));
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Ruang Kendali wall', () => {
  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    it(`renders every tile of the national board at ${width}×${height} with no scrollbar or console error`, async () => {
      const view = await api<BoardView>('board_show', { id: 'nasional', data: true });
      expect(view.tiles.length).toBeGreaterThanOrEqual(10);
      expect(view.tiles.filter((t) => t.data.error)).toEqual([]);
      const { context, page, errors } = await openWall(width, height);
      try {
        await expect.poll(() => tileCount(page), { timeout: 15_000 }).toBe(view.tiles.length);
        await page.locator('.rk-chart svg').first().waitFor();
        await page.locator('[data-connection="live"]').waitFor();
        const kinds = await page
          .locator('[data-tile]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
        expect(new Set(kinds)).toEqual(new Set(view.tiles.map((t) => t.kind)));
        for (const tile of view.tiles.filter((t) => t.data.kind === 'kpi')) {
          const el = page.locator(`[data-tile="${tile.id}"]`);
          expect(await el.getAttribute('data-indicator')).toBe((tile.data as KpiTile).lineage?.indicator_id);
          expect(Number(await el.getAttribute('data-value'))).toBe((tile.data as KpiTile).value);
        }
        const scroll = await page.evaluate(() => ({
          docH: document.documentElement.scrollHeight,
          docW: document.documentElement.scrollWidth,
          h: window.innerHeight,
          w: window.innerWidth,
          tileOverflow: [...document.querySelectorAll('.rk-slot')].filter((s) => {
            const r = s.getBoundingClientRect();
            return r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1;
          }).length,
        }));
        expect(scroll.docH).toBeLessThanOrEqual(scroll.h);
        expect(scroll.docW).toBeLessThanOrEqual(scroll.w);
        expect(scroll.tileOverflow).toBe(0);
        await page.screenshot({ path: join(SHOTS, `wall-nasional-${width}x${height}.png`) });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('updates a tile within 2 s of a new version imported by the CLI, without a reload', async () => {
    const view = await api<BoardView>('board_show', { id: 'nasional', data: true });
    const tile = view.tiles.find((t) => t.data.kind === 'kpi' && (t.data as KpiTile).value !== null);
    expect(tile).toBeDefined();
    const data = tile?.data as KpiTile;
    const lineage = data.lineage;
    if (!lineage) throw new Error('the KPI tile has no lineage');
    // The dataset's current rows with the indicator's measure raised by 10: a new version.
    const ds = await api<{ resources: { id: string }[]; organization: { name: string } }>('package_show', {
      id: lineage.dataset_name,
    });
    const resource = ds.resources[0]?.id as string;
    const search = await api<{ fields: { id: string }[]; records: Record<string, unknown>[] }>(
      'datastore_search',
      {
        resource_id: resource,
        limit: 10_000,
      },
    );
    const columns = search.fields.map((f) => f.id).filter((c) => c !== '_id' && !/_(kode|nama)$/.test(c));
    const csv = [
      columns.join(','),
      ...search.records.map((r) =>
        columns
          .map((c) => {
            const v = c === lineage.measure ? Number(r[c]) + 10 : r[c];
            const s = v === null || v === undefined ? '' : String(v);
            return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
          })
          .join(','),
      ),
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'kendali-wall-'));
    const { context, page, errors } = await openWall(1920, 1080);
    try {
      const el = page.locator(`[data-tile="${tile?.id}"]`);
      await page.locator('[data-connection="live"]').waitFor();
      expect(Number(await el.getAttribute('data-value'))).toBe(data.value);
      await page.evaluate(() => {
        (window as unknown as { marker: number }).marker = 42;
      });
      const file = join(dir, 'versi-baru.csv');
      writeFileSync(file, `${csv}\n`);
      const { token } = await api<{ token: string }>('api_token_create', { user: 'admin', name: 'dinding' });
      const r = await runCli(
        [
          'import',
          file,
          '--org',
          ds.organization.name,
          '--dataset',
          lineage.dataset_name,
          '--url',
          server.url,
          '--token',
          token,
          '--on-error',
          'warn',
        ],
        {},
      );
      expect(r.code, r.stderr).not.toBe(1);
      const imported = Date.now();
      await expect
        .poll(async () => Number(await el.getAttribute('data-value')), { timeout: 2_000, interval: 50 })
        .not.toBe(data.value);
      const took = Date.now() - imported;
      expect(took).toBeLessThanOrEqual(2_000);
      // Same document: no reload happened.
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
      // The lineage panel names the new version.
      await el.locator('.rk-num').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const after = await api<BoardView>('board_show', { id: 'nasional', data: true });
      const newVersion = (after.tiles.find((t) => t.id === tile?.id)?.data as KpiTile | undefined)?.lineage
        ?.version;
      expect(newVersion).toBeGreaterThan(lineage.version ?? 0);
      expect(await dialog.locator('[data-lineage="version"]').textContent()).toBe(String(newVersion));
      expect(await dialog.textContent()).toContain(lineage.dataset_title);
      expect(await dialog.getByRole('link', { name: lineage.dataset_title }).getAttribute('href')).toBe(
        `/dataset/${lineage.dataset_name}`,
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drills down from a province on the map to its regencies and back', async () => {
    const { context, page, errors } = await openWall(1920, 1080, '/ruang-kendali/papan/nasional');
    try {
      // Poverty by regency, rolled up to provinces: a province drills down to its regencies.
      const map = page.locator('[data-tile="peta-kemiskinan"]');
      await map.locator('[data-region="32"]').click();
      const drill = map.locator('[data-drill="32"]');
      await drill.waitFor();
      await expect
        .poll(() => drill.locator('tr[data-region]').count(), { timeout: 10_000 })
        .toBeGreaterThan(5);
      const codes = await drill
        .locator('tr[data-region]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-region')));
      expect(codes.every((c) => c?.startsWith('32.'))).toBe(true);
      await drill.getByRole('button', { name: /Nasional/ }).click();
      await map.locator('[data-region="11"]').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('passes axe on the board page (both languages), its drill-down and the wall: map cells read their own label, on inks that contrast', async () => {
    const { context, page, errors } = await openWall(1920, 1080, '/ruang-kendali/papan/nasional');
    try {
      const map = page.locator('[data-tile="peta-kemiskinan"]');
      await map.locator('.rk-cell').first().waitFor();
      await page.locator('[data-tile="kpi-kemiskinan"][data-value]').waitFor();
      expect(await axeInBothLanguages(page)).toEqual({ id: [], en: [] });
      // Trend lines are graphics a reader needs: 3:1 against what is behind them (WCAG 1.4.11).
      const inks = await trendInks(page);
      expect(inks.length).toBeGreaterThan(2);
      for (const ink of inks)
        expect(contrast(ink.stroke, ink.behind), JSON.stringify(ink)).toBeGreaterThanOrEqual(3);
      // The tile's abbreviation leads its name unless the name starts with it.
      await map.getByRole('button', { name: /^JABAR \(Jawa Barat\): [\d.,]+ \(/ }).waitFor();
      await map.getByRole('button', { name: /^Aceh: / }).waitFor();
      // A KPI and the trend of one indicator are told apart by their kind.
      const regions = await page
        .locator('section[data-tile]')
        .evaluateAll((tiles) => tiles.map((x) => x.getAttribute('aria-label')));
      expect(new Set(regions).size).toBe(regions.length);
      // The drill-down's regency list.
      await map.locator('[data-region="32"]').click();
      await map.locator('[data-drill="32"] tr[data-region]').first().waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    const wall = await openWall(1920, 1080);
    try {
      await wall.page.locator('.rk-cell').first().waitFor();
      await wall.page.locator('[data-connection="live"]').waitFor();
      expect(await seriousAxeViolations(wall.page)).toEqual([]);
      const inks = await trendInks(wall.page);
      expect(inks.length).toBeGreaterThan(2);
      for (const ink of inks)
        expect(contrast(ink.stroke, ink.behind), JSON.stringify(ink)).toBeGreaterThanOrEqual(3);
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.context.close();
    }
  });

  it('exports the board file from the board page and imports it back as a new board', async () => {
    const { context, page, errors } = await openWall(1366, 768, '/ruang-kendali/papan/jawa-barat');
    try {
      await page.locator('[data-tile]').first().waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Unduh berkas papan (JSON)' }).click(),
      ]);
      const file = await download.path();
      const doc = JSON.parse(readFileSync(file, 'utf8')) as {
        format: string;
        name: string;
        tiles: unknown[];
      };
      expect(doc.format).toBe('kendali.board/1');
      expect(doc.name).toBe('jawa-barat');
      const copy = join(mkdtempSync(join(tmpdir(), 'kendali-papan-')), 'salinan.board.json');
      writeFileSync(
        copy,
        JSON.stringify({ ...doc, name: 'salinan-jawa-barat', title: 'Salinan Papan Jawa Barat' }),
      );
      await page.goto('/ruang-kendali');
      await page.getByLabel('Impor berkas papan (JSON)').setInputFiles(copy);
      await page.waitForURL('**/ruang-kendali/papan/salinan-jawa-barat');
      await expect.poll(() => tileCount(page), { timeout: 10_000 }).toBe(doc.tiles.length);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
