/**
 * Board speed: a 60-tile board over a 10-million-row table version. The first view runs one
 * group-by per (indicator, level, province) and stores the values; every later view, and the
 * first one after an evaluation refreshed stale ones, reads the stored values: well under 0.5 s. PGlite
 * only (the catalog work is the same few queries on PostgreSQL; the cost is DuckDB's).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import type { ActionContext } from '../actions/types.js';
import { DuckDBInstance } from '../datastore/duckdb/api.js';
import { evaluate } from './evaluate.js';

// biome-ignore lint/suspicious/noExplicitAny: loose results in tests
type Any = Record<string, any>;

const ROWS = 10_000_000;
const MEASURES = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('a 60-tile board over 10M rows', () => {
  let t: TestServices;
  let sys: ActionContext;
  const call = (name: string, input: Any) => t.registry.call(name, sys, input) as Promise<Any>;

  beforeAll(async () => {
    t = await openTestServices('pglite', { regions: true });
    sys = systemCtx(t);
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call('package_create', { name: 'besar', title: 'Tabel besar', owner_org: 'bps' });
    await call('datastore_create', {
      resource: { package_id: 'besar', name: 'Tabel' },
      fields: [
        { id: 'kode', type: 'text' },
        { id: 'prov', type: 'text' },
        { id: 'tahun', type: 'int' },
        ...MEASURES.map((id) => ({ id, type: 'numeric' })),
      ],
      records: [{ kode: '32.01', prov: '32', tahun: 2020, a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 }],
    });
    // Version 2: 10M rows over 38 provinces × 10 regencies × 8 years, written by DuckDB.
    const v1 = await t.services.catalog.db
      .selectFrom('dataset_version')
      .selectAll()
      .executeTakeFirstOrThrow();
    const dir = join(t.dataDir, 'gen');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'besar.parquet');
    const provinces = (
      await t.services.catalog.db
        .selectFrom('region')
        .select('code')
        .where('level', '=', 1)
        .orderBy('code')
        .execute()
    ).map((r) => `'${r.code}'`);
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    await c.run(`COPY (
      SELECT p || '.' || lpad(((i // 38) % 10 + 1)::VARCHAR, 2, '0') AS kode, p AS prov,
             (2017 + (i // 380) % 8)::BIGINT AS tahun,
             ${MEASURES.map((m, k) => `((i * ${k + 7}) % 1000) / 10.0 AS ${m}`).join(', ')}
      FROM (SELECT i, [${provinces.join(',')}][i % 38 + 1] AS p FROM range(${ROWS}) r(i))
    ) TO '${file}' (FORMAT parquet)`);
    c.closeSync();
    instance.closeSync();
    const info = await t.services.datastore.writeVersion(
      { tableId: v1.table_id, version: 2 },
      { kind: 'parquet', path: file },
    );
    expect(info.rowCount).toBe(ROWS);
    await t.services.catalog.db
      .insertInto('dataset_version')
      .values({
        dataset_id: v1.dataset_id,
        version: 2,
        table_id: v1.table_id,
        row_count: info.rowCount,
        columns: info.columns.map((col) => ({ name: col.name, type: col.type })),
        source: 'api',
        resource_id: v1.resource_id,
        created: new Date(),
      })
      .execute();
    for (const [i, m] of MEASURES.entries())
      await call('indicator_create', {
        name: `ind-${m}`,
        owner_org: 'bps',
        package_id: 'besar',
        measure: m,
        aggregation: ['avg', 'sum', 'max', 'min', 'avg', 'sum'][i],
        polarity: i % 2 ? 'higher' : 'lower',
        region_column: 'kode',
        region_level: 'regency',
        province_column: 'prov',
        period_column: 'tahun',
        targets: [{ period: '2024', value: 50 }],
      });
    const kinds = ['kpi', 'trend', 'map', 'ranking', 'table'] as const;
    const tiles = Array.from({ length: 60 }, (_, n) => {
      const kind = kinds[n % kinds.length] as string;
      const regency = kind === 'table' && n % 2 === 0;
      return {
        id: `t${n}`,
        kind,
        indicator: `ind-${MEASURES[n % MEASURES.length]}`,
        x: (n % 4) * 3,
        y: Math.floor(n / 4) * 2,
        w: 3,
        h: 2,
        ...(regency ? { options: { level: 'regency', province: n % 4 === 0 ? '32' : '33' } } : {}),
      };
    });
    await call('board_create', { name: 'besar', title: 'Papan besar', organization: 'bps', tiles });
  }, 600_000);
  afterAll(async () => t?.cleanup());

  it('computes once, then answers from the stored values in well under 0.5 s', async () => {
    const time = async () => {
      const t0 = performance.now();
      const view = await call('board_show', { id: 'besar', data: true });
      return { ms: performance.now() - t0, view };
    };
    const cold = await time();
    expect(cold.view.tiles).toHaveLength(60);
    expect(cold.view.tiles.filter((x: Any) => x.data.error)).toEqual([]);
    expect(cold.view.tiles[0].data.lineage.version).toBe(2);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const w = await time();
      expect(w.view.tiles.map((x: Any) => x.data)).toEqual(cold.view.tiles.map((x: Any) => x.data));
      warm.push(w.ms);
    }
    warm.sort((a, b) => a - b);
    const median = warm[2] as number;
    // Every stored row stale (as after a new version): the evaluation computes them again, so
    // the first view after it is fast too.
    await t.services.catalog.db.updateTable('indicator_value').set({ version: 1 }).execute();
    const e0 = performance.now();
    await evaluate(t.services);
    const evaluation = performance.now() - e0;
    const afterEval = await time();
    console.info(
      `60-tile board over ${ROWS} rows: cold ${cold.ms.toFixed(0)} ms, warm median ${median.toFixed(0)} ms ` +
        `(max ${warm[4]?.toFixed(0)}), evaluation ${evaluation.toFixed(0)} ms, first view after it ${afterEval.ms.toFixed(0)} ms`,
    );
    expect(median).toBeLessThan(500);
    expect(afterEval.ms).toBeLessThan(500);
    expect(cold.ms).toBeGreaterThan(median);
  }, 600_000);

  it('a scheduled evaluation with no new version runs no group-by over the table', async () => {
    const datastore = t.services.datastore;
    const aggregate = datastore.aggregate.bind(datastore);
    let groupBys = 0;
    datastore.aggregate = ((...args: Parameters<typeof aggregate>) => {
      groupBys++;
      return aggregate(...args);
    }) as typeof aggregate;
    try {
      const result = await evaluate(t.services);
      expect(result.indicators).toBe(MEASURES.length);
      expect(groupBys).toBe(0);
      // A changed definition is computed again.
      await call('indicator_update', { id: 'ind-a', aggregation: 'max' });
      expect(groupBys).toBeGreaterThan(0);
      const shown = await call('indicator_show', { id: 'ind-a' });
      expect(shown.current.value).toBe(99.9);
    } finally {
      datastore.aggregate = aggregate;
    }
  }, 600_000);
});
