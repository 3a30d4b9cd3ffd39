import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { openDuckDbDatastore } from './index.js';

let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kendali-duckdb-engine-'));
  engine = await Engine.create({ spillDir: join(dir, 'spill'), extensionDir: join(dir, 'ext') });
});

afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `sql`; returns the error message and how long it took to fail. */
async function attempt(sql: string): Promise<{ error: string | undefined; ms: number }> {
  const started = performance.now();
  try {
    await engine.withConnection((c) => c.run(sql));
    return { error: undefined, ms: performance.now() - started };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), ms: performance.now() - started };
  }
}

describe('DuckDB engine', () => {
  it('has json, parquet and icu built in, auto-install and auto-load off, and UTC as its zone', async () => {
    const rows = await engine.withConnection(async (c) => {
      const reader = await c.runAndReadAll(
        `SELECT current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions'),
                (SELECT list(extension_name ORDER BY extension_name) FROM duckdb_extensions() WHERE loaded),
                current_setting('TimeZone')`,
      );
      return reader.getRowsJS();
    });
    expect(rows[0]?.[0]).toBe(false);
    expect(rows[0]?.[1]).toBe(false);
    expect(rows[0]?.[2]).toEqual(expect.arrayContaining(['icu', 'json', 'parquet']));
    expect(rows[0]?.[3]).toBe('UTC'); // naive timestamps mean UTC on every machine
  });

  it('fails fast, without the network, on extensions that are not built in', async () => {
    const load = await attempt('LOAD spatial');
    expect(load.error).toMatch(/spatial/);
    const install = await attempt('INSTALL httpfs');
    // The repository is a local path that does not exist: no download is attempted.
    expect(install.error).toContain(join(dir, 'ext', 'no-repository'));
    const remote = await attempt("SELECT * FROM read_parquet('https://example.org/data.parquet')");
    expect(remote.error).toMatch(/httpfs/);
    const fn = await attempt('SELECT ST_Point(1, 2)');
    expect(fn.error).toMatch(/spatial/);
    for (const { ms } of [load, install, remote, fn]) expect(ms).toBeLessThan(2_000);
    expect(existsSync(join(dir, 'ext', 'no-repository'))).toBe(false);
  });

  it('runs operations concurrently, each on its own connection', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        engine.withConnection(async (c) =>
          (await c.runAndReadAll('SELECT $1::INTEGER * 2', [i])).getRowsJS(),
        ),
      ),
    );
    expect(results.map((r) => r[0]?.[0])).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
  });

  it('close interrupts a running query, waits for it, and refuses later work', async () => {
    const own = await Engine.create({ spillDir: join(dir, 'spill2'), extensionDir: join(dir, 'ext2') });
    const long = own.withConnection((c) => c.run('SELECT count(*) FROM range(10000000000000) a'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(5_000);
    await expect(long).rejects.toThrow(/interrupt/i);
    await expect(own.withConnection((c) => c.run('SELECT 1'))).rejects.toThrow(/closed/);
  });

  it('pings until the datastore is closed', async () => {
    const store = await openDuckDbDatastore(join(dir, 'data'));
    expect(store.kind).toBe('duckdb');
    expect(await store.ping()).toBe(true);
    const ref = { tableId: 't', version: 1 };
    await store.writeVersion(ref, { kind: 'rows', columns: [{ name: 'a', type: 'integer' }], rows: [[1]] });
    await store.close();
    await store.close(); // twice is harmless
    expect(await store.ping()).toBe(false);
    await expect(store.query(ref)).rejects.toThrow(/closed/);
  });
});
