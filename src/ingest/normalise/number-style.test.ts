import { describe, expect, it } from 'vitest';
import { inferNumberStyle } from './number-style.js';

describe('inferNumberStyle', () => {
  it.each<[string, string[], 'id' | 'en']>([
    ['dot thousands', ['1.234.567', '12', '1.234'], 'id'],
    ['comma decimal', ['12,5', '1.234', '7'], 'id'],
    ['both Indonesian separators', ['1.234,5'], 'id'],
    ['rupiah amounts', ['Rp 1.250', 'Rp 2.500'], 'id'],
    ['comma thousands', ['2,686,458', '936,927'], 'en'],
    ['both English separators', ['1,234.5', '1,234'], 'en'],
    ['1–2 decimals', ['7.46', '451.3', '11'], 'en'],
    ['one decimal among ambiguous cells', ['1.234', '2.500', '0.5'], 'en'],
    ['float-damaged integers', ['3201.0', '3202.0'], 'en'],
    ['3 decimals with a large integer part', ['1234.567', '1.234'], 'en'],
  ])('%s → %s', (_, samples, style) => {
    expect(inferNumberStyle(samples)).toMatchObject({ style, status: 'decided' });
  });

  it('reports ambiguous with the default when only 1.234-like cells are there', () => {
    const result = inferNumberStyle(['1.234', '12.500', '250.000', '-', '']);
    expect(result).toEqual({
      style: 'id',
      status: 'ambiguous',
      evidence: { id: 0, en: 0, ambiguous: 3, neutral: 0, invalid: 0 },
    });
    expect(inferNumberStyle(['1.234'], { defaultStyle: 'en' })).toMatchObject({
      style: 'en',
      status: 'ambiguous',
    });
  });

  it('reports no evidence for integers only', () => {
    expect(inferNumberStyle(['2019', '1 234', '7', '-', 'x'])).toEqual({
      style: 'id',
      status: 'no_evidence',
      evidence: { id: 0, en: 0, ambiguous: 0, neutral: 3, invalid: 1 },
    });
    expect(inferNumberStyle([])).toMatchObject({ status: 'no_evidence' });
  });

  it('reports a conflict and takes the majority', () => {
    expect(inferNumberStyle(['12,5', '1.234.567', '451.3'])).toMatchObject({
      style: 'id',
      status: 'conflict',
      evidence: { id: 2, en: 1 },
    });
    expect(inferNumberStyle(['12,5', '451.3'], { defaultStyle: 'en' })).toMatchObject({
      style: 'en',
      status: 'conflict',
    });
  });

  it('reads any iterable, once', () => {
    function* cells(): Generator<string> {
      yield '1.234';
      yield '2,686,458';
    }
    expect(inferNumberStyle(cells())).toMatchObject({ style: 'en', status: 'decided' });
    expect(inferNumberStyle(new Set(['12,5']))).toMatchObject({ style: 'id' });
  });

  it('ignores missing markers, by the given list', () => {
    expect(inferNumberStyle(['x', '1.234'], { missingValues: ['x'] }).evidence).toEqual({
      id: 0,
      en: 0,
      ambiguous: 1,
      neutral: 0,
      invalid: 0,
    });
  });
});
