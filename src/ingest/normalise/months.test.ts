import { describe, expect, it } from 'vitest';
import { monthFromHeader, monthFromName } from './months.js';

describe('monthFromName', () => {
  it.each<[string, number]>([
    ['Januari', 1],
    ['JANUARI', 1],
    ['jan', 1],
    ['Februari', 2],
    ['Pebruari', 2],
    ['Feb', 2],
    ['Maret', 3],
    ['Mar', 3],
    ['April', 4],
    ['Apr', 4],
    ['Mei', 5],
    ['May', 5],
    ['Juni', 6],
    ['Jun', 6],
    ['Juli', 7],
    ['Jul', 7],
    ['Agustus', 8],
    ['Agu', 8],
    ['Agt', 8],
    ['Agt.', 8],
    ['Ags', 8],
    ['Agust', 8],
    ['August', 8],
    ['Aug', 8],
    ['September', 9],
    ['Sep', 9],
    ['Sept', 9],
    ['Oktober', 10],
    ['Okt', 10],
    ['October', 10],
    ['Oct', 10],
    ['November', 11],
    ['Nopember', 11],
    ['Nov', 11],
    ['Desember', 12],
    ['Des', 12],
    ['December', 12],
    ['Dec', 12],
  ])('%s → %d', (name, month) => {
    expect(monthFromName(name)).toBe(month);
  });

  it.each(['', 'Ja', 'Tahunan', 'Total', 'Mey', 'Agustusan', 'Agt..', '8'])('%j is not a month', (name) => {
    expect(monthFromName(name)).toBeUndefined();
  });
});

describe('monthFromHeader', () => {
  it('reads the BPS month header row, with Tahunan as the total', () => {
    const row = ['', 'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus'];
    const more = ['September', 'Oktober', 'November', 'Desember', 'Tahunan'];
    expect([...row, ...more].map(monthFromHeader)).toEqual([
      { kind: 'other' },
      ...Array.from({ length: 12 }, (_, i) => ({ kind: 'month', month: i + 1 })),
      { kind: 'total' },
    ]);
  });

  it.each<[string, ReturnType<typeof monthFromHeader>]>([
    [' Mei ', { kind: 'month', month: 5 }],
    ['MEI*', { kind: 'month', month: 5 }],
    ['\u00A0Agustus\u00A0', { kind: 'month', month: 8 }],
    ['Agt.', { kind: 'month', month: 8 }],
    ['Total', { kind: 'total' }],
    ['TOTAL', { kind: 'total' }],
    ['Jumlah', { kind: 'total' }],
    ['Provinsi', { kind: 'other' }],
    ['Mei 2020', { kind: 'other' }],
    ['2020', { kind: 'other' }],
    ['', { kind: 'other' }],
  ])('%j → %o', (header, expected) => {
    expect(monthFromHeader(header)).toEqual(expected);
  });
});
