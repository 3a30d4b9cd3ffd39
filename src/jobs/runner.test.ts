/**
 * Durable jobs on a real catalog: one active job per target, progress events, retries with
 * backoff, cancellation, and recovery of what a dead process left running.
 */
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import type { JobEvent } from './runner.js';

let t: TestServices;
beforeEach(async () => {
  t = await openTestServices('pglite');
});
afterEach(async () => {
  await t.cleanup();
});

describe('jobs', () => {
  it('queue one job per target, run it with progress, and store its result', async () => {
    const jobs = t.services.jobs;
    jobs.register('hitung', {
      resumable: true,
      run: async (ctx) => {
        for (let i = 1; i <= 3; i++) ctx.progress(i, 3, `langkah ${i}`);
        return { total: 3, target: ctx.job.target };
      },
    });
    const a = await jobs.enqueue({ kind: 'hitung', target: 'x' });
    const again = await jobs.enqueue({ kind: 'hitung', target: 'x' });
    const other = await jobs.enqueue({ kind: 'hitung', target: 'y' });
    expect(a.existing).toBe(false);
    expect(again).toMatchObject({ existing: true, job: { id: a.job.id } });
    expect(other.job.id).not.toBe(a.job.id);
    const events: JobEvent[] = [];
    await jobs.start();
    const done = await jobs.wait(a.job.id, (e) => events.push(e));
    expect(done).toMatchObject({ state: 'succeeded', attempts: 1, result: { total: 3, target: 'x' } });
    expect(done.progress).toEqual({ done: 3, total: 3, note: 'langkah 3' });
    expect(events.map((e) => e.state)).toContain('succeeded');
    expect((await jobs.wait(other.job.id)).state).toBe('succeeded');
    // Ended: the target may be queued again.
    expect((await jobs.enqueue({ kind: 'hitung', target: 'x' })).existing).toBe(false);
  });

  it('retry a failed attempt after a backoff, then give up after max_attempts with the reason', async () => {
    const jobs = t.services.jobs;
    let calls = 0;
    jobs.register('rapuh', {
      resumable: false,
      run: async (ctx) => {
        calls++;
        if (ctx.job.target === 'sekali' && calls === 1) throw new Error('server sumber sibuk');
        if (ctx.job.target === 'selalu') throw new Error('selalu gagal');
        return 'ok';
      },
    });
    await jobs.start();
    const { job } = await jobs.enqueue({ kind: 'rapuh', target: 'sekali' });
    // After the first failure it waits (backoff 2 s): bring the retry forward.
    for (let i = 0; i < 100; i++) {
      const j = await jobs.store.get(job.id);
      if (j.state === 'queued' && j.attempts === 1) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const waiting = await jobs.store.get(job.id);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, error: 'server sumber sibuk' });
    await t.services.catalog.db
      .updateTable('job')
      .set({ run_after: new Date() })
      .where('id', '=', job.id)
      .execute();
    expect(await jobs.wait(job.id)).toMatchObject({ state: 'succeeded', attempts: 2 });

    const bad = await jobs.enqueue({ kind: 'rapuh', target: 'selalu', maxAttempts: 1 });
    expect(await jobs.wait(bad.job.id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: 'selalu gagal',
    });
  });

  it('cancel a queued job at once and a running one at its next step', async () => {
    const jobs = t.services.jobs;
    jobs.register('lama', {
      resumable: true,
      run: (ctx) =>
        new Promise((_, reject) => {
          ctx.progress(1, 10, 'mulai');
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
        }),
    });
    const queued = await jobs.enqueue({ kind: 'lama', target: 'antre' });
    expect((await jobs.cancel(queued.job.id)).state).toBe('cancelled');
    await jobs.start();
    const running = await jobs.enqueue({ kind: 'lama', target: 'jalan' });
    for (let i = 0; i < 100 && (await jobs.store.get(running.job.id)).state !== 'running'; i++)
      await new Promise((r) => setTimeout(r, 50));
    await jobs.cancel(running.job.id);
    expect(await jobs.wait(running.job.id)).toMatchObject({ state: 'cancelled', error: 'dibatalkan' });
  });

  it('after a crash: a resumable job left running is queued again, another is marked failed — never left running', async () => {
    const jobs = t.services.jobs;
    jobs.register('ulang', { resumable: true, run: async () => 'selesai lagi' });
    jobs.register('sekali', { resumable: false, run: async () => 'tidak dipanggil' });
    const db = t.services.catalog.db;
    const dead = `${hostname()}:999999:1`;
    const insert = (kind: string) =>
      db
        .insertInto('job')
        .values({
          kind,
          target: 't',
          state: 'running',
          owner: dead,
          attempts: 1,
          heartbeat: new Date(),
          started: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const resumable = await insert('ulang');
    const once = await insert('sekali');
    const recovered = await jobs.start();
    expect(recovered.map((j) => [j.kind, j.state])).toEqual(
      expect.arrayContaining([
        ['ulang', 'queued'],
        ['sekali', 'failed'],
      ]),
    );
    expect(await jobs.wait(resumable.id)).toMatchObject({
      state: 'succeeded',
      attempts: 2,
      result: 'selesai lagi',
    });
    expect(await jobs.store.get(once.id)).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('berhenti saat tugas berjalan'),
    });
  });
});
