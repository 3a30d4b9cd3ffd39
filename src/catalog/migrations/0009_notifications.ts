import { type Kysely, sql } from 'kysely';

/**
 * Notifications of the Satu Data cycle (in the app, and by e-mail through an outbox: rows with
 * `email_status = 'pending'` are sent by `src/notify/mail-outbox.ts`, retried with backoff until
 * `email_next_at`), and the overdue periods of the Daftar Data found by `detectOverdue`
 * (`cycle_overdue`, also read by the control room's alerts: keep its columns).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      link text NOT NULL DEFAULT '',
      data jsonb NOT NULL DEFAULT '{}',
      created timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      email_status text NOT NULL DEFAULT 'none' CHECK (email_status IN ('none', 'pending', 'sent', 'failed')),
      email_attempts integer NOT NULL DEFAULT 0,
      email_error text,
      email_next_at timestamptz
    );
    CREATE INDEX notification_user ON notification(user_id, created DESC);
    CREATE INDEX notification_unread ON notification(user_id) WHERE read_at IS NULL;
    CREATE INDEX notification_outbox ON notification(email_next_at) WHERE email_status = 'pending';
    CREATE TABLE cycle_overdue (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_item_id uuid NOT NULL REFERENCES data_plan_item(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organization(id),
      due_date date NOT NULL,
      detected_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz NULL,
      resolved_by_submission uuid NULL,
      UNIQUE (plan_item_id, due_date)
    );
    CREATE INDEX cycle_overdue_open ON cycle_overdue(organization_id) WHERE resolved_at IS NULL;
  `.execute(db);
}
