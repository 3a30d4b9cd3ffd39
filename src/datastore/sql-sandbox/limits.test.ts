import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlSandbox } from './index.js';
import { type Fixture, failure, PUBLIC_NAME, sqlMessage, writeFixture } from './test-tables.js';

let fx: Fixture;
let sandbox: SqlSandbox;
const T = `"${PUBLIC_NAME}"`;

beforeAll(async () => {
  fx = await writeFixture();
  sandbox = await SqlSandbox.create({ dataDir: join(fx.dir, 'sandbox'), timeoutMs: 1_000, maxConcurrent: 2 });
});

afterAll(async () => {
  await sandbox.close();
  fx.remove();
});

const run = (sql: string) => sandbox.query(sql, fx.readable);
const timed = async (sql: string) => {
  const started = performance.now();
  const e = await failure(run(sql));
  return { message: sqlMessage(e), ms: performance.now() - started };
};

describe('SQL sandbox: resource limits', () => {
  it('stops a cross-join bomb at the time limit, then serves the next query', async () => {
    await run('SELECT 1'); // start the worker, so the time below is the query's
    const { message, ms } = await timed(`SELECT count(*) FROM ${T} a, ${T} b, ${T} c, ${T} d`);
    console.log(`cross-join bomb (10k⁴ rows): answered after ${ms.toFixed(0)} ms with a 1,000 ms limit`);
    expect(message).toBe('the query ran longer than 1 s and was stopped');
    expect(ms).toBeLessThan(2_500);
    expect((await run(`SELECT count(*) AS n FROM ${T}`)).records).toEqual([{ n: 10_000 }]);
  });

  it('fails allocations beyond the worker limit at once (memory_limit alone let one grow by 18 GB)', async () => {
    for (const sql of [
      'SELECT len(repeat([1], 300000000)) AS n',
      'SELECT list_sum(range(1000000000)) AS s',
    ]) {
      const { message, ms } = await timed(sql);
      console.log(`${sql}: refused after ${ms.toFixed(0)} ms: ${message}`);
      expect(message).toMatch(/Out of Memory Error/);
      expect(ms).toBeLessThan(2_500);
    }
    expect((await run('SELECT 2 AS n')).records).toEqual([{ n: 2 }]);
  });

  it('kills a worker that ignores the interrupt and replaces it', async () => {
    // lpad of 1e9 characters runs ~6 s and does not look at the interrupt.
    const { message, ms } = await timed("SELECT length(lpad('x', 1000000000, 'y')) AS n");
    console.log(`uninterruptible lpad: answered after ${ms.toFixed(0)} ms (limit 1,000 ms + 1,000 ms grace)`);
    expect(message).toBe('the query ran longer than 1 s and was stopped');
    expect(ms).toBeLessThan(3_500);
    expect((await run('SELECT 3 AS n')).records).toEqual([{ n: 3 }]);
  });

  it('refuses results larger than 64 MB, as soon as the rows read pass it', async () => {
    // A sandbox whose time limit cannot come first on a busy machine: this is about size.
    const roomy = await SqlSandbox.create({ dataDir: join(fx.dir, 'roomy'), timeoutMs: 60_000 });
    try {
      const e = await failure(
        roomy.query(`SELECT repeat('x', 1000000) AS big FROM ${T} LIMIT 100`, fx.readable),
      );
      // 100 rows of 1 MB: refused at the 65th row read.
      expect(sqlMessage(e)).toBe('the result is larger than 64 MB; ask for fewer rows or columns');
      expect((await roomy.query(`SELECT count(*) AS n FROM ${T}`, fx.readable)).records).toEqual([
        { n: 10_000 },
      ]);
    } finally {
      await roomy.close();
    }
  });

  it('fails a running query when the sandbox closes', async () => {
    const other = await SqlSandbox.create({ dataDir: join(fx.dir, 'closing'), timeoutMs: 30_000 });
    await other.query('SELECT 1', []);
    const running = failure(other.query(`SELECT count(*) FROM ${T} a, ${T} b, ${T} c`, fx.readable));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    await other.close();
    const e = await running;
    expect(e.code).toBe('INTERNAL');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect((await failure(other.query('SELECT 1', []))).code).toBe('INTERNAL');
  });
});
