import { describe, expect, it } from 'vitest';
import { resolveColumn, resolveHierarchicalColumn } from './column.js';
import { getRegionIndex } from './load.js';
import { RegionResolver } from './resolver.js';

describe('resolveColumn', () => {
  it('resolves each distinct value once and reports rates and methods', async () => {
    const values = [
      'Kota Bandung',
      'Kota Bandung',
      'Bandung',
      '',
      null,
      'Atlantis',
      'Jabar',
      32.04,
      'Kota Bandung',
    ];
    const col = await resolveColumn(values);
    expect(col.distinct.map((d) => [d.value, d.rows])).toEqual([
      ['Kota Bandung', 3],
      ['Bandung', 1],
      ['Atlantis', 1],
      ['Jabar', 1],
      ['32.04', 1],
    ]);
    expect(col.at(1)?.code).toBe('32.73');
    expect(col.at(3)).toBeUndefined();
    expect(col.at(7)).toMatchObject({ code: '32.04', method: 'code' });
    expect(col.report).toMatchObject({
      rows: 9,
      empty: 2,
      distinct: 5,
      resolved: 3,
      ambiguous: 1,
      unresolved: 1,
      rates: { resolved: 0.6, ambiguous: 0.2, unresolved: 0.2 },
      rowRates: { resolved: 0.7143 },
      byMethod: { exact: 1, alias: 1, code: 1 },
    });
  });

  it('uses a parent per row, given as a code or a name', async () => {
    const col = await resolveColumn(['Banjar', 'Banjar', 'Banjar', 'Banjar'], {
      parents: ['Kalimantan Selatan', '32', 'Kalsel', undefined],
    });
    expect([0, 1, 2, 3].map((i) => col.at(i)?.code)).toEqual(['63.03', '32.79', '63.03', undefined]);
    expect(col.at(3)?.status).toBe('ambiguous');
    expect(col.distinct).toHaveLength(4);
  });

  it('says when a parent is ignored', async () => {
    const resolver = new RegionResolver(await getRegionIndex());
    expect(resolver.resolve('Banjar', { parent: 'Bandung' }).reason).toMatch(/parent "Bandung" ignored/);
  });
});

describe('resolveHierarchicalColumn', () => {
  it('carries the last province down, and reads a repeated province name as its regency', async () => {
    const values = [
      'JAWA BARAT',
      'Bandung',
      'Kota Bandung',
      'GORONTALO',
      'Boalemo',
      'Gorontalo',
      'Kota Gorontalo',
      'INDONESIA',
    ];
    const col = await resolveHierarchicalColumn(values, { bareNameMeans: 'kabupaten' });
    expect(values.map((_, i) => col.at(i)?.code)).toEqual([
      '32',
      '32.04',
      '32.73',
      '75',
      '75.02',
      '75.01',
      '75.71',
      '0',
    ]);
    expect(col.distinct.find((d) => d.value === 'Bandung')?.parent).toBe('32');
  });

  it('leaves namesakes ambiguous without the convention', async () => {
    const col = await resolveHierarchicalColumn(['JAWA BARAT', 'Bandung', 'Garut']);
    expect(col.at(1)?.status).toBe('ambiguous');
    expect(col.at(2)?.code).toBe('32.05');
  });
});
