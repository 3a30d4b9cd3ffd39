/**
 * The work queue and the notification bell: a walidata with a submission awaiting them signs in
 * at /masuk, sees it in /ruang-kerja/antrian and the unread count on the bell, and marks the
 * notification read with the keyboard. Its own server (no demo, a known admin password); the
 * setup goes through the HTTP API as the admin; its notification e-mail reaches a loopback SMTP server.
 */
import type { Browser } from 'playwright-core';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSmtp, freePort, type Received, startSmtp } from '../support/smtp.js';
import { openPage, seriousAxeViolations } from './pages.js';
import { type KendaliServer, launchBrowser, startKendali } from './support.js';

const ADMIN_PASSWORD = 'sandi-admin-uji-123';
const WALIDATA = { name: 'wali-dinkes', password: 'sandi-walidata-rahasia' };
let server: KendaliServer;
let browser: Browser;
let smtp: SMTPServer;
const inbox: Received[] = [];

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(name: string, password: string): Promise<Session> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = (await res.json()) as { result: { csrf_token: string } };
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { cookie, csrf: body.result.csrf_token };
}

async function call<T>(s: Session, name: string, input: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${server.url}/api/3/action/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { success: boolean; result: T };
  expect(body.success, `${name}: ${JSON.stringify(body)}`).toBe(true);
  return body.result;
}

beforeAll(async () => {
  const smtpPort = await freePort();
  smtp = await startSmtp(smtpPort, inbox);
  server = await startKendali({
    env: {
      KENDALI_DEMO: '0',
      KENDALI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      KENDALI_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    },
  });
  browser = await launchBrowser();
  const admin = await signIn('admin', ADMIN_PASSWORD);
  await call(admin, 'organization_create', { name: 'dinkes', title: 'Dinas Kesehatan' });
  await call(admin, 'package_create', {
    name: 'stunting',
    title: 'Prevalensi Stunting',
    owner_org: 'dinkes',
  });
  await call(admin, 'user_create', { ...WALIDATA, email: 'wali@dinkes.example.go.id' });
  await call(admin, 'member_create', {
    id: 'dinkes',
    object: WALIDATA.name,
    object_type: 'user',
    capacity: 'walidata',
  });
  const form = new FormData();
  form.append('file', new Blob(['kabupaten_kota,persen\nKabupaten Bogor,"24,9"\n']), 'stunting.csv');
  const up = await fetch(`${server.url}/api/uploads`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    body: form,
  });
  expect(up.status).toBe(200);
  const { upload_id } = ((await up.json()) as { result: { upload_id: string } }).result;
  await call(admin, 'review_submit', { upload_id, package_id: 'stunting' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (smtp) await closeSmtp(smtp);
});

describe('work queue and notifications', () => {
  it('signs in a walidata, shows the awaiting submission and the unread bell, and marks it read', async () => {
    const { page, context, errors } = await openPage(browser, server.url, '/masuk');
    expect(await page.locator('h1').textContent()).toBe('Masuk');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Nama pengguna atau surel').fill(WALIDATA.name);
    await page.getByLabel('Kata sandi').fill('salah-sandi');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/^Gagal masuk: /);
    await page.getByLabel('Kata sandi').fill(WALIDATA.password);
    await page.getByLabel('Kata sandi').press('Enter');
    await page.waitForURL('**/ruang-kerja/antrian');
    await page.getByRole('heading', { name: 'Antrean kerja', level: 1 }).waitFor();

    const awaiting = page.getByRole('region', { name: 'Menunggu keputusan Anda' });
    const row = awaiting.getByRole('row', { name: /stunting/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Diajukan');
    expect(await row.textContent()).toContain('stunting.csv');

    const bell = page.getByRole('button', { name: 'Notifikasi, 1 belum dibaca' });
    await bell.waitFor();
    expect(await page.locator('.bell-count').textContent()).toBe('1');
    await bell.focus();
    await page.keyboard.press('Enter');
    expect(await bell.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'Notifikasi' });
    expect(await panel.getByRole('link').first().textContent()).toContain(
      'Pengajuan baru: “Prevalensi Stunting”',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    const mark = panel.getByRole('button', { name: 'Tandai dibaca' });
    await mark.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Notifikasi', exact: true }).waitFor();
    expect(await page.locator('.bell-count').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('bell-button');
    await page.keyboard.press('Escape');
    expect(
      await page.getByRole('button', { name: 'Notifikasi', exact: true }).getAttribute('aria-expanded'),
    ).toBe('false');

    const wali = await signIn(WALIDATA.name, WALIDATA.password);
    expect((await call<{ unread: number }>(wali, 'notification_list', {})).unread).toBe(0);
    // Only the refused sign-in may have logged a failed request.
    expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
    await context.close();
  });

  it('e-mails the notification through the configured SMTP server', async () => {
    const deadline = Date.now() + 30_000;
    while (!inbox.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(inbox).toEqual([
      { to: ['wali@dinkes.example.go.id'], subject: 'Pengajuan baru: “Prevalensi Stunting”' },
    ]);
  });
});
