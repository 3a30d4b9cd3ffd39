/**
 * The claim behind profiling by classes: every cell of a class shape profiles exactly as its
 * shape does (so one cell, counted n times, stands for n cells), and DuckDB computes the same
 * shapes as JS.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { missingMarkers } from '../../normalise/index.js';
import { ColumnProfile } from '../profile.js';
import { cellCorpus, corpusTable, sameShape } from './corpus.js';
import { isClassShape, isSingleShape, markerShapes, SHORT, shapeOf, shapeSql } from './keys.js';

/** Everything a profile counts for one cell. */
function sig(cell: string, missing?: readonly string[]): string {
  const p = new ColumnProfile(missing);
  p.add(cell, 1);
  return JSON.stringify({
    values: p.values,
    missing: p.missing,
    style: p.numberStyle.evidence,
    order: p.dateOrder.evidence,
    code: p.code.result(),
    numeric: p.numeric,
    periods: p.periods,
    floatDamaged: p.floatDamaged,
    booleans: p.booleans,
  });
}

const corpus = cellCorpus(20_000, 'keys');

describe('profile classes', () => {
  it.each([
    ['the default missing-value markers', undefined],
    ['a Table Schema with numeric markers', ['', '-', '99999', '1.111', '0']],
  ])('every cell of a class shape profiles as its shape and as its other members (%s)', (_, missing) => {
    const shapes = markerShapes(missingMarkers(missing));
    let classed = 0;
    for (const [i, cell] of corpus.entries()) {
      const shape = shapeOf(cell);
      if (isSingleShape(shape)) {
        expect(shape).toBe(cell);
        continue;
      }
      if (!isClassShape(shape, shapes)) continue;
      classed++;
      const expected = sig(shape, missing);
      expect(sig(cell, missing), cell).toBe(expected);
      const other = sameShape(cell, i);
      expect(sig(other, missing), `${cell} ~ ${other}`).toBe(expected);
    }
    // Numbers and long notes make up much of the corpus: the check is not vacuous.
    expect(classed).toBeGreaterThan(corpus.length / 8);
  });

  it(`never puts a cell shorter than ${SHORT} bytes in a class`, () => {
    const shapes = markerShapes(missingMarkers(['', '-', '1']));
    const short = [
      ...corpus.filter((cell) => Buffer.byteLength(cell) < SHORT),
      ...Array.from({ length: 10_000 }, (_, n) => String(n)),
      ...['-1234', 'Rp12', 'Rp 1', '1,23', '1.23', '-1.2', '(12)', '12%', '1e5', '0164'],
    ].filter((cell) => Buffer.byteLength(cell) < SHORT);
    expect(short.length).toBeGreaterThan(10_000);
    for (const cell of short) expect(isClassShape(shapeOf(cell), shapes), cell).toBe(false);
    // The bound is tight: five bytes can make a class.
    expect(isClassShape(shapeOf('12345'), shapes)).toBe(true);
    expect(isClassShape(shapeOf('1.234'), shapes)).toBe(true);
  });

  it('never puts dates, periods, years or markers in a class', () => {
    const shapes = markerShapes(missingMarkers(['', '-', '99999']));
    for (const cell of [
      '13/08/2019',
      '13-08-2019',
      '13.08.2019',
      '2019-08-13',
      '13 Agustus 2019',
      'Agustus 2019',
      '2019',
      '2019-08',
      'Triwulan I 2020',
      'Semester 2 2021',
      '12345',
      '99999',
    ])
      expect(isClassShape(shapeOf(cell), shapes) && shapeOf(cell) !== '11111', cell).toBe(false);
    expect(isClassShape(shapeOf('1.234.567'), shapes)).toBe(true);
    expect(isClassShape(shapeOf('catatan lapangan nomor 4411 untuk wilayah ini'), shapes)).toBe(true);
  });

  it('DuckDB computes the same shapes', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      await corpusTable(c, corpus);
      const rows = (
        await c.runAndReadAll(`SELECT i, ${shapeSql('v')} AS k FROM t ORDER BY i`)
      ).getRowObjectsJS();
      expect(rows.map((r) => r.k)).toEqual(corpus.map(shapeOf));
    } finally {
      c.closeSync();
      db.closeSync();
    }
  });
});
