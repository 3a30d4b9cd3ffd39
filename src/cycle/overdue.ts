/**
 * Overdue periods of the Daftar Data. The rule: a due date D of a plan item is overdue when D
 * has passed (the day after D has begun in Asia/Jakarta) and no submission for the item — made
 * for the item itself, or for its dataset — was created after the previous due date of the item
 * (for the first due date: ever). A late submission therefore covers the period it is late for;
 * `review_submit` resolves the item's open rows (`resolveOverdue`). Each overdue period is one
 * `cycle_overdue` row (unique per item and date, so detection is idempotent); the produsen,
 * walidata and admins of the institution are notified once, when it is first found.
 * `OverdueScheduler` runs the detection at server start and daily at 00:05 WIB.
 */
import { Cron } from 'croner';
import { type Kysely, sql } from 'kysely';
import type { CatalogSchema } from '../catalog/schema.js';
import type { CatalogStore } from '../catalog/store.js';
import { type Background, TIMEZONE } from '../jobs/schedule.js';
import { QUEUE_PATH } from '../notify/cycle-events.js';
import { membersOf, notify } from '../notify/notify.js';

const JAKARTA_OFFSET_MS = 7 * 3600_000;
/** The calendar date in Asia/Jakarta (UTC+7, no daylight saving). */
export const jakartaDate = (t: Date): string =>
  new Date(t.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);

const longDate = (d: string): string =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString('id-ID', { dateStyle: 'long', timeZone: 'UTC' });

/** The `date` column as written (drivers would turn it into a Date at some midnight). */
const dueText = sql<string>`due_date::text`.as('due_date');

/**
 * The due dates (sorted `YYYY-MM-DD`) missed by `today` (a Jakarta date): passed, with no
 * submission day (Jakarta dates) after the previous due date — for the first one, none ever.
 * The one rule behind `detectOverdue` and `data_plan_list`'s `overdue`.
 */
export function missedDueDates(dates: readonly string[], made: readonly string[], today: string): string[] {
  return dates.filter((d, i) => d < today && !made.some((t) => i === 0 || t > (dates[i - 1] as string)));
}

/** Whether a submission (of a plan item or a dataset) counts for this plan item. */
export const coversItem = (
  item: { id: string; dataset_id: string | null },
  s: { plan_item_id: string | null; dataset_id: string },
): boolean => s.plan_item_id === item.id || (item.dataset_id !== null && s.dataset_id === item.dataset_id);

export interface DetectResult {
  /** Overdue rows inserted by this run. */
  readonly found: number;
  readonly notified: number;
}

export async function detectOverdue(
  catalog: CatalogStore,
  now = new Date(),
  opts: { mail?: boolean } = {},
): Promise<DetectResult> {
  const db = catalog.db;
  const today = jakartaDate(now);
  const items = await db
    .selectFrom('data_plan_item as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .select([
      'p.id',
      'p.year',
      'p.title',
      'p.organization_id',
      'p.dataset_id',
      'p.due_dates',
      'o.title as org',
    ])
    .execute();
  if (!items.length) return { found: 0, notified: 0 };
  const subs = await db.selectFrom('submission').select(['plan_item_id', 'dataset_id', 'created']).execute();
  const known = new Set(
    (await db.selectFrom('cycle_overdue').select(['plan_item_id', dueText]).execute()).map(
      (r) => `${r.plan_item_id}/${r.due_date}`,
    ),
  );
  let found = 0;
  let notified = 0;
  for (const item of items) {
    const dates = [...item.due_dates].sort();
    const made = subs.filter((s) => coversItem(item, s)).map((s) => jakartaDate(s.created));
    const missed = missedDueDates(dates, made, today).filter((d) => !known.has(`${item.id}/${d}`));
    if (!missed.length) continue;
    const inserted = await db
      .insertInto('cycle_overdue')
      .values(
        missed.map((due_date) => ({
          plan_item_id: item.id,
          organization_id: item.organization_id,
          due_date,
        })),
      )
      .onConflict((oc) => oc.columns(['plan_item_id', 'due_date']).doNothing())
      .returning(dueText)
      .execute();
    if (!inserted.length) continue;
    found += inserted.length;
    const when = inserted.map((r) => longDate(r.due_date)).join(', ');
    notified += await notify(
      db,
      await membersOf(db, [item.organization_id], ['produsen', 'walidata', 'admin']),
      {
        kind: 'overdue',
        title: `Terlambat: “${item.title}”`,
        body: `Batas waktu ${when} untuk “${item.title}” (Daftar Data ${item.year}, ${item.org}) sudah lewat tanpa pengajuan data.`,
        link: QUEUE_PATH,
        data: { plan_item_id: item.id, due_dates: inserted.map((r) => r.due_date) },
      },
      { mail: opts.mail ?? false },
    );
  }
  return { found, notified };
}

/** Resolves the open overdue periods of the plan item and of the items planning this dataset. */
export async function resolveOverdue(
  db: Kysely<CatalogSchema>,
  by: { submissionId: string; datasetId: string; planItemId: string | null },
  now = new Date(),
): Promise<number> {
  const rows = await db
    .updateTable('cycle_overdue')
    .set({ resolved_at: now, resolved_by_submission: by.submissionId })
    .where('resolved_at', 'is', null)
    .where('plan_item_id', 'in', (eb) =>
      eb
        .selectFrom('data_plan_item')
        .select('id')
        .where((w) =>
          w.or([w('dataset_id', '=', by.datasetId), ...(by.planItemId ? [w('id', '=', by.planItemId)] : [])]),
        ),
    )
    .returning('id')
    .execute();
  return rows.length;
}

/** Runs `detectOverdue` now and every day at 00:05 in Asia/Jakarta. */
export class OverdueScheduler implements Background {
  #cron: Cron | undefined;
  #running: Promise<unknown> | undefined;

  constructor(
    private readonly catalog: CatalogStore,
    private readonly opts: { mail: boolean },
  ) {}

  start(): void {
    const run = () => {
      this.#running = detectOverdue(this.catalog, new Date(), this.opts).catch((e) =>
        process.emitWarning(`overdue detection: ${(e as Error).message}`),
      );
    };
    run();
    this.#cron = new Cron('5 0 * * *', { timezone: TIMEZONE, unref: true, protect: true }, run);
  }

  /** Stops the schedule and waits for a run in progress. */
  async stop(): Promise<void> {
    this.#cron?.stop();
    await this.#running;
  }
}
