import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startKendali } from '../support/process.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kendali-e2e-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const status = async (url: string) => {
  const res = await fetch(`${url}/api/3/action/status_show`);
  return {
    code: res.status,
    body: (await res.json()) as {
      success: boolean;
      result: { demo: boolean; counts: Record<string, number> };
    },
  };
};

/**
 * The demo as a fresh start leaves it: the 8 demo institutions and 20 datasets it seeds, plus
 * what its first background jobs publish a moment after start — the Humas engagement table
 * (of the system institution `kendali-sistem`) and the media sentiment table of the demo feed.
 */
const DEMO_COUNTS = { organizations: 9, datasets: 22, regions: 552 };

/** status_show's counts once the first start's background jobs have published (or 60 s passed). */
const settledCounts = async (url: string): Promise<Record<string, number>> => {
  const until = Date.now() + 60_000;
  for (;;) {
    const { counts } = (await status(url)).body.result;
    if (counts.datasets === DEMO_COUNTS.datasets || Date.now() > until) return counts;
    await new Promise((r) => setTimeout(r, 250));
  }
};

describe('kendali start, as a user runs it', () => {
  const dataDir = tempDir();

  it('first start seeds the demo, serves the API and the web app, and exits 0 on SIGTERM within 5 s', async () => {
    const k = await startKendali(dataDir);
    const s = await status(k.url);
    expect(s.code).toBe(200);
    expect(s.body.success).toBe(true);
    expect(s.body.result.demo).toBe(true);
    expect(await settledCounts(k.url)).toEqual(DEMO_COUNTS);
    const unknown = await fetch(`${k.url}/api/3/action/nope_show`);
    expect(unknown.status).toBe(400);
    const home = await fetch(`${k.url}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root"');
    expect(k.output()).toContain('(first start)');
    const { code, ms } = await k.stop();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
  });

  it('a second start on the same data directory keeps the data and does not seed again', async () => {
    const k = await startKendali(dataDir);
    const s = await status(k.url);
    expect(s.body.result.counts).toEqual(DEMO_COUNTS);
    expect(k.output()).not.toContain('(first start)');
    // A second process on the same directory is refused with one clear line.
    const clash = await runCli(['start'], { KENDALI_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' });
    expect(clash.code).toBe(1);
    expect(clash.stderr.trim()).toMatch(/^kendali: direktori data .* sedang dipakai proses \d+/);
    expect((await k.stop('SIGINT')).code).toBe(0);
  });

  it('KENDALI_DEMO=0 starts with reference regions only', async () => {
    const k = await startKendali(tempDir(), { env: { KENDALI_DEMO: '0' } });
    const s = await status(k.url);
    expect(s.body.result.demo).toBe(false);
    expect(s.body.result.counts).toEqual({ organizations: 0, datasets: 0, regions: 552 });
    expect((await k.stop()).code).toBe(0);
  });

  it('a bad setting fails fast with one line and exit code 2', async () => {
    const r = await runCli(['start'], { KENDALI_DATA_DIR: tempDir(), PORT: 'delapan', LOG_LEVEL: 'warn' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'kendali: invalid configuration: PORT="delapan" must be an integer port number 0–65535',
    ]);
  });

  it('--help lists the commands', async () => {
    const r = await runCli(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('start');
    expect(r.stdout).toContain('config');
  });
});
