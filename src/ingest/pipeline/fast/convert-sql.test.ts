/**
 * Wherever the SQL conversion gives a value, it is the value the JS conversion gives (convert.ts
 * stays the authority; SQL only takes the common shapes faster), and it does take them.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '../../../datastore/duckdb/api.js';
import { missingMarkers } from '../../normalise/index.js';
import { convertCell } from '../convert.js';
import type { FieldPlan } from '../types.js';
import { convertSql } from './convert-sql.js';
import { cellCorpus, corpusTable, sameShape } from './corpus.js';
import { groupKey, isClassKey, markerShapes } from './keys.js';

const corpus = cellCorpus(20_000, 'convert');
let db: DuckDBInstance;
let c: Awaited<ReturnType<DuckDBInstance['connect']>>;

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  c = await db.connect();
  await corpusTable(c, corpus);
});
afterAll(() => {
  c.closeSync();
  db.closeSync();
});

const field = (over: Partial<FieldPlan>): FieldPlan => ({
  name: 'f',
  title: 'f',
  source: 0,
  type: 'string',
  reason: '',
  ...over,
});

const CASES: [string, Partial<FieldPlan>, readonly string[] | undefined, number][] = [
  ['text', { type: 'string' }, undefined, 0.3],
  ['text, Excel float damage', { type: 'string', floatDamage: true }, undefined, 0.3],
  ['integers, 1.234.567', { type: 'integer', numberStyle: 'id' }, undefined, 0.05],
  ['integers, 1,234,567', { type: 'integer', numberStyle: 'en' }, undefined, 0.05],
  ['decimals, 1.234,5', { type: 'number', numberStyle: 'id' }, undefined, 0.1],
  ['decimals, 1,234.5', { type: 'number', numberStyle: 'en' }, undefined, 0.1],
  ['decimals with numeric markers', { type: 'number', numberStyle: 'id' }, ['', '-', '0', '1.234'], 0.1],
  ['dates, day first', { type: 'date', dateOrder: 'dmy' }, undefined, 0.02],
  ['dates, month first', { type: 'date', dateOrder: 'mdy' }, undefined, 0.02],
];

describe('SQL conversions agree with JS', () => {
  it.each(CASES)('%s', async (_, over, missing, share) => {
    const f = field(over);
    const markers = missingMarkers(missing);
    const lower = markers.values.map((m) => m.toLowerCase());
    const sql = convertSql('v', f, lower);
    expect(sql).toBeDefined();
    const rows = (await c.runAndReadAll(`SELECT i, v, ${sql} AS x FROM t ORDER BY i`)).getRowObjectsJS();
    let taken = 0;
    for (const r of rows) {
      if (r.x === null) continue;
      taken++;
      const js = convertCell(f, r.v as string, markers);
      const sqlValue =
        typeof r.x === 'bigint' ? Number(r.x) : r.x instanceof Date ? r.x.toISOString().slice(0, 10) : r.x;
      expect(js.ok, String(r.v)).toBe(true);
      if (js.ok)
        expect(
          Object.is(sqlValue, js.value) || sqlValue === js.value,
          `${String(r.v)}: SQL ${String(sqlValue)}, JS ${String(js.value)}`,
        ).toBe(true);
    }
    // SQL takes its share of the corpus: the comparison is not vacuous.
    expect(taken).toBeGreaterThan(corpus.length * share);
  });

  it('a cell equal to a missing-value marker is left to JS (which reads it as missing)', async () => {
    const f = field({ type: 'integer', numberStyle: 'id' });
    const sql = convertSql("'1.234'", f, ['1.234']);
    const [r] = (await c.runAndReadAll(`SELECT ${sql} AS x`)).getRowObjectsJS();
    expect(r?.x).toBeNull();
    expect(convertCell(f, '1.234', missingMarkers(['1.234']))).toEqual({ ok: true, value: null });
  });

  it('types without a SQL conversion leave every cell to JS', () => {
    for (const type of ['boolean', 'year', 'yearmonth', 'period'] as const)
      expect(convertSql('v', field({ type }), [])).toBeUndefined();
  });

  // The DuckDB path reads off a class's key whether its cells convert (index.ts): so every cell
  // of a class must convert, in JS and in SQL, exactly when its key does.
  it.each(CASES)('a class key converts as its cells do (%s)', async (_, over, missing) => {
    const f = field(over);
    const markers = missingMarkers(missing);
    const shapes = markerShapes(markers);
    const lower = markers.values.map((m) => m.toLowerCase());
    const sql = convertSql('v', f, lower) as string;
    const classed = corpus.flatMap((cell, i) => {
      const key = groupKey(cell, shapes);
      return isClassKey(key, shapes) ? [cell, key, sameShape(cell, i)] : [];
    });
    await corpusTable(c, classed, 'k');
    const bySql = (await c.runAndReadAll(`SELECT (${sql}) IS NOT NULL AS ok FROM k ORDER BY i`))
      .getRowObjectsJS()
      .map((r) => r.ok);
    const byJs = classed.map((cell) => {
      const r = convertCell(f, cell, markers);
      return r.ok ? (r.value === null ? 'missing' : 'value') : 'misfit';
    });
    for (let i = 0; i < classed.length; i += 3)
      for (const j of [i + 1, i + 2])
        expect([byJs[j], bySql[j]], `${classed[i]} ~ ${classed[j]}`).toEqual([byJs[i], bySql[i]]);
    expect(classed.length).toBeGreaterThan(corpus.length / 4);
  });

  // The trusted form (no checks of shape and markers) is used only for cells the checked form
  // converts: there it must give the same value.
  it.each(CASES)("the trusted conversion gives the checked one's value (%s)", async (_, over, missing) => {
    const f = field(over);
    const lower = missingMarkers(missing).values.map((m) => m.toLowerCase());
    const checked = convertSql('v', f, lower) as string;
    const trusted = convertSql('v', f, lower, true) as string;
    const rows = (
      await c.runAndReadAll(
        `SELECT v, x, y FROM (SELECT i, v, ${checked} AS x, ${trusted} AS y FROM t) WHERE x IS NOT NULL ORDER BY i`,
      )
    ).getRowObjectsJS();
    expect(rows.length).toBeGreaterThan(corpus.length / 50);
    for (const r of rows) expect(r.y, String(r.v)).toEqual(r.x);
    if (f.type !== 'date') expect(trusted).not.toContain('regexp_full_match');
  });
});
