/** Page-level helpers for the browser tests: fresh pages, keyboard focus, axe-core. */
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors and console errors seen so far. */
  readonly errors: string[];
  /** Every URL the page requested that was not on the server (must stay empty: no CDN). */
  readonly foreign: string[];
}

/** A fresh context (empty localStorage) with one page at `path`, waiting for its `<h1>`. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  path = '/',
  viewport = { width: 1280, height: 800 },
): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:')) foreign.push(url);
  });
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  return { context, page, errors, foreign };
}

/** Waits until status_show has loaded (the footer shows the version line). */
export async function statusLoaded(page: Page): Promise<void> {
  await page.locator('.site-footer p', { hasText: /CKAN/ }).waitFor();
}

/** Presses Tab until the focused element's text is `name` inside `within`; fails after `max` presses. */
export async function tabTo(page: Page, name: string, within = 'nav', max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate((selector) => {
      const active = document.activeElement;
      return active?.closest(selector) ? active.textContent?.trim() : undefined;
    }, within);
    if (text === name) return;
  }
  throw new Error(`"${name}" in ${within} not reached with ${max} Tab presses`);
}

export const activeElementId = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => document.activeElement?.id);

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core on the page and returns the serious and critical violations, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() => {
    const { axe } = window as unknown as { axe: { run: () => Promise<AxeResults> } };
    return axe.run();
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * axe in Bahasa Indonesia, then in English (switched with the header's button, so the page keeps
 * its state), then back to Indonesian. Answers the serious violations found in each language.
 */
export async function axeInBothLanguages(page: Page): Promise<{ id: string[]; en: string[] }> {
  await statusLoaded(page);
  const id = await seriousAxeViolations(page);
  await page.getByRole('button', { name: /English/ }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const en = await seriousAxeViolations(page);
  await page.getByRole('button', { name: /Bahasa Indonesia/ }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'id');
  return { id, en };
}
