/**
 * Who hears of what in the Satu Data cycle, on both catalog engines: each review step and an
 * overdue period notify exactly the people they concern; the overdue rows are found once,
 * resolved by a submission; each user sees and marks only their own notifications.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers, systemCtx } from '../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import type { ActionContext } from '../actions/types.js';
import { detectOverdue } from '../cycle/overdue.js';
import { addUpload } from '../ingest/uploads.js';

interface Listed {
  unread: number;
  items: { id: string; kind: string; title: string; body: string; link: string; read_at: string | null }[];
}

describe.each(CATALOG_ENGINES)('notifications of the cycle (%s)', (engine) => {
  let t: TestServices;
  const as: Record<string, ActionContext> = {};
  const call = <T>(who: string, name: string, input: Record<string, unknown> = {}) =>
    t.registry.call(name, as[who] as ActionContext, input) as Promise<T>;
  const kinds = async (who: string) =>
    (await call<Listed>(who, 'notification_list', { limit: 200 })).items.map((n) => n.kind).sort();
  let n = 0;
  const upload = async (who: string) => {
    const path = join(t.dataDir, `f${++n}.csv`);
    writeFileSync(path, `kabupaten_kota,persen\nKabupaten Bogor,"24,${n}"\n`);
    return (await addUpload(t.dataDir, path, as[who]?.actor?.id ?? null)).id;
  };

  beforeAll(async () => {
    t = await openTestServices(engine);
    const sys = systemCtx(t);
    await t.registry.call('organization_create', sys, { name: 'dinkes', title: 'Dinas Kesehatan' });
    await t.registry.call('organization_create', sys, { name: 'lain', title: 'Instansi Lain' });
    await t.registry.call('organization_create', sys, {
      name: 'bps',
      title: 'Badan Pusat Statistik',
      extras: [{ key: 'pembina', value: 'true' }],
    });
    await t.registry.call('package_create', sys, {
      name: 'stunting',
      title: 'Prevalensi Stunting',
      owner_org: 'dinkes',
    });
    await t.registry.call('package_create', sys, {
      name: 'imunisasi',
      title: 'Imunisasi',
      owner_org: 'dinkes',
    });
    Object.assign(
      as,
      await addMembers(t, 'n', [
        ['produsen', 'dinkes', 'produsen'],
        ['walidata', 'dinkes', 'walidata'],
        ['admin', 'dinkes', 'admin'],
        ['pembina', 'bps', 'walidata'],
        ['lain', 'lain', 'walidata'],
      ]),
    );
  });
  afterAll(async () => t?.cleanup());

  it('tells each review step to the people it concerns, and only to them', async () => {
    const item = await call<{ id: string }>('walidata', 'data_plan_create', {
      year: 2026,
      owner_org: 'dinkes',
      title: 'Prevalensi stunting',
      package_id: 'stunting',
      priority: true,
      frequency: 'yearly',
    });
    const s = await call<{ id: string }>('produsen', 'review_submit', {
      upload_id: await upload('produsen'),
      package_id: 'stunting',
      plan_item_id: item.id,
    });
    expect(await kinds('walidata')).toEqual(['review_submit']);
    expect(await kinds('admin')).toEqual(['review_submit']);
    expect(await kinds('produsen')).toEqual([]); // the submitter is not told of their own act
    expect(await kinds('pembina')).toEqual([]);
    expect(await kinds('lain')).toEqual([]);
    const [note] = (await call<Listed>('walidata', 'notification_list')).items;
    expect(note?.title).toBe('Pengajuan baru: “Prevalensi Stunting”');
    expect(note?.link).toBe(`/ruang-kerja/antrian?pengajuan=${s.id}`);

    await call('walidata', 'review_decide', {
      id: s.id,
      decision: 'return',
      comment: 'Kolom tahun belum ada.',
    });
    const back = await call<Listed>('produsen', 'notification_list');
    expect(back.items.map((i) => i.kind)).toEqual(['review_return']);
    expect(back.items[0]?.body).toContain('Kolom tahun belum ada.');

    await call('produsen', 'review_submit', {
      upload_id: await upload('produsen'),
      package_id: 'stunting',
      resubmit: s.id,
    });
    expect(await kinds('admin')).toEqual(['review_resubmit', 'review_submit']);
    await call('walidata', 'review_decide', { id: s.id, decision: 'approve' });
    expect(await kinds('pembina')).toEqual(['review_awaiting_pembina']);
    expect(await kinds('lain')).toEqual([]);
    await call('pembina', 'review_decide', { id: s.id, decision: 'approve' });
    expect(await kinds('produsen')).toEqual(['review_publish', 'review_return']);
    expect(await kinds('walidata')).toEqual(['review_resubmit', 'review_submit']);
    // The produsen's own submissions, in every state; none for someone who submitted nothing.
    const mine = await call<{ id: string; state: string }[]>('produsen', 'review_list', { mine: true });
    expect(mine.map((m) => [m.id, m.state])).toEqual([[s.id, 'published']]);
    expect(await call<unknown[]>('walidata', 'review_list', { mine: true })).toEqual([]);
  });

  it('finds overdue periods once, notifies, and resolves them on a submission', async () => {
    await call('walidata', 'data_plan_create', {
      year: 2025,
      owner_org: 'dinkes',
      title: 'Cakupan imunisasi',
      package_id: 'imunisasi',
      frequency: 'quarterly',
    });
    const before = { produsen: (await kinds('produsen')).length, lain: (await kinds('lain')).length };
    // 1 October 2025, 06:00 WIB: three quarters have passed; the last is not due yet.
    const now = new Date('2025-09-30T23:00:00Z');
    const first = await detectOverdue(t.services.catalog, now);
    expect(first.found).toBe(3);
    expect(first.notified).toBe(3); // produsen, walidata, admin: one notification for the item
    const again = await detectOverdue(t.services.catalog, now);
    expect(again).toEqual({ found: 0, notified: 0 });
    const open = await call<{ due_date: string; title: string; organization: string }[]>(
      'lain',
      'overdue_list',
      {
        owner_org: 'dinkes',
      },
    );
    expect(open.map((o) => o.due_date)).toEqual(['2025-09-30', '2025-06-30', '2025-03-31']);
    expect(open[0]).toMatchObject({ title: 'Cakupan imunisasi', organization: 'dinkes' });
    expect(await call<unknown[]>('lain', 'overdue_list', { owner_org: 'lain' })).toEqual([]);
    const told = (await call<Listed>('produsen', 'notification_list')).items[0];
    expect(told).toMatchObject({ kind: 'overdue', title: 'Terlambat: “Cakupan imunisasi”' });
    expect(told?.body).toContain('30 September 2025');
    expect((await kinds('produsen')).length).toBe(before.produsen + 1);
    expect((await kinds('lain')).length).toBe(before.lain);

    const sub = await call<{ id: string }>('produsen', 'review_submit', {
      upload_id: await upload('produsen'),
      package_id: 'imunisasi',
    });
    expect(await call<unknown[]>('lain', 'overdue_list', { owner_org: 'dinkes' })).toEqual([]);
    const all = await call<{ resolved_by_submission: string; resolved_at: string }[]>(
      'lain',
      'overdue_list',
      {
        owner_org: 'dinkes',
        open_only: false,
      },
    );
    expect(all).toHaveLength(3);
    expect(all.every((o) => o.resolved_by_submission === sub.id && o.resolved_at)).toBe(true);
    // The submission (made now, after the last due date) covers the periods: nothing new found,
    // and the last quarter, once past, is covered too.
    expect((await detectOverdue(t.services.catalog, new Date('2026-01-02T00:00:00Z'))).found).toBe(0);
  });

  it('shows and marks read only the caller’s own notifications', async () => {
    const mine = await call<Listed>('walidata', 'notification_list', { unread_only: true });
    expect(mine.unread).toBeGreaterThan(0);
    expect(mine.items.length).toBe(mine.unread);
    const theirs = (await call<Listed>('produsen', 'notification_list')).items[0]?.id as string;
    const nothing = await call<{ marked: number }>('walidata', 'notification_read', { ids: [theirs] });
    expect(nothing.marked).toBe(0);
    expect((await call<Listed>('produsen', 'notification_list')).items[0]?.read_at).toBeNull();
    const one = await call<{ marked: number; unread: number }>('walidata', 'notification_read', {
      ids: [mine.items[0]?.id],
    });
    expect(one).toEqual({ marked: 1, unread: mine.unread - 1 });
    await expect(call('walidata', 'notification_read', {})).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call('walidata', 'notification_read', { ids: ['x'] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await call('walidata', 'notification_read', { all: true })).toEqual({
      marked: mine.unread - 1,
      unread: 0,
    });
    const page = await call<Listed>('admin', 'notification_list', { limit: 1, offset: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.unread).toBe((await call<Listed>('admin', 'notification_list', { limit: 200 })).items.length);
  });
});
