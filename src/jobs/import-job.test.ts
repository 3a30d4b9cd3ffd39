/**
 * Imports and search rebuilds as durable jobs, on both catalog engines: a background import
 * answers its job at once and publishes with phase progress; imports into one dataset run one
 * after another even with room for two; a cancelled import publishes nothing; the reindex job
 * reports datasets done of total.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { addUpload } from '../ingest/uploads.js';
import { registerJobHandlers } from './handlers.js';
import { type JobEvent, JobRunner } from './runner.js';

interface JobView {
  id: string;
  state: string;
  existing: boolean;
}

function csv(rows: number): string {
  const names = ['Aceh', 'Bali', 'Jawa Barat', 'Papua', 'Riau'];
  const lines = ['provinsi,tahun,nilai'];
  for (let i = 0; i < rows; i++) lines.push(`${names[i % 5]},${2000 + (i % 25)},"${i},5"`);
  return `${lines.join('\n')}\n`;
}

describe.each(CATALOG_ENGINES)('import and reindex jobs (%s)', (engine) => {
  let t: TestServices;
  const call = (name: string, input: Record<string, unknown>) => t.registry.call(name, systemCtx(t), input);
  const upload = async (name: string, rows: number) => {
    const path = join(t.dataDir, name);
    writeFileSync(path, csv(rows));
    return (await addUpload(t.dataDir, path, null)).id;
  };
  const versions = async (dataset: string) => {
    const ds = (await call('package_show', { id: dataset })) as { resources: { id: string }[] };
    const resource = ds.resources[0]?.id;
    if (!resource) return [];
    const info = (await call('datastore_info', { id: resource })) as { versions: { version: number }[] };
    return info.versions.map((v) => v.version).sort();
  };

  beforeEach(async () => {
    t = await openTestServices(engine);
    await call('organization_create', { name: 'bps', title: 'BPS' });
    for (const name of ['penduduk', 'lain'])
      await call('package_create', { name, title: name, owner_org: 'bps' });
  });
  afterEach(async () => t.cleanup());

  it('a background import answers its job at once, then publishes with phase and row progress', async () => {
    const queued = (await call('datastore_import', {
      upload_id: await upload('a.csv', 500),
      package_id: 'penduduk',
      background: true,
    })) as JobView;
    expect(queued).toMatchObject({ state: 'queued', existing: false });
    expect(await versions('penduduk')).toEqual([]);
    const events: JobEvent[] = [];
    await t.services.jobs.start();
    const job = await t.services.jobs.wait(queued.id, (e) => events.push(e));
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect(job.result).toMatchObject({ published: true, version: 1, report: { rows: 500, errorCount: 0 } });
    const phases = [...new Set(events.map((e) => e.progress.phase).filter(Boolean))];
    expect(phases).toEqual(['reading', 'profiling', 'converting', 'checking', 'publishing']);
    const last = events.findLast((e) => e.progress.phase === 'publishing')?.progress;
    expect(last).toMatchObject({ unit: 'bytes', rows: 500 });
    expect(last?.done).toBe(last?.total);
    expect(await versions('penduduk')).toEqual([1]);
  });

  it('a refused file fails the job with the whole reason and publishes nothing', async () => {
    const path = join(t.dataDir, 'salah.csv');
    writeFileSync(
      path,
      `tahun,nilai\n${Array.from({ length: 30 }, (_, i) => `${1990 + i},${i}`).join('\n')}\n2020,banyak\n`,
    );
    const queued = (await call('datastore_import', {
      upload_id: (await addUpload(t.dataDir, path, null)).id,
      package_id: 'penduduk',
      background: true,
    })) as JobView;
    await t.services.jobs.start();
    const job = await t.services.jobs.wait(queued.id);
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.error).toMatch(
      /^The file has errors \(upload_id: 1 errors; nothing was published\. First: row 31/,
    );
    expect(await versions('penduduk')).toEqual([]);
  });

  it('imports into one dataset run one after another, in the order queued, even with room for two', async () => {
    const runner = new JobRunner(t.services.catalog, 2);
    registerJobHandlers(runner, t.registry, { ...t.services, jobs: runner });
    const queue = async (dataset: string, rows: number) =>
      (await call('datastore_import', {
        upload_id: await upload(`${dataset}-${rows}.csv`, rows),
        package_id: dataset,
        background: true,
      })) as JobView;
    const first = await queue('penduduk', 3000);
    const second = await queue('penduduk', 20);
    const other = await queue('lain', 20);
    try {
      await runner.start();
      const [a, b, c] = await Promise.all([first, second, other].map((j) => runner.wait(j.id)));
      for (const j of [a, b, c]) expect(j?.state, j?.error ?? '').toBe('succeeded');
      // The second waited for the first although it is smaller and a slot was free.
      expect(b?.started?.getTime()).toBeGreaterThanOrEqual(a?.finished?.getTime() ?? Number.NaN);
      expect(a?.result).toMatchObject({ version: 1, report: { rows: 3000 } });
      expect(b?.result).toMatchObject({ version: 2, report: { rows: 20 } });
      // Another dataset's import is not held up by the lane.
      expect(c?.started?.getTime()).toBeLessThan(a?.finished?.getTime() ?? Number.NaN);
    } finally {
      await runner.stop();
    }
  });

  it('a cancelled import stops between batches and publishes nothing', async () => {
    const queued = (await call('datastore_import', {
      upload_id: await upload('besar.csv', 60_000),
      package_id: 'penduduk',
      background: true,
    })) as JobView;
    let asked = false;
    const jobs = t.services.jobs;
    await jobs.start();
    const job = await jobs.wait(queued.id, (e) => {
      if (!asked && e.progress.phase === 'profiling') {
        asked = true;
        void call('job_cancel', { id: queued.id });
      }
    });
    expect(asked).toBe(true);
    expect(job).toMatchObject({ state: 'cancelled', cancel_requested: true, result: null });
    expect(await versions('penduduk')).toEqual([]);
    const rows = await t.services.catalog.db.selectFrom('dataset_version').select('version').execute();
    expect(rows).toEqual([]);
    // Its working files are gone too.
    const tmp = join(t.dataDir, 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });

  it('the reindex job rebuilds search with datasets done of total', async () => {
    for (let i = 0; i < 5; i++)
      await call('package_create', { name: `kemiskinan-${i}`, title: `Kemiskinan ${i}`, owner_org: 'bps' });
    const queued = (await call('search_index_rebuild', {})) as JobView;
    const again = (await call('search_index_rebuild', {})) as JobView;
    expect(again).toMatchObject({ id: queued.id, existing: true });
    const events: JobEvent[] = [];
    await t.services.jobs.start();
    const job = await t.services.jobs.wait(queued.id, (e) => events.push(e));
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect(job.result).toMatchObject({ datasets: 7 });
    expect(events.some((e) => e.progress.phase === 'vectors' && e.progress.total === 7)).toBe(true);
    expect(job.progress).toMatchObject({ done: 7, total: 7, unit: 'datasets' });
    const found = (await call('package_search', { q: 'kemiskinan' })) as { count: number };
    expect(found.count).toBe(5);
  });
});
