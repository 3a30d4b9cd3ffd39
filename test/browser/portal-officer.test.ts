/**
 * The data officer's journey in Chromium: sign in at /masuk, open the upload wizard, upload the
 * BPS poverty file of Jawa Barat's regencies into a new dataset, walk through column types, the
 * validation report and the region names, preview, publish, and find the dataset in search. Then
 * a second file whose bare regency names are ambiguous (no "Kota …" rows to tell them apart):
 * the officer chooses each by hand and the new version carries the chosen codes. Every step
 * passes axe in Bahasa Indonesia and in English (switched in place, so the wizard keeps its
 * step); the wizard is photographed at
 * 1366×768 and 390×844.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeInBothLanguages, seriousAxeViolations } from './pages.js';
import { type KendaliServer, launchBrowser, REPO_ROOT, startKendali } from './support.js';

const SAMPLE = resolve(
  REPO_ROOT,
  '../shared/data/samples/bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv',
);
const SHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots');
const ADMIN_PASSWORD = 'sandi-admin-petugas-123';
const OFFICER = { name: 'petugas-bps', password: 'sandi-petugas-bps-123' };
const TITLE = 'Persentase Penduduk Miskin Kabupaten Kota Jawa Barat 2024';

let server: KendaliServer;
let browser: Browser;
let dir = '';

async function adminCall(name: string, input: Record<string, unknown>): Promise<unknown> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password: ADMIN_PASSWORD }),
  });
  const csrf = ((await login.json()) as { result: { csrf_token: string } }).result.csrf_token;
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const res = await fetch(`${server.url}/api/3/action/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { success: boolean; result: unknown };
  expect(body.success, `${name}: ${JSON.stringify(body)}`).toBe(true);
  return body.result;
}

/** No serious axe violation on the page as it stands, in Bahasa Indonesia and in English. */
async function axeClean(page: Page): Promise<void> {
  expect(await axeInBothLanguages(page)).toEqual({ id: [], en: [] });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kendali-petugas-'));
  mkdirSync(SHOTS, { recursive: true });
  server = await startKendali({ env: { KENDALI_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  browser = await launchBrowser();
  await adminCall('user_create', { ...OFFICER, email: 'petugas@bps.example.go.id' });
  await adminCall('member_create', {
    id: 'bps',
    object: OFFICER.name,
    object_type: 'user',
    capacity: 'produsen',
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function signedInPage(viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ baseURL: server.url, viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna atau surel').fill(OFFICER.name);
  await page.getByLabel('Kata sandi').fill(OFFICER.password);
  await page.getByLabel('Kata sandi').press('Enter');
  await page.waitForURL('**/ruang-kerja/antrian');
  return { context, page, errors };
}

describe('upload wizard', () => {
  it('uploads, checks, publishes the Jawa Barat poverty file and finds it in search', async () => {
    const { context, page, errors } = await signedInPage();
    try {
      await page.getByRole('link', { name: 'Ruang kerja' }).click();
      await page.getByRole('main').getByRole('link', { name: 'Unggah data' }).click();
      await page.getByRole('heading', { name: 'Unggah data', level: 1 }).waitFor();
      await axeClean(page);
      await page.screenshot({ path: join(SHOTS, 'upload-wizard-1366x768.png'), fullPage: true });
      await page.getByLabel('Instansi').selectOption('bps');
      await page.getByLabel('Judul dataset baru').fill(TITLE);
      await page.getByLabel(/^Berkas/).setInputFiles(SAMPLE);
      await page.getByRole('button', { name: 'Unggah dan periksa' }).click();

      // Column types: read over the whole file, with a type per column that can be changed.
      await page.getByRole('heading', { name: 'Tipe kolom', level: 2 }).waitFor({ timeout: 30_000 });
      expect(await page.getByText(/baris dibaca dari bps_persentase_penduduk_miskin/).count()).toBe(1);
      expect(await page.getByRole('combobox', { name: /^Tipe kolom/ }).count()).toBeGreaterThanOrEqual(2);
      await axeClean(page);
      await page.getByRole('button', { name: 'Lanjut' }).click();

      await page.getByRole('heading', { name: 'Laporan validasi', level: 2 }).waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-valid]').textContent()).toMatch(/Tidak ada galat/);
      await axeClean(page);
      await page.getByRole('button', { name: 'Lanjut' }).click();

      // BPS writes "Bogor" for the kabupaten because "Kota Bogor" is in the same column.
      await page.getByRole('heading', { name: 'Nama wilayah', level: 2 }).waitFor();
      expect(await page.getByText('Semua nama wilayah dikenali.').count()).toBe(1);
      await axeClean(page);
      await page.getByRole('button', { name: 'Lanjut' }).click();

      await page.getByRole('heading', { name: 'Pratinjau', level: 2 }).waitFor({ timeout: 30_000 });
      const header = await page.locator('.preview-table thead th').allTextContents();
      expect(header).toEqual(expect.arrayContaining([expect.stringMatching(/_kode$/)]));
      expect(await page.locator('.preview-table tbody tr').count()).toBeGreaterThan(5);
      await axeClean(page);
      await page.getByRole('button', { name: 'Terbitkan' }).click();
      await page.getByText('Diterbitkan sebagai versi 1.').waitFor({ timeout: 60_000 });
      // The new dataset's coverage, read from the file: Jawa Barat's regencies in 2024.
      expect(await page.locator('[data-coverage]').textContent()).toBe(
        'Metadata dataset dilengkapi dari datanya: cakupan wilayah 32 (tingkat kabupaten-kota); cakupan waktu 2024 s.d. 2024.',
      );
      await axeClean(page);

      // Found in search by a word of its title.
      await page.goto('/dataset?q=miskin%20jawa%20barat');
      await page.getByRole('link', { name: TITLE }).first().waitFor({ timeout: 15_000 });
      await axeClean(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has the ambiguous regency names chosen by hand in a second version', async () => {
    const withoutKota = readFileSync(SAMPLE, 'utf8')
      .split(/\r?\n/)
      .filter((line) => !/^Kota /.test(line))
      .join('\n');
    const file = join(dir, 'miskin-jabar-tanpa-kota.csv');
    writeFileSync(file, withoutKota);
    const { context, page, errors } = await signedInPage({ width: 390, height: 844 });
    try {
      await page.goto('/ruang-kerja/unggah');
      await page.getByLabel('Instansi').selectOption('bps');
      const dataset = page.getByLabel(/^Dataset/);
      await expect.poll(() => dataset.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
      await dataset.selectOption({ label: TITLE });
      await page.getByLabel(/^Berkas/).setInputFiles(file);
      await page.screenshot({ path: join(SHOTS, 'upload-wizard-390x844.png'), fullPage: true });
      await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
      await page.getByRole('heading', { name: 'Tipe kolom', level: 2 }).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Lanjut' }).click();
      await page.getByRole('heading', { name: 'Laporan validasi', level: 2 }).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Lanjut' }).click();
      await page.getByRole('heading', { name: 'Nama wilayah', level: 2 }).waitFor();
      const choices = page.locator('[data-ambiguous]');
      expect(await choices.count()).toBeGreaterThanOrEqual(3);
      await axeClean(page);
      const names = await choices.evaluateAll((els) => els.map((e) => e.getAttribute('data-ambiguous')));
      expect(names).toEqual(expect.arrayContaining(['Bogor', 'Bandung', 'Bekasi']));
      for (const el of await choices.all()) {
        const select = el.getByRole('combobox');
        const kabupaten = await select
          .locator('option')
          .evaluateAll((opts) =>
            opts.find((o) => /^Kabupaten /i.test(o.textContent ?? ''))?.getAttribute('value'),
          );
        expect(kabupaten).toBeTruthy();
        await select.selectOption(kabupaten as string);
      }
      await page.getByRole('button', { name: 'Terapkan pilihan' }).click();
      await page.getByRole('heading', { name: 'Pratinjau', level: 2 }).waitFor({ timeout: 30_000 });
      expect(await page.getByText(/Masih ada \d+ nama ambigu/).count()).toBe(0);
      const bogorRow = page.locator('.preview-table tbody tr', { hasText: 'Bogor' }).first();
      expect(await bogorRow.textContent()).toContain('32.01');
      await page.getByRole('button', { name: 'Terbitkan' }).click();
      await page.getByText('Diterbitkan sebagai versi 2.').waitFor({ timeout: 60_000 });
      // The first version filled the coverage already: nothing more to fill.
      expect(await page.locator('[data-coverage]').count()).toBe(0);
      const noScroll = await page.evaluate(
        () => document.documentElement.scrollWidth <= window.innerWidth + 1,
      );
      expect(noScroll).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps English chosen before the wizard opens, with no serious axe violation', async () => {
    const { context, page, errors } = await signedInPage();
    try {
      await page.evaluate(() => localStorage.setItem('kendali.lang', 'en'));
      await page.goto('/ruang-kerja/unggah');
      await page.getByRole('heading', { name: 'Upload data', level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
