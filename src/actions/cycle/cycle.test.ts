/**
 * The full Satu Data cycle: plan → submit → return with a comment → resubmit → walidata
 * approves → pembina approves → published; the staged versions stay unseen until then, the
 * history and the audit trail name who did what, and a missed due date shows as overdue.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, systemCtx } from '../../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { addUpload } from '../../ingest/uploads.js';
import type { ActionContext } from '../types.js';
import { dueDates } from './index.js';

let t: TestServices;
const as: Record<string, ActionContext> = {};
async function upload(name: string, text: string, owner: string): Promise<string> {
  const path = join(t.dataDir, name);
  writeFileSync(path, text);
  return (await addUpload(t.dataDir, path, owner)).id;
}
const call = <T>(who: string, name: string, input: Record<string, unknown>) =>
  t.registry.call(name, as[who] as ActionContext, input) as Promise<T>;

beforeAll(async () => {
  t = await openTestServices('pglite', { regions: true });
  const sys = systemCtx(t);
  await t.registry.call('organization_create', sys, {
    name: 'dinkes-jabar',
    title: 'Dinas Kesehatan Jawa Barat',
  });
  await t.registry.call('organization_create', sys, {
    name: 'bps',
    title: 'Badan Pusat Statistik',
    extras: [{ key: 'pembina', value: 'true' }],
  });
  await t.registry.call('package_create', sys, {
    name: 'stunting',
    title: 'Prevalensi Stunting',
    owner_org: 'dinkes-jabar',
  });
  Object.assign(
    as,
    await addMembers(t, 'u', [
      ['produsen', 'dinkes-jabar', 'produsen'],
      ['walidata', 'dinkes-jabar', 'walidata'],
      ['pembina', 'bps', 'walidata'],
    ]),
  );
});
afterAll(async () => t.cleanup());

describe('the Satu Data cycle', () => {
  it('plan → submit → return → resubmit → walidata → pembina → published, with the trail', async () => {
    const item = await call<{ id: string; due_dates: string[]; priority: boolean }>(
      'walidata',
      'data_plan_create',
      {
        year: 2026,
        owner_org: 'dinkes-jabar',
        title: 'Prevalensi stunting per kabupaten/kota',
        package_id: 'stunting',
        produsen: 'Bidang Kesehatan Masyarakat',
        standard_ref: 'SDI Kesehatan 2023: prevalensi stunting',
        priority: true,
        frequency: 'quarterly',
      },
    );
    expect(item.due_dates).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    await expect(
      call('produsen', 'data_plan_create', {
        year: 2026,
        owner_org: 'dinkes-jabar',
        title: 'Tidak boleh',
        frequency: 'yearly',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const produsen = t.services.catalog.db;
    const uid = (who: string) => (as[who]?.actor?.id ?? '') as string;
    const bad =
      'kabupaten_kota,persen\nKabupaten Bogor,"24,9"\nKota Bandung,"26,2"\nKabupaten Garut,"35,2"\n';
    const first = await call<{ id: string; state: string }>('produsen', 'review_submit', {
      upload_id: await upload('v1.csv', bad, uid('produsen')),
      package_id: 'stunting',
      plan_item_id: item.id,
    });
    expect(first.state).toBe('submitted');
    // Staged: no reader sees it.
    const unseen = await produsen.selectFrom('dataset_version').select('version').execute();
    expect(unseen).toEqual([]);
    expect((await call<{ id: string }[]>('walidata', 'review_list', {})).map((s) => s.id)).toEqual([
      first.id,
    ]);
    expect(await call<unknown[]>('pembina', 'review_list', {})).toEqual([]);

    await expect(
      call('walidata', 'review_decide', { id: first.id, decision: 'return' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      call('produsen', 'review_decide', { id: first.id, decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const returned = await call<{ state: string }>('walidata', 'review_decide', {
      id: first.id,
      decision: 'return',
      comment: 'Angka Kota Bandung belum angka tetap; kirim ulang.',
    });
    expect(returned.state).toBe('returned');
    expect((await call<{ id: string }[]>('produsen', 'review_list', {})).map((s) => s.id)).toEqual([
      first.id,
    ]);

    const fixed = bad.replace('26,2', '25,8');
    const again = await call<{ id: string; state: string; staged_version: number }>(
      'produsen',
      'review_submit',
      {
        upload_id: await upload('v2.csv', fixed, uid('produsen')),
        package_id: 'stunting',
        resubmit: first.id,
      },
    );
    expect(again).toMatchObject({ id: first.id, state: 'submitted' });
    const approved = await call<{ state: string }>('walidata', 'review_decide', {
      id: first.id,
      decision: 'approve',
      comment: 'Sesuai standar data.',
    });
    expect(approved.state).toBe('awaiting_pembina');
    await expect(
      call('walidata', 'review_decide', { id: first.id, decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await call<{ id: string }[]>('pembina', 'review_list', {})).map((s) => s.id)).toEqual([first.id]);
    const shown = await call<{ report: { rows: number }; diff: unknown; events: unknown[] }>(
      'pembina',
      'review_show',
      { id: first.id },
    );
    expect(shown.report.rows).toBe(3);
    // Nothing is filled in before the version publishes.
    expect(
      await call<Record<string, unknown>>('produsen', 'package_show', { id: 'stunting' }),
    ).not.toHaveProperty('cakupan_wilayah');

    const done = await call<{
      state: string;
      published_version: number;
      resource_id: string;
      events: { actor: string; action: string; comment: string }[];
    }>('pembina', 'review_decide', { id: first.id, decision: 'approve' });
    expect(done.state).toBe('published');
    expect(done.events.map((e) => [e.actor, e.action])).toEqual([
      ['u-produsen', 'submit'],
      ['u-walidata', 'return:walidata'],
      ['u-produsen', 'resubmit'],
      ['u-walidata', 'approve:walidata'],
      ['u-pembina', 'approve:pembina'],
      ['u-pembina', 'publish'],
    ]);
    expect(done.events[1]?.comment).toContain('belum angka tetap');
    // Published: the resubmitted file, readable like any table.
    const found = await call<{ records: { kabupaten_kota: string; persen: number }[] }>(
      'produsen',
      'datastore_search',
      {
        resource_id: done.resource_id,
        filters: { kabupaten_kota: 'Kota Bandung' },
      },
    );
    expect(found.records[0]?.persen).toBe(25.8);
    // Publishing filled the coverage the dataset did not give, from the approved file's regions.
    expect(await call<Record<string, unknown>>('produsen', 'package_show', { id: 'stunting' })).toMatchObject(
      { cakupan_wilayah_tingkat: 'kabupaten-kota', cakupan_wilayah: ['32'] },
    );
    const trail = await t.services.catalog.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', 'in', [
        'review_submit',
        'review_return',
        'review_approve',
        'review_publish',
        'data_plan_create',
      ])
      .orderBy('at')
      .execute();
    expect(trail.map((a) => a.action)).toEqual([
      'data_plan_create',
      'review_submit',
      'review_return',
      'review_submit',
      'review_approve',
      'review_publish',
      'review_approve',
    ]);
    await expect(
      call('walidata', 'review_decide', { id: first.id, decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('shows a missed due date as overdue until a submission covers its period', async () => {
    await call('walidata', 'data_plan_create', {
      year: 2025,
      owner_org: 'dinkes-jabar',
      title: 'Cakupan imunisasi',
      frequency: 'yearly',
    });
    const [item] = await call<{ title: string; overdue: string[]; next_due: string | null }[]>(
      'produsen',
      'data_plan_list',
      { year: 2025 },
    );
    expect(item).toMatchObject({ title: 'Cakupan imunisasi', overdue: ['2025-12-31'], next_due: null });
    expect(dueDates(2024, 'monthly')).toContain('2024-02-29');
  });
});
