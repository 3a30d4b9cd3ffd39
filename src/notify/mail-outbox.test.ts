/**
 * The e-mail outbox against a real SMTP server (smtp-server on loopback): a pending notification
 * arrives with its recipient and subject; with the server down it is retried later (not before
 * its backoff) and delivered once the server is up; after the last attempt it is marked failed
 * with the error; users without an address are never queued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { closeSmtp, freePort, type Received, startSmtp } from '../../test/support/smtp.js';
import { MailOutbox } from './mail-outbox.js';
import { notify } from './notify.js';

describe.each(CATALOG_ENGINES)('mail outbox (%s)', (engine) => {
  let t: TestServices;
  let withMail: string;
  let noMail: string;
  const status = (id: string) =>
    t.services.catalog.db
      .selectFrom('notification')
      .select(['email_status', 'email_attempts', 'email_error'])
      .where('user_id', '=', id)
      .orderBy('created', 'desc')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await openTestServices(engine);
    withMail = (await addUser(t, 'surel', { email: 'walidata@dinkes.example.go.id' })).id;
    noMail = (await addUser(t, 'tanpa-surel')).id;
    await t.services.catalog.db
      .updateTable('app_user')
      .set({ email: null })
      .where('id', '=', noMail)
      .execute();
  });
  afterAll(async () => t?.cleanup());

  const message = (title: string) => ({
    kind: 'review_submit',
    title,
    body: 'Mohon diperiksa.',
    link: '/ruang-kerja/antrian',
  });
  const outbox = (port: number, maxAttempts = 3) =>
    new MailOutbox(t.services.catalog, {
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Kendali <kendali@example.go.id>',
      baseUrl: 'https://data.example.go.id',
      retryMs: 60_000,
      maxAttempts,
      timeoutMs: 2_000,
    });

  it('sends a pending notification to the user’s address; users without one are skipped', async () => {
    const inbox: Received[] = [];
    const port = await freePort();
    const smtp = await startSmtp(port, inbox);
    const box = outbox(port);
    try {
      const db = t.services.catalog.db;
      expect(
        await notify(db, [withMail, noMail], message('Pengajuan baru: “Prevalensi Stunting”'), {
          mail: true,
        }),
      ).toBe(2);
      expect((await status(noMail)).email_status).toBe('none');
      expect(await box.tick()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(inbox).toEqual([
        { to: ['walidata@dinkes.example.go.id'], subject: 'Pengajuan baru: “Prevalensi Stunting”' },
      ]);
      expect(await status(withMail)).toMatchObject({
        email_status: 'sent',
        email_attempts: 1,
        email_error: null,
      });
      expect(await box.tick()).toEqual({ sent: 0, retried: 0, failed: 0 });
    } finally {
      await box.stop();
      await closeSmtp(smtp);
    }
  });

  it('retries while the SMTP server is down and delivers once it is up', async () => {
    const inbox: Received[] = [];
    const port = await freePort();
    const box = outbox(port);
    try {
      await notify(t.services.catalog.db, [withMail], message('Data diterbitkan'), { mail: true });
      const now = new Date();
      expect(await box.tick(now)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const down = await status(withMail);
      expect(down).toMatchObject({ email_status: 'pending', email_attempts: 1 });
      expect(down.email_error).toMatch(/ECONNREFUSED|connect/i);
      // Not before its backoff.
      expect(await box.tick(new Date(now.getTime() + 30_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
      const smtp = await startSmtp(port, inbox);
      try {
        expect(await box.tick(new Date(now.getTime() + 61_000))).toEqual({ sent: 1, retried: 0, failed: 0 });
      } finally {
        await closeSmtp(smtp);
      }
      expect(inbox.map((m) => m.subject)).toEqual(['Data diterbitkan']);
      expect(await status(withMail)).toMatchObject({
        email_status: 'sent',
        email_attempts: 2,
        email_error: null,
      });
    } finally {
      await box.stop();
    }
  });

  it('marks a mail failed, with the error, after the last attempt', async () => {
    const box = outbox(await freePort(), 2);
    try {
      await notify(t.services.catalog.db, [withMail], message('Terlambat'), { mail: true });
      const now = Date.now();
      expect(await box.tick(new Date(now))).toMatchObject({ retried: 1 });
      expect(await box.tick(new Date(now + 61_000))).toMatchObject({ failed: 1 });
      const failed = await status(withMail);
      expect(failed).toMatchObject({ email_status: 'failed', email_attempts: 2 });
      expect(failed.email_error).toBeTruthy();
      expect(await box.tick(new Date(now + 3600_000))).toEqual({ sent: 0, retried: 0, failed: 0 });
    } finally {
      await box.stop();
    }
  });
});
