import { describe, expect, it } from 'vitest';
import { looksLikeCode } from './codes.js';

describe('looksLikeCode', () => {
  it.each<[string, string[]]>([
    ['leading zeros', ['011', '012', '120']],
    ['zero-padded numbers', ['007', '8', '12']],
    ['letters among digits', ['0164A', '0165', '0166']],
    ['alphanumeric codes of one width', ['A01', 'B02', 'C03']],
    ['route codes', ['1', '2', '1K', 'B13', 'B14', '4B', 'D21']],
    ['16-digit identifiers', ['3201234567890123']],
    ['codes with separators', ['AB-01', 'AB-02']],
  ])('%s are codes', (_, samples) => {
    expect(looksLikeCode(samples).isCode).toBe(true);
  });

  it.each<[string, string[]]>([
    ['integers', ['3201', '3202', '3271']],
    ['years', ['2019', '2020']],
    ['measurements', ['451.3', '0.0', '159.03']],
    ['a single zero', ['0', '5', '10']],
    ['numbers with one stray typo', [...Array.from({ length: 20 }, (_, i) => `${i + 10}`), '12a']],
    ['scientific notation', ['1e5', '2E10', '35']],
    ['text', ['Bogor', 'Bandung']],
    ['Indonesian numbers', ['1.234.567', '12,5']],
    ['nothing', []],
  ])('%s are not', (_, samples) => {
    expect(looksLikeCode(samples).isCode).toBe(false);
  });

  it('reports its evidence', () => {
    expect(looksLikeCode(['0164A', '011', '007', '', '-'])).toEqual({
      isCode: true,
      values: 3,
      leadingZero: 2,
      alphanumeric: 1,
      longDigits: 0,
      fixedWidth: undefined,
    });
    expect(looksLikeCode(['011', '007', '120']).fixedWidth).toBe(3);
    expect(looksLikeCode(['3201', '3202']).fixedWidth).toBe(4);
    expect(looksLikeCode(['3201', 'Bogo']).fixedWidth).toBeUndefined();
  });
});
