/**
 * The e-mail outbox: notifications with `email_status = 'pending'` are sent by this loop, not by
 * the action that made them, so a slow or unreachable SMTP server never slows or fails a call,
 * and a restart loses nothing (the rows wait in the catalog). A batch is claimed by moving its
 * `email_next_at` past a lease (`FOR UPDATE SKIP LOCKED`, so two processes never take the same
 * row); a failed send is retried with exponential backoff and marked `failed`, with the error,
 * after `maxAttempts`. Delivery is at least once: a process dying mid-send may send again.
 */

import { sql } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { CatalogStore } from '../catalog/store.js';
import type { Background } from '../jobs/schedule.js';

export interface OutboxOptions {
  readonly smtpUrl: string;
  readonly from: string;
  /** Prefix of the notifications' links in the mail (the site's public URL). */
  readonly baseUrl: string;
  readonly maxAttempts?: number;
  /** Delay before the first retry; doubled after each failure (capped at 6 h). */
  readonly retryMs?: number;
  readonly intervalMs?: number;
  readonly batch?: number;
  /** Connection, greeting and socket timeout of one send. */
  readonly timeoutMs?: number;
}

const LEASE_MS = 5 * 60_000;
const MAX_DELAY_MS = 6 * 3600_000;

export interface TickResult {
  sent: number;
  retried: number;
  failed: number;
}

export class MailOutbox implements Background {
  readonly #transport: Transporter;
  readonly #opts: Required<OutboxOptions>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;

  constructor(
    private readonly catalog: CatalogStore,
    opts: OutboxOptions,
  ) {
    this.#opts = {
      maxAttempts: 8,
      retryMs: 60_000,
      intervalMs: 10_000,
      batch: 20,
      timeoutMs: 15_000,
      ...opts,
    };
    const t = this.#opts.timeoutMs;
    this.#transport = nodemailer.createTransport({
      url: this.#opts.smtpUrl,
      connectionTimeout: t,
      greetingTimeout: t,
      socketTimeout: t,
    } as Parameters<typeof nodemailer.createTransport>[0]);
  }

  start(): void {
    this.#stopped = false;
    const loop = () => {
      this.#running = this.tick()
        .catch((e) => process.emitWarning(`mail outbox: ${(e as Error).message}`))
        .finally(() => {
          if (this.#stopped) return;
          this.#timer = setTimeout(loop, this.#opts.intervalMs);
          this.#timer.unref();
        });
    };
    loop();
  }

  /** Stops the loop after the batch in progress; closes the SMTP connections. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
    this.#transport.close();
  }

  /** Sends the due mails once; `now` decides which are due (tests move it forward). */
  async tick(now = new Date()): Promise<TickResult> {
    const db = this.catalog.db;
    const lease = new Date(now.getTime() + LEASE_MS);
    const claimed = await sql<{
      id: string;
      title: string;
      body: string;
      link: string;
      email_attempts: number;
      email: string | null;
    }>`
      UPDATE notification n SET email_next_at = ${lease}
      FROM app_user u
      WHERE u.id = n.user_id AND n.id IN (
        SELECT id FROM notification
        WHERE email_status = 'pending' AND email_next_at <= ${now}
        ORDER BY email_next_at LIMIT ${this.#opts.batch}
        FOR UPDATE SKIP LOCKED)
      RETURNING n.id, n.title, n.body, n.link, n.email_attempts, u.email`.execute(db);
    const result: TickResult = { sent: 0, retried: 0, failed: 0 };
    for (const n of claimed.rows) {
      if (!n.email) {
        await db
          .updateTable('notification')
          .set({ email_status: 'none', email_next_at: null })
          .where('id', '=', n.id)
          .execute();
        continue;
      }
      try {
        await this.#transport.sendMail({
          from: this.#opts.from,
          to: n.email,
          subject: n.title,
          text: `${n.body}\n\n${this.#opts.baseUrl}${n.link}\n\n— Kendali (Satu Data)`,
        });
        await db
          .updateTable('notification')
          .set({
            email_status: 'sent',
            email_attempts: n.email_attempts + 1,
            email_error: null,
            email_next_at: null,
          })
          .where('id', '=', n.id)
          .execute();
        result.sent++;
      } catch (e) {
        const attempts = n.email_attempts + 1;
        const gaveUp = attempts >= this.#opts.maxAttempts;
        const delay = Math.min(this.#opts.retryMs * 2 ** (attempts - 1), MAX_DELAY_MS);
        await db
          .updateTable('notification')
          .set({
            email_status: gaveUp ? 'failed' : 'pending',
            email_attempts: attempts,
            email_error: String((e as Error).message).slice(0, 1000),
            email_next_at: gaveUp ? null : new Date(now.getTime() + delay),
          })
          .where('id', '=', n.id)
          .execute();
        if (gaveUp) result.failed++;
        else result.retried++;
      }
    }
    return result;
  }
}
