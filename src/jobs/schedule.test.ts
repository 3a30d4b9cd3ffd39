/** Scheduled harvests: cron in Asia/Jakarta, queued once when due, never twice at once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { checkCron, HarvestScheduler, nextRun } from './schedule.js';

let t: TestServices;
beforeEach(async () => {
  t = await openTestServices('pglite');
  await t.registry.call('organization_create', systemCtx(t), { name: 'jabar', title: 'Jawa Barat' });
});
afterEach(async () => {
  await t.cleanup();
});

describe('harvest schedules', () => {
  it('read cron in Asia/Jakarta (UTC+7) and refuse what is not cron', async () => {
    // 02:00 WIB is 19:00 UTC the day before.
    expect(nextRun('0 2 * * *', new Date('2026-11-28T00:00:00Z'))?.toISOString()).toBe(
      '2026-11-28T19:00:00.000Z',
    );
    expect(() => checkCron('tiap hari')).toThrow();
    expect(() => checkCron('61 * * * *')).toThrow();
    await expect(
      t.registry.call('harvest_source_create', systemCtx(t), {
        name: 'salah',
        type: 'ckan',
        url: 'http://127.0.0.1:9',
        owner_org: 'jabar',
        schedule: '0 25 * * *',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    // A DCAT catalog is a source too, weekly on Monday at 03:00.
    const dcat = await t.registry.call('harvest_source_create', systemCtx(t), {
      name: 'katalog-dcat',
      type: 'dcat',
      url: 'http://127.0.0.1:9/catalog.ttl',
      owner_org: 'jabar',
      schedule: '0 3 * * 1',
    });
    expect(dcat).toMatchObject({ type: 'dcat', schedule: '0 3 * * 1' });
  });

  it('queue a source once its scheduled time has passed since its last run, and not twice', async () => {
    const source = (await t.registry.call('harvest_source_create', systemCtx(t), {
      name: 'harian',
      type: 'ckan',
      url: 'http://127.0.0.1:9',
      owner_org: 'jabar',
      schedule: '0 2 * * *',
    })) as { id: string };
    const manual = (await t.registry.call('harvest_source_create', systemCtx(t), {
      name: 'manual',
      type: 'ckan',
      url: 'http://127.0.0.1:9',
      owner_org: 'jabar',
    })) as { id: string };
    const db = t.services.catalog.db;
    await db
      .updateTable('harvest_source')
      .set({ created: new Date('2026-11-27T10:00:00Z') })
      .execute();
    const scheduler = new HarvestScheduler(t.services.catalog, t.services.jobs);
    // Before 02:00 WIB on the 28th (19:00 UTC on the 27th): nothing due.
    expect(await scheduler.tick(new Date('2026-11-27T18:59:00Z'))).toEqual([]);
    expect(await scheduler.tick(new Date('2026-11-27T19:00:30Z'))).toEqual(['harian']);
    // Already queued: not a second job.
    expect(await scheduler.tick(new Date('2026-11-27T19:01:00Z'))).toEqual([]);
    const jobs = await t.services.jobs.store.list({ kind: 'harvest' });
    expect(jobs.map((j) => j.target)).toEqual([source.id]);
    expect(jobs.map((j) => j.target)).not.toContain(manual.id);
    // After a run at 19:05 UTC, the next is due at 19:00 UTC the day after.
    await db.updateTable('job').set({ state: 'succeeded', finished: new Date() }).execute();
    await db
      .insertInto('harvest_run')
      .values({ source_id: source.id, state: 'succeeded', started: new Date('2026-11-27T19:05:00Z') })
      .execute();
    expect(await scheduler.tick(new Date('2026-11-28T18:00:00Z'))).toEqual([]);
    expect(await scheduler.tick(new Date('2026-11-28T19:00:01Z'))).toEqual(['harian']);
  });
});
