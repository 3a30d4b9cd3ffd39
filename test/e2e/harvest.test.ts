/**
 * Two Kendali instances on loopback: B harvests A. A dataset created, changed, made private
 * and deleted on A shows up, changes, disappears and disappears on B after the next run, and
 * the harvested table answers datastore_search on B. Then a harvest job killed with SIGKILL
 * (B dies mid-run) is taken up again after B restarts, never left "running".
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KendaliProcess, runCli, startKendali } from '../support/process.js';

const dir = mkdtempSync(join(tmpdir(), 'kendali-harvest-'));
const envOf = (name: string) => ({
  KENDALI_DATA_DIR: join(dir, name),
  KENDALI_DEMO: '0',
  KENDALI_ADMIN_PASSWORD: `sandi-uji-${name}`,
  LOG_LEVEL: 'warn',
});
const A = envOf('a');
const B = envOf('b');

async function token(env: Record<string, string>): Promise<string> {
  const r = await runCli(['token', 'create', '--user', 'admin', '--name', 'uji'], env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').at(-1) as string;
}

async function call<T>(
  k: KendaliProcess,
  tok: string,
  action: string,
  input: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(`${k.url}/api/3/action/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: tok },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { success: boolean; result: T; error?: unknown };
  if (!body.success) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
  return body.result;
}

describe('B harvests A', () => {
  let a: KendaliProcess;
  let b: KendaliProcess;
  let tokA = '';
  let tokB = '';
  const harvest = async () => {
    const r = await runCli(['harvest', 'run', 'portal-a', '--url', b.url, '--token', tokB], {});
    return r;
  };
  const onB = async () =>
    (
      await call<{ results: { name: string; title: string; extras: { key: string; value: string }[] }[] }>(
        b,
        tokB,
        'package_search',
        { q: '', rows: 100, include_private: true },
      )
    ).results;

  beforeAll(async () => {
    const csv = join(dir, 'penduduk.csv');
    writeFileSync(
      csv,
      'provinsi,tahun,jumlah\nAceh,2024,"5.554.800"\nBali,2024,"4.433.300"\nJawa Barat,2024,"50.345.200"\n',
    );
    for (const [args, env] of [
      [['org', 'add', 'bps', '--title', 'BPS'], A],
      [['import', csv, '--org', 'bps', '--dataset', 'penduduk', '--title', 'Jumlah Penduduk'], A],
      [['import', csv, '--org', 'bps', '--dataset', 'sementara', '--title', 'Data Sementara'], A],
      [['org', 'add', 'jabar', '--title', 'Provinsi Jawa Barat'], B],
    ] as const) {
      const r = await runCli([...args], env);
      expect(r.code, r.stderr).toBe(0);
    }
    tokA = await token(A);
    tokB = await token(B);
    a = await startKendali(A.KENDALI_DATA_DIR, { env: A });
    b = await startKendali(B.KENDALI_DATA_DIR, { env: B });
    const add = await runCli(
      ['harvest', 'add', 'portal-a', '--source', a.url, '--org', 'jabar', '--url', b.url, '--token', tokB],
      {},
    );
    expect(add.code, add.stderr).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates, then leaves unchanged datasets alone; the harvested table answers datastore_search on B', async () => {
    const first = await harvest();
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain('created 2, updated 0, unchanged 0, deleted 0, failed 0');
    const names = (await onB()).map((d) => d.name).sort();
    expect(names).toEqual(['penduduk', 'sementara']);
    const shown = await call<{
      resources: { id: string; datastore_active: boolean }[];
      extras: { key: string; value: string }[];
    }>(b, tokB, 'package_show', { id: 'penduduk' });
    expect(shown.extras.find((e) => e.key === 'harvest_url')?.value).toBe(`${a.url}/dataset/penduduk`);
    const table = shown.resources.find((r) => r.datastore_active);
    expect(table).toBeDefined();
    const rows = await call<{ records: Record<string, unknown>[]; total: number }>(
      b,
      tokB,
      'datastore_search',
      {
        resource_id: table?.id,
        filters: { provinsi: 'Bali' },
      },
    );
    expect(rows.total).toBe(1);
    expect(rows.records[0]).toMatchObject({ provinsi: 'Bali', jumlah: 4433300 });

    const again = await harvest();
    expect(again.stdout).toContain('created 0, updated 0, unchanged 2, deleted 0, failed 0');
  }, 120_000);

  it('follows a change, a dataset made private and one deleted on A', async () => {
    await call(a, tokA, 'package_patch', { id: 'penduduk', title: 'Jumlah Penduduk (revisi)' });
    const changed = await harvest();
    expect(changed.stdout).toContain('created 0, updated 1, unchanged 1, deleted 0, failed 0');
    expect((await onB()).find((d) => d.name === 'penduduk')?.title).toBe('Jumlah Penduduk (revisi)');

    await call(a, tokA, 'package_patch', { id: 'penduduk', private: true });
    await call(a, tokA, 'package_delete', { id: 'sementara' });
    const gone = await harvest();
    expect(gone.stdout).toContain('created 0, updated 0, unchanged 0, deleted 2, failed 0');
    expect(await onB()).toEqual([]);
    const log = await runCli(['harvest', 'log', 'portal-a', '--url', b.url, '--token', tokB], {});
    expect(
      log.stdout
        .trim()
        .split('\n')
        .filter((l) => l.includes('succeeded')),
    ).toHaveLength(4);
  }, 120_000);

  it('a harvest job killed with SIGKILL is taken up again after the restart, never left running', async () => {
    // A portal that never answers: the harvest hangs in its first request.
    const hang: Server = createServer(() => {});
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', () => r()));
    const port = (hang.address() as { port: number }).port;
    try {
      await call(b, tokB, 'harvest_source_create', {
        name: 'lambat',
        type: 'ckan',
        url: `http://127.0.0.1:${port}`,
        owner_org: 'jabar',
      });
      const job = await call<{ id: string }>(b, tokB, 'harvest_run', { id: 'lambat' });
      for (let i = 0; i < 100; i++) {
        if ((await call<{ state: string }>(b, tokB, 'job_show', { id: job.id })).state === 'running') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await b.stop('SIGKILL');
      b = await startKendali(B.KENDALI_DATA_DIR, { env: B });
      const after = await call<{ state: string; attempts: number; error: string | null }>(
        b,
        tokB,
        'job_show',
        { id: job.id },
      );
      // Taken up by the new process (queued again, or already running its second attempt).
      expect(['queued', 'running']).toContain(after.state);
      expect(after.attempts).toBeGreaterThanOrEqual(1);
      const runs = await call<{ state: string; message: string | null }[]>(b, tokB, 'harvest_log', {
        id: 'lambat',
      });
      for (let i = 0; i < 50 && runs.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
        runs.splice(0, runs.length, ...(await call<typeof runs>(b, tokB, 'harvest_log', { id: 'lambat' })));
      }
      // The run the killed process left behind is marked failed, with why.
      expect(runs.at(-1)).toMatchObject({ state: 'failed', message: expect.stringContaining('berhenti') });
      const cancelled = await call<{ state: string }>(b, tokB, 'job_cancel', { id: job.id });
      expect(['cancelled', 'running']).toContain(cancelled.state);
    } finally {
      hang.closeAllConnections();
      hang.close();
    }
  }, 120_000);
});
