/**
 * The claim behind profiling by classes: every cell of a class shape profiles exactly as its
 * shape does (so one cell, counted n times, stands for n cells), and DuckDB computes the same
 * shapes as JS.
 */

import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '../../../datastore/duckdb/api.js';
import { missingMarkers } from '../../normalise/index.js';
import { ColumnProfile } from '../profile.js';
import { cellCorpus, corpusTable, sameShape } from './corpus.js';
import {
  groupKey,
  isClassKey,
  isClassShape,
  isLongText,
  isSingleShape,
  keySql,
  markerShapes,
  NUMBER_CLASS_BYTES,
  NUMBER_CLASSES,
  SHORT,
  shapeOf,
  shapeSql,
  TEXT_CLASS,
} from './keys.js';

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
  ])('every cell of a class profiles as its key and as its other members (%s)', (_, missing) => {
    const shapes = markerShapes(missingMarkers(missing));
    let classed = 0;
    const byKey = new Map<string, number>();
    for (const [i, cell] of corpus.entries()) {
      const key = groupKey(cell, shapes);
      if (Buffer.byteLength(cell) < SHORT) {
        expect(key).toBe(cell);
        continue;
      }
      if (key !== TEXT_CLASS && isSingleShape(key)) {
        expect(key).toBe(cell);
        continue;
      }
      if (!isClassKey(key, shapes)) {
        expect(key).toBe(shapeOf(cell));
        continue;
      }
      classed++;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
      const expected = sig(key, missing);
      expect(sig(cell, missing), `${cell} ~ ${key}`).toBe(expected);
      const other = sameShape(cell, i);
      expect(groupKey(other, shapes), `${cell} ~ ${other}`).toBe(key);
      expect(sig(other, missing), `${cell} ~ ${other}`).toBe(expected);
    }
    // Numbers and long notes make up much of the corpus: the check is not vacuous.
    expect(classed).toBeGreaterThan(corpus.length / 8);
    // Every number form is met, unless a marker has it.
    for (const { form, key } of NUMBER_CLASSES) {
      if (groupKey(key, shapes) !== key) continue;
      const of = new RegExp(`^(?:${form})$`);
      const met = [...byKey].filter(([k]) => of.test(k)).reduce((n, [, m]) => n + m, 0);
      expect(met, form).toBeGreaterThanOrEqual(10);
    }
  });

  it('keeps a number form from a marker of that form, and knows how long a number form gets', () => {
    const shapes = markerShapes(missingMarkers(['', '-', '1.111']));
    expect(groupKey('2.345', shapes)).toBe('1.111');
    expect(isClassKey('1.111', shapes)).toBe(false);
    expect(groupKey('2.345.678', shapes)).toBe('1.234.567');
    const defaults = markerShapes(missingMarkers(undefined));
    expect(groupKey('2.345', defaults)).toBe('1.234');
    expect(groupKey('25.000', defaults)).toBe('1.000');
    // Digit strings keep their widths apart (code detection reads them), and their leading zeros.
    expect(groupKey('3201190006', defaults)).toBe('1000000000');
    expect(groupKey('32011', defaults)).toBe('10000');
    expect(groupKey('03201', defaults)).toBe('01000');
    expect(groupKey('0320119', defaults)).toBe('0100000');
    expect(groupKey('0320', defaults)).toBe('0320');
    const longest = 'Rp 999.999.999.999.999';
    expect(groupKey(longest, defaults)).toBe('Rp 1.234.567');
    expect(Buffer.byteLength(longest)).toBeLessThanOrEqual(NUMBER_CLASS_BYTES);
    for (const cell of ['Rp 999.999.999.999.999.999', '-999.999.999.999.999.999', '999,999,999,999,999,999'])
      expect(NUMBER_CLASSES.map((c) => c.key)).not.toContain(groupKey(cell, defaults));
  });

  const LONG_MARKER = 'data tidak tersedia untuk wilayah ini pada tahun 2020';
  it.each([
    ['the default missing-value markers', undefined],
    ['a Table Schema with a long marker', ['', '-', LONG_MARKER]],
  ])('every long plain text cell profiles as TEXT_CLASS does (%s)', (_, missing) => {
    const shapes = markerShapes(missingMarkers(missing));
    expect(isLongText(TEXT_CLASS, shapes)).toBe(true);
    const expected = sig(TEXT_CLASS, missing);
    let long = 0;
    for (const cell of corpus) {
      if (!isLongText(cell, shapes)) continue;
      long++;
      expect(sig(cell, missing), cell).toBe(expected);
      expect(isClassShape(shapeOf(cell), shapes), cell).toBe(true);
    }
    expect(long).toBeGreaterThan(corpus.length / 50);
    // Not long plain text: a tab, a trailing space, rupiah amounts only, the marker (by shape).
    for (const cell of [
      'catatan\tlapangan nomor 12345 untuk wilayah ini dan sekitarnya',
      'catatan lapangan nomor 12345 untuk wilayah ini dan sekitarnya ',
      '1.234 rupiah 5.678 rupiah 9.123 rupiah 4.567 rupiah 1',
    ])
      expect(isLongText(cell, shapes), cell).toBe(false);
    expect(isLongText(LONG_MARKER.replace('2020', '2030'), shapes)).toBe(missing === undefined);
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

  it('DuckDB computes the same group keys', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      const cells = [...corpus, TEXT_CLASS, LONG_MARKER, LONG_MARKER.toUpperCase()];
      await corpusTable(c, cells);
      for (const missing of [undefined, ['', '-', LONG_MARKER]]) {
        const shapes = markerShapes(missingMarkers(missing));
        const rows = (
          await c.runAndReadAll(`SELECT i, ${keySql('v', shapes)} AS k FROM t ORDER BY i`)
        ).getRowObjectsJS();
        const keys = cells.map((cell) => groupKey(cell, shapes));
        expect(rows.map((r) => r.k)).toEqual(keys);
        expect(keys.filter((k) => k === TEXT_CLASS).length).toBeGreaterThan(corpus.length / 50);
      }
    } finally {
      c.closeSync();
      db.closeSync();
    }
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
