import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlSandbox } from './index.js';
import { type Fixture, failure, PUBLIC_NAME, sqlMessage, writeFixture } from './test-tables.js';

let fx: Fixture;
let sandbox: SqlSandbox;
const T = `"${PUBLIC_NAME}"`;

beforeAll(async () => {
  fx = await writeFixture();
  sandbox = await SqlSandbox.create({ dataDir: join(fx.dir, 'sandbox') });
});

afterAll(async () => {
  await sandbox.close();
  fx.remove();
});

const run = (sql: string) => sandbox.query(sql, fx.readable);

describe('SQL sandbox: SELECTs that run', () => {
  it('filters, returns JS values and the datastore column types', async () => {
    const r = await run(
      `SELECT id, kode, tahun, nilai, tanggal, waktu FROM ${T} WHERE id IN (1, 9999) ORDER BY id`,
    );
    expect(r.fields).toEqual([
      { id: 'id', type: 'integer' },
      { id: 'kode', type: 'text' },
      { id: 'tahun', type: 'integer' },
      { id: 'nilai', type: 'number' },
      { id: 'tanggal', type: 'date' },
      { id: 'waktu', type: 'timestamp' },
    ]);
    expect(r.records).toEqual([
      {
        id: 1,
        kode: '12',
        tahun: 2021,
        nilai: 1.5,
        tanggal: '2024-01-02',
        waktu: '2024-01-01T01:00:00.000Z',
      },
      {
        id: 9999,
        kode: '32',
        tahun: 2024,
        nilai: 14998.5,
        tanggal: '2024-01-04',
        waktu: '2025-02-20T15:00:00.000Z',
      },
    ]);
    expect(r.records_truncated).toBe(false);
  });

  it('groups and aggregates (bigint counts and hugeint sums as numbers)', async () => {
    const r = await run(
      `SELECT tahun, count(*) AS n, sum(id) AS total FROM ${T} GROUP BY tahun ORDER BY tahun`,
    );
    expect(r.records).toHaveLength(5);
    expect(r.records[0]).toEqual({ tahun: 2020, n: 2000, total: 9_995_000 });
  });

  it('joins two allowed tables, names quoted or not, in any case', async () => {
    const r = await run(`SELECT p.nama, count(*) AS n FROM ${T} d JOIN PROVINSI p ON p.kode = d.kode
      WHERE d.tahun = 2020 GROUP BY p.nama ORDER BY p.nama LIMIT 2`);
    expect(r.records).toEqual([
      { nama: 'Aceh', n: 334 },
      { nama: 'DKI Jakarta', n: 333 },
    ]);
  });

  it('runs CTEs (also recursive), UNION, subqueries, VALUES and a trailing semicolon', async () => {
    const cte = await run(`WITH j AS (SELECT kode, max(nilai) AS m FROM ${T} GROUP BY kode),
      k AS (SELECT * FROM j WHERE kode IN (SELECT kode FROM provinsi WHERE nama LIKE 'Jawa%'))
      SELECT kode, m FROM k ORDER BY kode;`);
    expect(cte.records).toEqual([
      { kode: '32', m: 14998.5 },
      { kode: '33', m: 14991 },
    ]);
    const union = await run(`SELECT kode FROM provinsi WHERE kode < '20' UNION ALL SELECT 'x' -- a comment`);
    expect(union.records.map((r) => r.kode).sort()).toEqual(['11', '12', 'x']);
    const rec = await run(
      'WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 4) SELECT sum(n) AS s FROM r',
    );
    expect(rec.records).toEqual([{ s: 10 }]);
    const values = await run("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(n, s) ORDER BY n DESC");
    expect(values.records).toEqual([
      { n: 2, s: 'b' },
      { n: 1, s: 'a' },
    ]);
  });

  it('caps rows at maxRows and says so', async () => {
    const small = await SqlSandbox.create({ dataDir: join(fx.dir, 'small'), maxRows: 100 });
    try {
      const capped = await small.query(`SELECT id FROM ${T} ORDER BY id DESC`, fx.readable);
      expect(capped.records).toHaveLength(100);
      expect(capped.records[0]).toEqual({ id: 9999 });
      expect(capped.records_truncated).toBe(true);
      const exact = await small.query(`SELECT id FROM ${T} LIMIT 100`, fx.readable);
      expect(exact.records_truncated).toBe(false);
    } finally {
      await small.close();
    }
  });

  it('serves queries after refusals and runtime errors', async () => {
    expect(sqlMessage(await failure(run("SELECT * FROM read_csv('/etc/passwd')")))).toMatch(/read_csv/);
    expect(sqlMessage(await failure(run(`SELECT nope FROM ${T}`)))).toMatch(/Binder Error.*nope/);
    expect(sqlMessage(await failure(run("SELECT 'x'::INTEGER")))).toMatch(/Conversion Error/);
    expect((await run('SELECT 42 AS n')).records).toEqual([{ n: 42 }]);
  });

  it('runs queries side by side and queues beyond maxConcurrent', async () => {
    const two = await SqlSandbox.create({ dataDir: join(fx.dir, 'two'), maxConcurrent: 2 });
    try {
      const all = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          two.query(`SELECT ${i} AS i, count(*) AS n FROM provinsi`, fx.readable),
        ),
      );
      expect(all.map((r) => r.records[0])).toEqual(Array.from({ length: 6 }, (_, i) => ({ i, n: 6 })));
    } finally {
      await two.close();
    }
  });

  it('times the per-query overhead', async () => {
    const cold = await SqlSandbox.create({ dataDir: join(fx.dir, 'cold') });
    let started = performance.now();
    await cold.query('SELECT 1', []);
    const first = performance.now() - started;
    await cold.close();
    const time = async (sql: string, n: number) => {
      started = performance.now();
      for (let i = 0; i < n; i++) await run(sql);
      return (performance.now() - started) / n;
    };
    await time('SELECT 1', 3); // warm-up
    const trivial = await time('SELECT 1', 20);
    const counted = await time(`SELECT count(*) FROM ${T} JOIN provinsi USING (kode)`, 20);
    let spaced = 0; // with pauses between queries, the worker has its next instance ready
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      spaced += await time('SELECT 1', 1);
    }
    console.log(
      `SQL sandbox: first query of a new sandbox (starts a worker process) ${first.toFixed(0)} ms; then per query ` +
        `(parse ×2 + check + IPC + instance + views + run + close), mean of 20 back to back: ` +
        `SELECT 1 ${trivial.toFixed(1)} ms, join of 10k × 6 rows ${counted.toFixed(1)} ms; ` +
        `SELECT 1 50 ms apart ${(spaced / 20).toFixed(1)} ms`,
    );
    expect(trivial).toBeLessThan(200);
  });
});
