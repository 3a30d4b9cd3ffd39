/**
 * An import killed with SIGKILL midway leaves the previous version served and no partial
 * version visible after a restart.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeProvinceCsv } from '../support/generated.js';
import { CLI, runCli, startKendali } from '../support/process.js';

describe('an import killed midway', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kendali-crash-'));
  const data = join(dir, 'data');
  const env = {
    KENDALI_DATA_DIR: data,
    KENDALI_DEMO: '0',
    KENDALI_ADMIN_PASSWORD: 'sandi-uji-crash',
    LOG_LEVEL: 'warn',
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the previous version served and nothing partial', async () => {
    expect((await runCli(['org', 'add', 'bps'], env)).code).toBe(0);
    const small = join(dir, 'small.csv');
    await writeProvinceCsv(small, 10);
    const first = await runCli(['import', small, '--org', 'bps', '--dataset', 'data-besar'], env);
    expect(first.code, first.stderr).toBe(0);

    const big = join(dir, 'big.csv');
    await writeProvinceCsv(big, 600_000);
    const child = spawn(process.execPath, [CLI, 'import', big, '--org', 'bps', '--dataset', 'data-besar'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    const converting = new Promise<void>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        if (err.includes('mengubah (2/2)')) resolve();
      });
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    await Promise.race([converting, exited]);
    expect(child.exitCode, `the import ended before it could be killed:\n${err}`).toBeNull();
    child.kill('SIGKILL');
    await exited;
    // The import's working files are there, unpublished.
    expect(existsSync(join(data, 'tmp')) && readdirSync(join(data, 'tmp')).length > 0).toBe(true);

    const k = await startKendali(data, { env });
    try {
      const show = (await (await fetch(`${k.url}/api/3/action/package_show?id=data-besar`)).json()) as {
        result: { resources: { id: string }[] };
      };
      const resource = show.result.resources[0]?.id ?? '';
      const info = (await (await fetch(`${k.url}/api/3/action/datastore_info?id=${resource}`)).json()) as {
        result: { meta: { count: number; version: number }; versions: unknown[] };
      };
      expect(info.result.meta).toMatchObject({ count: 10, version: 1 });
      expect(info.result.versions).toHaveLength(1);
      const search = (await (
        await fetch(`${k.url}/api/3/action/datastore_search?resource_id=${resource}`)
      ).json()) as {
        result: { total: number };
      };
      expect(search.result.total).toBe(10);
      // The dead import's leftovers were swept at start; only version 1 is on disk.
      expect(existsSync(join(data, 'tmp')) ? readdirSync(join(data, 'tmp')) : []).toEqual([]);
      const tables = readdirSync(join(data, 'datastore')).filter((t) => t.startsWith('t_'));
      expect(tables.flatMap((t) => readdirSync(join(data, 'datastore', t)))).toEqual(['v1.parquet']);
    } finally {
      expect((await k.stop()).code).toBe(0);
    }
  }, 180_000);
});
