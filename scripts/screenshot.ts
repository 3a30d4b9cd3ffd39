/**
 * Writes a screenshot of the home page (1280×800) for the docs:
 *   npx tsx scripts/screenshot.ts [out.png]      (default docs/screenshot.png)
 * Starts the built server on a fresh data directory (demo data), like the browser tests;
 * KENDALI_TEST_URL=http://host:port shoots an already running server instead.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { connectKendali, launchBrowser, REPO_ROOT } from '../test/browser/support.js';

const out = resolve(process.argv[2] ?? resolve(REPO_ROOT, 'docs/screenshot.png'));
const server = await connectKendali();
try {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.locator('h1').waitFor();
    await page.locator('.site-footer p', { hasText: /CKAN/ }).waitFor(); // status_show has loaded
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`screenshot written: ${out}`);
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
}
