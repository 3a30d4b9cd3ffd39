import { describe, expect, it } from 'vitest';
import { DEFAULT_MISSING_VALUES, isMissing, MissingMarkers, missingMarkers } from './missing.js';

describe('isMissing with the default markers', () => {
  it.each([
    '',
    ' ',
    '\u00A0',
    '\t',
    '-',
    ' - ',
    '–',
    '—',
    '...',
    '…',
    'NA',
    'N/A',
    'n/a',
    'n.a.',
    'N.A.',
    'na',
    'null',
    'NULL',
    'Null',
    'tidak ada data',
    'Tidak Ada Data',
    'tidak  ada\u00A0data',
  ])('%j is missing', (raw) => {
    expect(isMissing(raw)).toBe(true);
  });

  it.each(['x', 'X', '0', '0.0', '--', '-1', 'nan', 'NaN', 'tidak ada', 'ada', 'Aceh', '....'])(
    '%j is a value',
    (raw) => {
      expect(isMissing(raw)).toBe(false);
    },
  );

  it('treats a cell far longer than every marker as a value', () => {
    expect(isMissing('Kabupaten Kepulauan Siau Tagulandang Biaro')).toBe(false);
    expect(isMissing(`${' '.repeat(200)}-`)).toBe(false);
  });

  it('exposes the default list, frozen', () => {
    expect(DEFAULT_MISSING_VALUES).toContain('...');
    expect(DEFAULT_MISSING_VALUES).not.toContain('x');
    expect(Object.isFrozen(DEFAULT_MISSING_VALUES)).toBe(true);
  });
});

describe('isMissing with a Table Schema missingValues list', () => {
  it('replaces the defaults', () => {
    const schema = ['', 'x'];
    expect(isMissing('x', schema)).toBe(true);
    expect(isMissing('', schema)).toBe(true);
    expect(isMissing('  ', schema)).toBe(true);
    expect(isMissing('-', schema)).toBe(false);
    expect(isMissing('...', schema)).toBe(false);
  });

  it('compares exactly (case included), after trimming', () => {
    const schema = ['NA'];
    expect(isMissing('NA', schema)).toBe(true);
    expect(isMissing(' NA ', schema)).toBe(true);
    expect(isMissing('na', schema)).toBe(false);
    expect(isMissing('', schema)).toBe(false);
  });

  it('compiles a list once and reuses it', () => {
    const schema = ['-'];
    expect(missingMarkers(schema)).toBe(missingMarkers(schema));
  });

  it('accepts a compiled list, optionally case-insensitive', () => {
    const markers = new MissingMarkers(['Tidak Tersedia'], { ignoreCase: true });
    expect(isMissing('tidak tersedia', markers)).toBe(true);
    expect(markers.matches('TIDAK TERSEDIA')).toBe(true);
    expect(markers.matches('')).toBe(false);
    expect(missingMarkers(markers)).toBe(markers);
  });

  it('treats an empty list as "nothing is missing"', () => {
    expect(isMissing('', [])).toBe(false);
    expect(isMissing('-', [])).toBe(false);
  });
});
