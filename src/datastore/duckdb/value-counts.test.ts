import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, ColumnInfo, DatastoreBackend, TableQuery } from '../backend.js';
import { Engine } from './engine.js';
import { openDuckDbDatastore } from './index.js';
import { openSource, queryVersion } from './read.js';
import { MAX_VALUES, ValueCounts } from './value-counts.js';

const COLUMNS: ColumnInfo[] = [
  { name: 'kode', type: 'text' },
  { name: 'unik', type: 'text' },
  { name: 'tahun', type: 'integer' },
];
const ROWS = 30_000;
const code = (i: number) => (i % 11 === 0 ? null : `32.${String(i % 37).padStart(2, '0')}`);
const rows: CellValue[][] = Array.from({ length: ROWS }, (_, i) => [code(i), `u${i}`, 2000 + (i % 20)]);
const ref = { tableId: 'hitung', version: 1 };

let dir: string;
let store: DatastoreBackend;
let engine: Engine;
let path: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kendali-value-counts-'));
  store = await openDuckDbDatastore(join(dir, 'store'));
  await store.writeVersion(ref, { kind: 'rows', columns: COLUMNS, rows });
  path = (await store.localFile(ref)) as string;
  engine = await Engine.create({ spillDir: join(dir, 'spill'), extensionDir: join(dir, 'ext') });
});

afterAll(async () => {
  await engine.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The query's total with `counts` and by counting, twice: before and after the counts are kept. */
async function totals(query: TableQuery, counts: ValueCounts): Promise<number[]> {
  return engine.withConnection(async (c) => {
    const source = await openSource(c, path);
    const counted = (await queryVersion(c, source, query)).total;
    const first = (await queryVersion(c, source, query, counts)).total;
    await counts.idle();
    const second = (await queryVersion(c, source, query, counts)).total;
    return [counted, first, second];
  });
}

describe('totals from kept value counts', () => {
  it('equal the counted totals of eq and in filters on a text column, and are read from the counts', async () => {
    const counts = new ValueCounts((fn) => engine.withConnection(fn), 0);
    const expected = (values: (string | null)[]) =>
      rows.filter((r) => values.includes(r[0] as string | null)).length;
    const cases: [TableQuery, number][] = [
      [{ filters: [{ column: 'kode', op: 'eq', value: '32.05' }] }, expected(['32.05'])],
      [{ filters: [{ column: 'kode', op: 'eq', value: '99.99' }] }, 0],
      [
        { filters: [{ column: 'kode', op: 'in', value: ['32.01', '32.02', '32.01', '99'] }] },
        expected(['32.01', '32.02']),
      ],
      [{ filters: [{ column: 'kode', op: 'in', value: [] }] }, 0],
      [
        { filters: [{ column: 'kode', op: 'eq', value: '32.05' }], limit: 5, offset: 10 },
        expected(['32.05']),
      ],
    ];
    for (const [i, [query, total]] of cases.entries()) {
      expect(await totals(query, counts), JSON.stringify(query)).toEqual([total, total, total]);
      // The first search counts (and keeps the column's counts); every later one reads them.
      expect(counts.stats.hits, JSON.stringify(query)).toBe(2 * i + 1);
    }
    // One GROUP BY served every filter on the column.
    expect(counts.stats.computed).toBe(1);
    expect(expected(['32.05'])).toBeGreaterThan(500);
  });

  it('never answers what the counts cannot: nulls, other operators, two filters, text search, other types', async () => {
    const counts = new ValueCounts((fn) => engine.withConnection(fn), 0);
    const queries: TableQuery[] = [
      { filters: [{ column: 'kode', op: 'eq', value: null }] },
      { filters: [{ column: 'kode', op: 'in', value: ['32.01', null] }] },
      { filters: [{ column: 'kode', op: 'ne', value: '32.01' }] },
      { filters: [{ column: 'kode', op: 'like', value: '32.0%' }] },
      {
        filters: [
          { column: 'kode', op: 'eq', value: '32.01' },
          { column: 'tahun', op: 'eq', value: 2001 },
        ],
      },
      { filters: [{ column: 'kode', op: 'eq', value: '32.01' }], q: 'u1' },
      { filters: [{ column: 'kode', op: 'eq', value: '32.01' }], distinct: true, columns: ['kode'] },
      { filters: [{ column: 'tahun', op: 'eq', value: 2001 }] },
    ];
    for (const query of queries) {
      const [counted, first, second] = await totals(query, counts);
      expect([first, second], JSON.stringify(query)).toEqual([counted, counted]);
    }
    expect(counts.stats).toEqual({ hits: 0, computed: 0 });
  });

  it(`keeps nothing for a column of more than ${MAX_VALUES} values, or after a cheap count`, async () => {
    const counts = new ValueCounts((fn) => engine.withConnection(fn), 0);
    const query: TableQuery = { filters: [{ column: 'unik', op: 'eq', value: 'u7' }] };
    expect(await totals(query, counts)).toEqual([1, 1, 1]);
    expect(counts.stats).toEqual({ hits: 0, computed: 1 });
    const patient = new ValueCounts((fn) => engine.withConnection(fn), 60_000);
    expect(await totals({ filters: [{ column: 'kode', op: 'eq', value: '32.05' }] }, patient)).toHaveLength(
      3,
    );
    expect(patient.stats).toEqual({ hits: 0, computed: 0 });
  });
});
