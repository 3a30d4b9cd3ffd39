/**
 * Who is told of each step of the review (src/actions/cycle/): submitted or resubmitted → the
 * walidata and admins of the dataset's institution; returned (with the comment) → the submitter;
 * approved priority data → the walidata and admins of the pembina institutions; published → the
 * submitter. Best effort: a failure here is reported as a warning and never fails the action.
 */
import type { ActionContext } from '../actions/types.js';
import { membersOf, notify, pembinaOrgIds } from './notify.js';

export type ReviewEvent = 'submit' | 'resubmit' | 'return' | 'awaiting_pembina' | 'publish';

export const QUEUE_PATH = '/ruang-kerja/antrian';
const MANAGERS = ['walidata', 'admin'];

export async function notifyReview(
  ctx: ActionContext,
  submissionId: string,
  event: ReviewEvent,
  comment = '',
): Promise<void> {
  try {
    const db = ctx.services.catalog.db;
    const s = await db
      .selectFrom('submission as s')
      .innerJoin('dataset as d', 'd.id', 's.dataset_id')
      .innerJoin('organization as o', 'o.id', 'd.organization_id')
      .select([
        's.id',
        's.submitted_by',
        's.filename',
        's.published_version',
        'd.name as dataset',
        'd.title as dataset_title',
        'd.organization_id',
        'o.title as organization',
      ])
      .where('s.id', '=', submissionId)
      .executeTakeFirstOrThrow();
    const what = `“${s.dataset_title || s.dataset}”`;
    const by = ctx.actor?.name ?? 'sistem';
    const managers = (orgs: string[]) => membersOf(db, orgs, MANAGERS);
    const [to, kind, title, body, extra]: [
      (string | null)[],
      string,
      string,
      string,
      Record<string, unknown>,
    ] =
      event === 'submit' || event === 'resubmit'
        ? [
            await managers([s.organization_id]),
            `review_${event}`,
            `${event === 'submit' ? 'Pengajuan baru' : 'Pengajuan ulang'}: ${what}`,
            `${by} mengajukan ${s.filename} untuk ${what} (${s.organization}). Mohon diperiksa dan diputuskan.`,
            {},
          ]
        : event === 'return'
          ? [
              [s.submitted_by],
              'review_return',
              `Pengajuan dikembalikan: ${what}`,
              `${by} mengembalikan ${s.filename}. Catatan: ${comment}`,
              { comment },
            ]
          : event === 'awaiting_pembina'
            ? [
                await managers(await pembinaOrgIds(db)),
                'review_awaiting_pembina',
                `Data prioritas menunggu pembina data: ${what}`,
                `Walidata ${s.organization} menyetujui ${s.filename}. Data prioritas ini menunggu keputusan pembina data.`,
                {},
              ]
            : [
                [s.submitted_by],
                'review_publish',
                `Data diterbitkan: ${what}`,
                `${s.filename} disetujui dan diterbitkan sebagai versi ${s.published_version}.`,
                { version: s.published_version },
              ];
    await notify(
      db,
      to,
      {
        kind,
        title,
        body,
        link: event === 'publish' ? `/dataset/${s.dataset}` : `${QUEUE_PATH}?pengajuan=${s.id}`,
        data: { submission_id: s.id, dataset: s.dataset, ...extra },
      },
      { mail: !!ctx.services.config.smtpUrl, skip: ctx.actor?.id ?? null },
    );
  } catch (e) {
    process.emitWarning(
      `notification of ${event} on submission ${submissionId} failed: ${(e as Error).message}`,
    );
  }
}
