/**
 * Imports and search rebuilds as durable jobs against a server process, as an operator runs
 * them: `kendali import --url` follows the job with progress and keeps its exit codes; Ctrl-C
 * cancels the job and publishes nothing; two imports into one dataset take turns; `kendali
 * search rebuild --url` shows progress; a server killed mid-import marks the job failed after
 * its restart and still serves the previous version.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteCall, remoteUpload } from '../../src/cli/remote.js';
import { writeProvinceCsv } from '../support/generated.js';
import { CLI, type KendaliProcess, runCli, startKendali } from '../support/process.js';

interface JobView {
  id: string;
  kind: string;
  state: string;
  error: string | null;
  progress: { phase?: string; done?: number; total?: number };
  started: string | null;
  finished: string | null;
}

describe('imports and rebuilds as jobs, against a server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kendali-import-jobs-'));
  const env = {
    KENDALI_DATA_DIR: join(dir, 'data'),
    KENDALI_DEMO: '0',
    KENDALI_ADMIN_PASSWORD: 'sandi-uji-tugas',
    LOG_LEVEL: 'warn',
  };
  const big = join(dir, 'besar.csv');
  let k: KendaliProcess;
  let token = '';
  const remote = () => ({ url: k.url, token });
  const api = (name: string, input: Record<string, unknown>) => remoteCall(remote(), name, input);
  const importArgs = (file: string, dataset: string) => [
    'import',
    file,
    '--org',
    'bps',
    '--dataset',
    dataset,
    '--url',
    k.url,
    '--token',
    token,
  ];
  const versions = async (dataset: string) => {
    const ds = (await api('package_show', { id: dataset })) as { resources: { id: string }[] };
    const info = (await api('datastore_info', { id: ds.resources[0]?.id ?? '' })) as {
      meta: { count: number };
      versions: { version: number }[];
    };
    return { count: info.meta.count, versions: info.versions.map((v) => v.version).sort() };
  };
  const importJobs = async () =>
    ((await api('job_list', { kind: 'import', limit: 50 })) as JobView[]).reverse();

  beforeAll(async () => {
    expect((await runCli(['org', 'add', 'bps'], env)).code).toBe(0);
    token = (await runCli(['token', 'create', '--user', 'admin', '--name', 'tugas'], env)).stdout.trim();
    expect(token.length).toBeGreaterThan(20);
    await writeProvinceCsv(big, 300_000);
    k = await startKendali(env.KENDALI_DATA_DIR, { env });
  }, 180_000);
  afterAll(async () => {
    await k?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kendali import --url follows the job with progress and keeps exit codes 0, 1 and 2', async () => {
    const clean = join(dir, 'bersih.csv');
    await writeProvinceCsv(clean, 2000);
    const r = await runCli(importArgs(clean, 'bersih'), env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/impor: .*mengunggah/);
    expect(r.stderr).toMatch(/impor: 100% \d+\/\d+ bytes .*menerbitkan, 2000 baris/);
    expect(r.stdout).toContain('Baris: 2000; galat: 0; peringatan: 0');
    expect(r.stdout).toMatch(/Diterbitkan: versi 1 \(resource [0-9a-f-]{36}\)/);
    // The new dataset's coverage, filled by the server from the data: five provinces, 2000–2024.
    expect(r.stdout).toMatch(
      /\nMetadata dataset dilengkapi dari data: wilayah (\d\d, ){4}\d\d \(tingkat provinsi\); waktu 2000 s\.d\. 2024\n/,
    );
    expect(await versions('bersih')).toEqual({ count: 2000, versions: [1] });

    const bad = join(dir, 'salah.csv');
    writeFileSync(
      bad,
      `tahun,nilai\n${Array.from({ length: 30 }, (_, i) => `${1990 + i},${i}`).join('\n')}\n2020,banyak\n`,
    );
    const refused = await runCli(importArgs(bad, 'bersih'), env);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n').at(-1)).toMatch(
      /^kendali: Berkas memuat galat \(upload_id: 1 galat; tidak ada yang diterbitkan\. Pertama: baris data 31, baris berkas 32, kolom nilai/,
    );
    expect(await versions('bersih')).toEqual({ count: 2000, versions: [1] });

    const ambiguous = join(dir, 'ambigu.csv');
    writeFileSync(ambiguous, 'Kabupaten/Kota,Nilai\nBandung,"1,5"\nKota Cimahi,"2,5"\n');
    const warned = await runCli(importArgs(ambiguous, 'ambigu'), env);
    expect(warned.code, warned.stderr).toBe(2);
    expect(warned.stdout).toContain('[region-ambiguous] baris data 1');
    expect(warned.stderr.trim().split('\n').at(-1)).toBe('kendali: diterbitkan dengan peringatan');
  }, 120_000);

  it('Ctrl-C cancels the import job and publishes nothing', async () => {
    const small = join(dir, 'kecil.csv');
    await writeProvinceCsv(small, 10);
    expect((await runCli(importArgs(small, 'batal'), env)).code).toBe(0);
    const child = spawn(process.execPath, [CLI, ...importArgs(big, 'batal')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const working = new Promise<void>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        if (/membaca \(1\/2\)|mengubah \(2\/2\)/.test(err)) resolve();
      });
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await Promise.race([working, exited]);
    expect(child.exitCode, `the import ended before Ctrl-C:\n${err}`).toBeNull();
    child.kill('SIGINT');
    expect(await exited, err).toBe(130);
    expect(err).toMatch(/membatalkan tugas di server/);
    expect(err.trim().split('\n').at(-1)).toBe('kendali: impor dibatalkan; tidak ada yang diterbitkan');
    const job = (await importJobs()).at(-1);
    expect(job).toMatchObject({ state: 'cancelled' });
    expect(await versions('batal')).toEqual({ count: 10, versions: [1] });
  }, 120_000);

  it('two imports into one dataset run one after another', async () => {
    const a = join(dir, 'giliran-a.csv');
    const b = join(dir, 'giliran-b.csv');
    await writeProvinceCsv(a, 30_000);
    await writeProvinceCsv(b, 50);
    const before = (await importJobs()).length;
    const first = runCli(importArgs(a, 'giliran'), env);
    // The second is queued once the first has made the dataset and begun.
    let jobs: JobView[] = [];
    for (let i = 0; i < 200 && jobs.length < before + 1; i++) {
      await new Promise((r) => setTimeout(r, 50));
      jobs = await importJobs();
    }
    const second = runCli(importArgs(b, 'giliran'), env);
    const [ra, rb] = await Promise.all([first, second]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const [ja, jb] = (await importJobs()).slice(before);
    expect(ja?.state).toBe('succeeded');
    expect(jb?.state).toBe('succeeded');
    expect(Date.parse(jb?.started ?? '')).toBeGreaterThanOrEqual(Date.parse(ja?.finished ?? ''));
    expect(ra.stdout).toMatch(/Diterbitkan: versi 1 /);
    expect(rb.stdout).toMatch(/Diterbitkan: versi 2 /);
    expect(await versions('giliran')).toEqual({ count: 50, versions: [1, 2] });
  }, 120_000);

  it('kendali search rebuild --url runs the reindex job with progress', async () => {
    const r = await runCli(['search', 'rebuild', '--url', k.url, '--token', token], env);
    expect(r.code, r.stderr).toBe(0);
    const datasets = ((await api('package_search', { rows: 0, include_private: true })) as { count: number })
      .count;
    expect(r.stdout).toMatch(
      new RegExp(`^Indeks pencarian dibangun ulang: ${datasets} dataset, \\d+ ms\\n$`),
    );
    expect(r.stderr).toMatch(new RegExp(`indeks: 100% ${datasets}/${datasets} dataset`));
    const jobs = (await api('job_list', { kind: 'reindex' })) as JobView[];
    expect(jobs[0]).toMatchObject({ state: 'succeeded', progress: { done: datasets, total: datasets } });
    const denied = await runCli(['search', 'rebuild', '--url', k.url, '--token', 'salah'], env);
    expect(denied.code).toBe(1);
  }, 60_000);

  it('an import job of a killed server is marked failed after the restart; the previous version stays', async () => {
    const small = join(dir, 'awal.csv');
    await writeProvinceCsv(small, 10);
    expect((await runCli(importArgs(small, 'mati'), env)).code).toBe(0);
    const uploadId = await remoteUpload(remote(), big, () => {});
    const queued = (await api('datastore_import', {
      upload_id: uploadId,
      package_id: 'mati',
      background: true,
    })) as JobView;
    // The job's live progress, as the web UI reads it: Server-Sent Events, until it converts.
    const res = await fetch(`${k.url}/api/jobs/${queued.id}/events`, { headers: { authorization: token } });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const phases: string[] = [];
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      for (const m of text.matchAll(/event: progress\ndata: (.*)\n\n/g)) {
        const phase = (JSON.parse(m[1] ?? '{}') as JobView).progress.phase;
        if (phase && phases.at(-1) !== phase) phases.push(phase);
      }
      const end = text.lastIndexOf('\n\n');
      if (end >= 0) text = text.slice(end + 2);
      if (phases.includes('converting')) break;
    }
    expect(phases).toEqual(expect.arrayContaining(['profiling', 'converting']));
    expect(((await api('job_show', { id: queued.id })) as JobView).state).toBe('running');
    await k.stop('SIGKILL');
    k = await startKendali(env.KENDALI_DATA_DIR, { env });
    const after = (await api('job_show', { id: queued.id })) as JobView;
    expect(after.state).toBe('failed');
    expect(after.error).toMatch(/^proses .* berhenti saat tugas berjalan$/);
    expect(await versions('mati')).toEqual({ count: 10, versions: [1] });
  }, 180_000);
});
