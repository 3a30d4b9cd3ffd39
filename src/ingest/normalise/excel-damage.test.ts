import { describe, expect, it } from 'vitest';
import { restoreRangeHeaders } from './excel-damage.js';

describe('restoreRangeHeaders', () => {
  it('restores 7/12/01 next to 13-15, 16-18, 19-23', () => {
    expect(restoreRangeHeaders(['Provinsi', '7/12/01', '13-15', '16-18', '19-23'])).toEqual({
      headers: ['Provinsi', '7-12', '13-15', '16-18', '19-23'],
      restored: [{ index: 1, from: '7/12/01', to: '7-12' }],
    });
  });

  it.each([
    '7/12/01',
    '12/7/01',
    '7/12/2001',
    '07/12/2001',
    '7-12-01',
    '2001-07-12',
    '12-Jul',
    '12-Jul-01',
    'Jul-12',
    'Jul 12',
  ])('%j before 13-15 → 7-12', (mangled) => {
    expect(restoreRangeHeaders(['', mangled, '13-15', '16-18']).headers[1]).toBe('7-12');
  });

  it('reads Indonesian month abbreviations', () => {
    expect(restoreRangeHeaders(['12-Agu', '13-15']).headers[0]).toBe('8-12');
    expect(restoreRangeHeaders(['1-7', 'Agt-12']).headers[1]).toBe('8-12');
  });

  it('uses the sibling on either side, and its separator', () => {
    expect(restoreRangeHeaders(['0 - 6', 'Jul-12', '13 - 15']).headers).toEqual([
      '0 - 6',
      '7 - 12',
      '13 - 15',
    ]);
    expect(restoreRangeHeaders(['1-6', '12-Jul']).headers).toEqual(['1-6', '7-12']);
    expect(restoreRangeHeaders(['5–9', '10/14/01']).headers).toEqual(['5–9', '10–14']);
  });

  it('restores a run of mangled headers next to one genuine range', () => {
    const result = restoreRangeHeaders(['Umur', '1/4/01', '5-Sep', '10-14', '15-19']);
    expect(result.headers).toEqual(['Umur', '1-4', '5-9', '10-14', '15-19']);
    expect(result.restored.map((r) => r.index)).toEqual([1, 2]);
    expect(restoreRangeHeaders(['0-4', '5/9/01', '10/14/01', '15-19']).headers).toEqual([
      '0-4',
      '5-9',
      '10-14',
      '15-19',
    ]);
  });

  it('does not restore a range that overlaps its neighbour', () => {
    expect(restoreRangeHeaders(['0-6', '7/12/01', '15-Des']).headers).toEqual(['0-6', '7-12', '15-Des']);
  });

  it('leaves a row of genuine dates alone', () => {
    const rows = [
      ['Tanggal', '13/08/2019', '14/08/2019', '15/08/2019'],
      ['Provinsi', '2019-01-01', '2019-02-01', '2019-03-01'],
      ['', '7/12/01', '8/12/01', '9/12/01'],
      ['', 'Jan-19', 'Feb-19', 'Mar-19'],
      ['', '12-Jul', '13-Jul', '14-Jul'],
    ];
    for (const row of rows) expect(restoreRangeHeaders(row)).toEqual({ headers: row, restored: [] });
  });

  it('leaves a date that does not continue its neighbour alone', () => {
    const row = ['Tanggal', '7/12/01', '20-25'];
    expect(restoreRangeHeaders(row)).toEqual({ headers: row, restored: [] });
    const apart = ['7/12/01', 'Provinsi', '13-15'];
    expect(restoreRangeHeaders(apart).headers).toEqual(apart);
  });

  it('leaves rows without ranges, and genuine ranges, untouched', () => {
    expect(restoreRangeHeaders([]).headers).toEqual([]);
    expect(restoreRangeHeaders(['Provinsi', '2018']).restored).toEqual([]);
    const ranges = ['7-12', '13-15', '16-18'];
    expect(restoreRangeHeaders(ranges)).toEqual({ headers: ranges, restored: [] });
  });

  it('does not change its input', () => {
    const row = ['', '7/12/01', '13-15'];
    restoreRangeHeaders(row);
    expect(row).toEqual(['', '7/12/01', '13-15']);
  });
});
