/**
 * Notifications of the Satu Data cycle: who hears of what, and the rows that say it. Each
 * recipient gets one `notification` row (shown by the header's bell through `notification_list`);
 * when SMTP is configured and the user has an e-mail address, the row is also queued for the
 * mail outbox (`email_status = 'pending'`), which sends it later — never inside the action.
 * Texts are in Bahasa Indonesia, the language of the cycle's users.
 */
import type { Kysely } from 'kysely';
import { jsonb } from '../catalog/json.js';
import type { CatalogSchema } from '../catalog/schema.js';

type Db = Kysely<CatalogSchema>;

export interface Message {
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly link: string;
  readonly data?: Record<string, unknown>;
}

/** Active users holding one of `roles` in any of the institutions. */
export async function membersOf(
  db: Db,
  orgIds: readonly string[],
  roles: readonly string[],
): Promise<string[]> {
  if (!orgIds.length) return [];
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.organization_id', 'in', [...orgIds])
    .where('m.role', 'in', [...roles])
    .where('u.state', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/** Institutions marked `pembina: true` in their extras. */
export async function pembinaOrgIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('organization').select(['id', 'extras']).execute();
  return rows.filter((o) => o.extras.pembina === 'true').map((o) => o.id);
}

/**
 * One notification per distinct recipient, except `skip` (whoever caused it). `mail` queues
 * the e-mail for users with an address. Returns how many rows were written.
 */
export async function notify(
  db: Db,
  recipients: readonly (string | null | undefined)[],
  message: Message,
  opts: { mail: boolean; skip?: string | null },
): Promise<number> {
  const ids = [...new Set(recipients.filter((r): r is string => !!r && r !== opts.skip))];
  if (!ids.length) return 0;
  const withEmail = opts.mail
    ? new Set(
        (
          await db
            .selectFrom('app_user')
            .select('id')
            .where('id', 'in', ids)
            .where('email', 'is not', null)
            .where('email', '<>', '')
            .execute()
        ).map((u) => u.id),
      )
    : new Set<string>();
  const now = new Date();
  await db
    .insertInto('notification')
    .values(
      ids.map((user_id) => ({
        user_id,
        kind: message.kind,
        title: message.title,
        body: message.body,
        link: message.link,
        data: jsonb(message.data ?? {}),
        email_status: withEmail.has(user_id) ? ('pending' as const) : ('none' as const),
        email_next_at: withEmail.has(user_id) ? now : null,
      })),
    )
    .execute();
  return ids.length;
}
