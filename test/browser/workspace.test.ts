/**
 * The workspace and the admin pages in Chromium. A sysadmin creates an institution (after a
 * refused name whose error shows beside the field), an institution admin and a produsen on the
 * admin pages, makes the first an admin of the institution, registers a harvest source and runs
 * it, and uploads a GeoJSON map. The institution admin adds the produsen as a member. The
 * produsen creates a private dataset in the workspace, edits its description, gets a field
 * error beside a bad date, creates an API token that reads the private dataset over the API and
 * stops working once revoked. Non-sysadmins get "no access" on admin pages. A sysadmin deletes
 * an empty institution (one with a dataset is refused, in Indonesian) and deactivates and
 * reactivates a user. Every page visited passes axe (serious/critical); the dataset form fits a
 * 390 px wide screen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './pages.js';
import { type KendaliServer, launchBrowser, startKendali } from './support.js';

const ADMIN_PASSWORD = 'sandi-admin-ruang-kerja-123';
const ORG_ADMIN = { name: 'admin-dinsos', password: 'sandi-admin-dinsos-123' };
const PRODUSEN = { name: 'produsen-dinsos', password: 'sandi-produsen-dinsos-123' };
const DATASET = { name: 'penerima-bansos-2025', title: 'Penerima Bantuan Sosial 2025' };

let server: KendaliServer;
let browser: Browser;
let dir = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kendali-ruang-kerja-'));
  server = await startKendali({ env: { KENDALI_DEMO: '0', KENDALI_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Signed {
  page: Page;
  errors: string[];
}

/** A fresh browser context signed in at /masuk as `name`. */
async function signIn(
  name: string,
  password: string,
  viewport = { width: 1280, height: 800 },
): Promise<Signed> {
  const context = await browser.newContext({ baseURL: server.url, viewport });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna atau surel').fill(name);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByLabel('Kata sandi').press('Enter');
  await page.waitForURL('**/ruang-kerja/antrian');
  return { page, errors };
}

/** Goes to `path`, waits for its heading and checks axe. */
async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.getByText('Memuat…').first().waitFor({ state: 'detached' });
  expect(await seriousAxeViolations(page), path).toEqual([]);
}

async function api(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { Accept: 'application/json', ...headers } });
}

/** An HTTP API session (cookie + CSRF), for setting up data the pages then show. */
async function apiSession(name: string, password: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  expect(login.status).toBe(200);
  const csrf = ((await login.json()) as { result: { csrf_token: string } }).result.csrf_token;
  const headers = {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] as string,
    'x-csrf-token': csrf,
  };
  return {
    async call<T>(action: string, input: Record<string, unknown>): Promise<T> {
      const res = await fetch(`${server.url}/api/3/action/${action}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { success: boolean; result: T };
      expect(body.success, `${action}: ${JSON.stringify(body)}`).toBe(true);
      return body.result;
    },
    async upload(filename: string, text: string): Promise<string> {
      const form = new FormData();
      form.append('file', new Blob([text]), filename);
      const res = await fetch(`${server.url}/api/uploads`, { method: 'POST', headers, body: form });
      expect(res.status).toBe(200);
      return ((await res.json()) as { result: { upload_id: string } }).result.upload_id;
    },
  };
}

describe('workspace and admin pages', () => {
  let tokenValue = '';

  it('a sysadmin creates an institution, users, a membership, a harvest source and a map', async () => {
    const { page, errors } = await signIn('admin', ADMIN_PASSWORD);
    await visit(page, '/ruang-kerja', 'Ruang kerja');
    for (const link of ['Instansi', 'Pengguna', 'Sumber panen', 'Peta wilayah', 'Token API', 'Dataset saya'])
      expect(await page.locator('main').getByRole('link', { name: link, exact: true }).count(), link).toBe(1);

    await visit(page, '/admin/instansi', 'Instansi');
    await page.getByLabel('Nama (alamat URL)').fill('Dinas Sosial');
    await page.getByLabel('Nama instansi').fill('Dinas Sosial Provinsi Jawa Barat');
    await page.getByLabel('Tingkat pemerintahan').selectOption('province');
    await page.getByRole('button', { name: 'Tambah instansi' }).click();
    const nameError = page.locator('#org-name-error');
    await nameError.waitFor();
    expect(await nameError.getAttribute('role')).toBe('alert');
    expect(await nameError.textContent()).toMatch(/^Nama \(alamat URL\): /);
    expect(await page.getByLabel('Nama (alamat URL)').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Nama (alamat URL)').fill('dinsos');
    await page.getByRole('button', { name: 'Tambah instansi' }).click();
    await page.getByRole('status').filter({ hasText: 'Instansi dinsos dibuat.' }).waitFor();
    await page.getByRole('row', { name: /Dinas Sosial Provinsi Jawa Barat/ }).waitFor();

    await visit(page, '/admin/pengguna', 'Pengguna');
    for (const [user, fullname] of [
      [ORG_ADMIN, 'Admin Dinsos'],
      [PRODUSEN, 'Produsen Dinsos'],
    ] as const) {
      await page.getByLabel('Nama pengguna (login)').fill(user.name);
      await page.getByLabel('Nama lengkap').fill(fullname);
      await page.getByLabel('Kata sandi awal').fill(user.password);
      await page.getByRole('button', { name: 'Tambah pengguna' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Pengguna ${user.name} dibuat.` })
        .waitFor();
      await page.getByRole('row', { name: new RegExp(user.name) }).waitFor();
    }

    await visit(page, '/ruang-kerja/anggota', 'Anggota instansi');
    await page.getByLabel('Instansi', { exact: true }).selectOption('dinsos');
    await page.getByLabel('Pengguna', { exact: true }).fill(ORG_ADMIN.name);
    await page.getByLabel('Peran', { exact: true }).selectOption('admin');
    await page.getByRole('button', { name: 'Tambahkan' }).click();
    await page.getByRole('row', { name: /admin-dinsos/ }).waitFor();

    await visit(page, '/admin/panen', 'Sumber panen');
    await page.getByLabel('Nama (pengenal)').fill('portal-sendiri');
    await page.getByLabel('Alamat URL').fill(server.url);
    await page.getByLabel('Instansi tujuan').selectOption('dinsos');
    await page.getByRole('button', { name: 'Tambah sumber' }).click();
    await page.getByRole('status').filter({ hasText: 'Sumber portal-sendiri ditambahkan.' }).waitFor();
    await page.getByRole('button', { name: 'Panen portal-sendiri sekarang' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Panen portal-sendiri dijadwalkan/ })
      .waitFor();
    const log = page.getByRole('region', { name: 'Riwayat panen: portal-sendiri' });
    const counts = log.getByRole('cell', { name: /baru, .* diperbarui, .* gagal/ });
    for (let i = 0; i < 60 && (await counts.count()) === 0; i++) {
      await page.waitForTimeout(500);
      await log.getByRole('button', { name: 'Muat ulang riwayat' }).click();
    }
    expect(await counts.count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await visit(page, '/admin/peta', 'Peta wilayah');
    const geojson = join(dir, 'jabar.geojson');
    const feature = (kode: unknown) => ({ type: 'Feature', properties: { kode }, geometry: null });
    writeFileSync(
      geojson,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [feature(3204), feature('32.73'), feature('99.99')],
      }),
    );
    await page.getByLabel('Nama (pengenal)').fill('kabkota-jabar');
    await page.getByLabel('Judul').fill('Kabupaten/kota Jawa Barat');
    await page.getByLabel('Tingkat').selectOption('regency');
    await page.getByLabel('Properti kode wilayah').fill('kode');
    await page.getByLabel('Berkas GeoJSON').setInputFiles(geojson);
    await page.getByRole('button', { name: 'Unggah peta' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Peta kabkota-jabar terdaftar: 2 fitur cocok, 1 tidak dikenali.' })
      .waitFor();
    await page.getByRole('row', { name: /Kabupaten\/kota Jawa Barat/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('an institution admin adds the produsen; admin pages answer "no access" to others', async () => {
    const { page, errors } = await signIn(ORG_ADMIN.name, ORG_ADMIN.password);
    await visit(page, '/admin/pengguna', 'Pengguna');
    expect(await page.getByRole('alert').textContent()).toMatch(/tidak memiliki akses.*administrator sistem/);
    expect(await page.getByLabel('Nama pengguna (login)').count()).toBe(0);

    await visit(page, '/ruang-kerja/anggota', 'Anggota instansi');
    await page.getByLabel('Pengguna', { exact: true }).fill('tidak-ada');
    await page.getByRole('button', { name: 'Tambahkan' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/^Gagal: /);
    await page.getByLabel('Pengguna', { exact: true }).fill(PRODUSEN.name);
    await page.getByLabel('Peran', { exact: true }).selectOption('produsen');
    await page.getByRole('button', { name: 'Tambahkan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${PRODUSEN.name} ditambahkan sebagai Produsen data.` })
      .waitFor();
    const row = page.getByRole('row', { name: /produsen-dinsos/ });
    expect(await row.getByRole('combobox', { name: `Peran ${PRODUSEN.name}` }).inputValue()).toBe('produsen');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the produsen creates and edits a private dataset, with field errors beside the fields', async () => {
    const { page, errors } = await signIn(PRODUSEN.name, PRODUSEN.password);
    await visit(page, '/ruang-kerja', 'Ruang kerja');
    expect(await page.locator('main').getByRole('link', { name: 'Instansi', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Dataset saya' }).click();
    await page.getByRole('heading', { name: 'Dataset saya', level: 1 }).waitFor();
    await page.getByText('Instansi ini belum memiliki dataset.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Buat dataset baru' }).click();
    await page.getByRole('heading', { name: 'Dataset baru', level: 1 }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Judul', { exact: true }).fill(DATASET.title);
    expect(await page.getByLabel('Nama (alamat URL)').inputValue()).toBe('penerima-bantuan-sosial-2025');
    await page.getByLabel('Nama (alamat URL)').fill(DATASET.name);
    await page.getByLabel('Deskripsi').fill('Jumlah penerima bantuan sosial per kabupaten/kota.');
    await page.getByLabel('Tag').fill('sosial, bansos');
    expect(await page.getByLabel(/^Privat/).isChecked()).toBe(true);
    await page.getByLabel('Satuan').fill('orang');
    await page.getByLabel('Frekuensi pemutakhiran').selectOption('tahunan');
    await page.getByRole('button', { name: 'Buat dataset' }).click();
    await page.waitForURL(`**/ruang-kerja/dataset/${DATASET.name}`);
    await page.getByRole('heading', { name: `Sunting dataset: ${DATASET.title}`, level: 1 }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Dataset dibuat.' }).waitFor();
    expect(await page.getByLabel('Satuan').inputValue()).toBe('orang');
    expect(
      await page.getByRole('link', { name: 'Unggah data baru ke dataset ini' }).getAttribute('href'),
    ).toBe(`/ruang-kerja/unggah?dataset=${DATASET.name}`);
    expect(await page.getByText(/belum memiliki tabel data/).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Cakupan waktu mulai').fill('kemarin');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    const dateError = page.locator('#ds-cakupan_waktu_mulai-error');
    await dateError.waitFor();
    // The server's message, in the page's language (Accept-Language).
    expect(await dateError.textContent()).toMatch(/^Cakupan waktu mulai: Tidak sesuai pola /);
    expect(await page.getByLabel('Cakupan waktu mulai').getAttribute('aria-describedby')).toContain(
      'ds-cakupan_waktu_mulai-error',
    );
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /^Periksa isian/ })
        .textContent(),
    ).toContain('Cakupan waktu mulai');

    await page.getByLabel('Cakupan waktu mulai').fill('2025');
    await page.getByLabel('Deskripsi').fill('Penerima bantuan sosial, diperbarui setiap tahun.');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    expect(await page.locator('#ds-cakupan_waktu_mulai-error').count()).toBe(0);

    // The private dataset is not visible anonymously; the edit went through package_patch.
    expect((await api(`/api/3/action/package_show?id=${DATASET.name}`)).status).toBe(404);
    await visit(page, '/ruang-kerja/dataset', 'Dataset saya');
    const row = page.getByRole('row', { name: new RegExp(DATASET.title) });
    expect(await row.textContent()).toContain('Privat');
    expect(errors).toEqual([]);
  });

  it('fits the dataset form on a 390 px wide screen', async () => {
    const { page } = await signIn(PRODUSEN.name, PRODUSEN.password, { width: 390, height: 844 });
    await visit(page, `/ruang-kerja/dataset/${DATASET.name}`, `Sunting dataset: ${DATASET.title}`);
    expect(await page.getByLabel('Deskripsi').inputValue()).toBe(
      'Penerima bantuan sosial, diperbarui setiap tahun.',
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('the produsen creates an API token that reads the private dataset, then revokes it', async () => {
    const { page, errors } = await signIn(PRODUSEN.name, PRODUSEN.password);
    await visit(page, '/ruang-kerja/token', 'Token API');
    await page.getByLabel('Nama token').fill('skrip-uji');
    await page.getByRole('button', { name: 'Buat token' }).click();
    const issued = page.getByRole('heading', { name: 'Token baru: skrip-uji', level: 2 });
    await issued.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token-issued');
    tokenValue = (await page.locator('#token-value').textContent()) ?? '';
    expect(tokenValue.length).toBeGreaterThan(20);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const path = `/api/3/action/package_show?id=${DATASET.name}`;
    const ok = await api(path, { Authorization: tokenValue });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { result: { notes: string; private: boolean } };
    expect(body.result).toMatchObject({
      private: true,
      notes: 'Penerima bantuan sosial, diperbarui setiap tahun.',
    });

    await page.getByRole('button', { name: 'Cabut skrip-uji' }).click();
    await page.getByRole('status').filter({ hasText: 'Token skrip-uji dicabut.' }).waitFor();
    await page.getByText('Belum ada token aktif.').waitFor();
    expect(await issued.count()).toBe(0);
    expect([401, 403]).toContain((await api(path, { Authorization: tokenValue })).status);
    expect(errors).toEqual([]);
  });

  it('shows the versions with what changed, preselects the upload wizard, and speaks English', async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    for (const csv of [
      'kabupaten_kota,penerima\nKabupaten Bogor,100\nKabupaten Bandung,200\n',
      'kabupaten_kota,penerima\nKabupaten Bogor,100\nKabupaten Bandung,200\nKabupaten Garut,300\n',
    ]) {
      const upload_id = await admin.upload('penerima.csv', csv);
      const made = await admin.call<{ published: boolean }>('datastore_import', {
        upload_id,
        package_id: DATASET.name,
      });
      expect(made.published).toBe(true);
    }
    const { page, errors } = await signIn(PRODUSEN.name, PRODUSEN.password);
    await visit(page, `/ruang-kerja/dataset/${DATASET.name}`, `Sunting dataset: ${DATASET.title}`);
    const versions = page.getByRole('table', { name: 'Versi data' });
    await versions
      .getByRole('row', { name: /^2 3 / })
      .getByText(/\+1 baris baru, −0 dihapus/)
      .waitFor();
    expect(await versions.getByRole('row', { name: /^1 2 / }).textContent()).toContain('Versi pertama');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Unggah data baru ke dataset ini' }).click();
    await page.getByRole('heading', { name: 'Unggah data', level: 1 }).waitFor();
    await page.getByRole('option', { name: DATASET.title }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Instansi').inputValue()).toBe('dinsos');
    expect(await page.getByLabel(/^Dataset/).inputValue()).toBe(DATASET.name);

    await page.evaluate(() => localStorage.setItem('kendali.lang', 'en'));
    await visit(page, '/ruang-kerja', 'Workspace');
    expect(await page.locator('main').getByRole('link', { name: 'My datasets' }).count()).toBe(1);
    await visit(page, '/ruang-kerja/token', 'API tokens');
    await visit(page, '/admin/instansi', 'Institutions');
    expect(await page.getByRole('alert').textContent()).toMatch(/do not have access.*system administrators/);
    expect(errors).toEqual([]);
  });
  it('a sysadmin deletes an empty institution (not one with datasets) and deactivates and reactivates a user', async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    await admin.call('organization_create', { name: 'dinas-lama', title: 'Dinas Lama' });
    const { page, errors } = await signIn('admin', ADMIN_PASSWORD);
    // Each confirmation is accepted, its question kept.
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });

    await visit(page, '/admin/instansi', 'Instansi');
    // An institution with a dataset is refused, in the server's own (Indonesian) words.
    await page.getByRole('button', { name: 'Hapus Dinas Sosial Provinsi Jawa Barat' }).click();
    const refused = page.getByRole('alert').filter({ hasText: /masih memiliki 1 dataset/ });
    await refused.waitFor();
    expect(await refused.textContent()).toContain(
      'instansi dinsos masih memiliki 1 dataset; hapus atau pindahkan dulu',
    );
    await page.getByRole('button', { name: 'Hapus Dinas Lama' }).click();
    await page.getByRole('status').filter({ hasText: 'Instansi Dinas Lama dihapus.' }).waitFor();
    await page.getByRole('row', { name: /Dinas Lama/ }).waitFor({ state: 'detached' });
    expect(asked[1]).toMatch(/^Hapus instansi Dinas Lama\?/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await visit(page, '/admin/pengguna', 'Pengguna');
    const row = page.getByRole('row', { name: new RegExp(PRODUSEN.name) });
    await row.getByRole('button', { name: `Nonaktifkan ${PRODUSEN.name}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Pengguna ${PRODUSEN.name} dinonaktifkan.` })
      .waitFor();
    await row.locator('[data-state="deleted"]').waitFor();
    expect(asked[2]).toMatch(new RegExp(`^Nonaktifkan ${PRODUSEN.name}\\?`));
    // A deactivated user signs in no more.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: PRODUSEN.name, password: PRODUSEN.password }),
    });
    expect(login.status).toBe(403);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: `Aktifkan kembali ${PRODUSEN.name}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Pengguna ${PRODUSEN.name} diaktifkan kembali.` })
      .waitFor();
    await row.locator('[data-state="active"]').waitFor();
    await signIn(PRODUSEN.name, PRODUSEN.password);
    expect(errors).toEqual([]);
  });
});
