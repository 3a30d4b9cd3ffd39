import { describe, expect, it } from 'vitest';
import { type NumberResult, parseNumber } from './numbers.js';

const ok = (value: number, extra: { percent?: boolean; currency?: 'IDR' } = {}): NumberResult => ({
  ok: true,
  value,
  ...extra,
});
const IDR = { currency: 'IDR' } as const;
const PCT = { percent: true } as const;

describe('parseNumber without a style: the cell decides', () => {
  it.each<[string, NumberResult]>([
    // Indonesian
    ['1.234.567,89', ok(1234567.89)],
    ['1.234.567', ok(1234567)],
    ['12,5', ok(12.5)],
    ['0,5', ok(0.5)],
    ['0,500', ok(0.5)],
    ['1234567,89', ok(1234567.89)],
    ['12.345,6', ok(12345.6)],
    ['12,5%', ok(12.5, PCT)],
    ['12,5 %', ok(12.5, PCT)],
    ['Rp 1.250.000', ok(1250000, IDR)],
    ['Rp1.250.000', ok(1250000, IDR)],
    ['Rp. 1.250.000,-', ok(1250000, IDR)],
    ['Rp 1.250.000,00', ok(1250000, IDR)],
    ['rp 5.000', ok(5000, IDR)],
    ['Rp 1.250', ok(1250, IDR)],
    ['Rp 5,-', ok(5, IDR)],
    ['IDR 1.250.000', ok(1250000, IDR)],
    ['IDR 1,250,000.00', ok(1250000, IDR)],
    ['1.250.000 IDR', ok(1250000, IDR)],
    ['-Rp 5.000', ok(-5000, IDR)],
    ['Rp -5.000', ok(-5000, IDR)],
    ['(Rp 5.000)', ok(-5000, IDR)],
    // negatives
    ['(1.234.567)', ok(-1234567)],
    ['(12,5)', ok(-12.5)],
    ['(451.3)', ok(-451.3)],
    ['-1.234.567', ok(-1234567)],
    ['\u22121.234.567', ok(-1234567)],
    ['\u221212,5', ok(-12.5)],
    ['- 12,5', ok(-12.5)],
    ['-7', ok(-7)],
    ['+7', ok(7)],
    ['(0)', ok(0)],
    ['-0', ok(0)],
    // English
    ['2,686,458', ok(2686458)],
    ['936,927', { ok: false, reason: 'ambiguous', readings: { id: 936.927, en: 936927 } }],
    ['1,234.5', ok(1234.5)],
    ['12,345,678.90', ok(12345678.9)],
    ['451.3', ok(451.3)],
    ['159.03', ok(159.03)],
    ['7.46', ok(7.46)],
    ['5.8521', ok(5.8521)],
    ['0.0', ok(0)],
    ['3201.0', ok(3201)],
    ['0.123', ok(0.123)],
    ['1234.567', ok(1234.567)],
    ['410988.00', ok(410988)],
    ['.5', ok(0.5)],
    [',5', ok(0.5)],
    // plain and spaced
    ['2019', ok(2019)],
    ['0', ok(0)],
    ['007', ok(7)],
    ['3201190006', ok(3201190006)],
    [' 12 ', ok(12)],
    ['\u00A012\u00A0', ok(12)],
    ['\u200B12', ok(12)],
    ['1 234 567', ok(1234567)],
    ['1\u00A0234\u00A0567', ok(1234567)],
    ['1\u2009234\u2009567', ok(1234567)],
    ['1\u202F234', ok(1234)],
    ['1 234,5', ok(1234.5)],
    ['1 234.5', ok(1234.5)],
    ['1 234.567', ok(1234.567)],
    // scientific notation from spreadsheets
    ['3.20119E+09', ok(3201190000)],
    ['1.5e-3', ok(0.0015)],
    ['-2E3', ok(-2000)],
  ])('%j', (raw, expected) => {
    expect(parseNumber(raw)).toEqual(expected);
  });

  it.each<[string, { id: number; en: number }]>([
    ['1.234', { id: 1234, en: 1.234 }],
    ['1.000', { id: 1000, en: 1 }],
    ['999.999', { id: 999999, en: 999.999 }],
    ['1,234', { id: 1.234, en: 1234 }],
    ['-1.234', { id: -1234, en: -1.234 }],
    ['\u22121.234', { id: -1234, en: -1.234 }],
    ['(1.234)', { id: -1234, en: -1.234 }],
  ])('%j is ambiguous', (raw, readings) => {
    expect(parseNumber(raw)).toEqual({ ok: false, reason: 'ambiguous', readings });
  });

  it('keeps the percent flag on an ambiguous cell', () => {
    expect(parseNumber('1.234%')).toEqual({
      ok: false,
      reason: 'ambiguous',
      readings: { id: 1234, en: 1.234 },
      percent: true,
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u00A0', 'empty'],
    ['-', 'missing'],
    ['–', 'missing'],
    ['—', 'missing'],
    ['...', 'missing'],
    ['…', 'missing'],
    ['NA', 'missing'],
    ['N/A', 'missing'],
    ['n.a.', 'missing'],
    ['null', 'missing'],
    ['tidak ada data', 'missing'],
    ['x', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['12a', 'not_a_number'],
    ['0164A', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['1.23.456', 'not_a_number'],
    ['12.34,56.78', 'not_a_number'],
    ['1,234,5', 'not_a_number'],
    ['1.234.56', 'not_a_number'],
    ['01.234', 'ok'],
    ['5.', 'not_a_number'],
    ['(5', 'not_a_number'],
    ['5)', 'not_a_number'],
    ['(-5)', 'not_a_number'],
    ['--5', 'not_a_number'],
    ['-+5', 'not_a_number'],
    ['1.234-', 'not_a_number'],
    ['Rp 5 IDR', 'not_a_number'],
    ['USD 5', 'not_a_number'],
    ['Infinity', 'not_a_number'],
    ['NaN', 'not_a_number'],
    ['0x1F', 'not_a_number'],
    ['"2,686,458"', 'not_a_number'],
    ['13-15', 'not_a_number'],
    ['7/12/01', 'not_a_number'],
    ['1'.repeat(70), 'not_a_number'],
  ])('%j → %s', (raw, reason) => {
    const result = parseNumber(raw);
    if (reason === 'ok') expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, reason });
  });
});

describe('parseNumber with a column style', () => {
  it.each<[string, 'id' | 'en', number]>([
    ['1.234', 'id', 1234],
    ['1.234', 'en', 1.234],
    ['1,234', 'id', 1.234],
    ['1,234', 'en', 1234],
    ['1.000', 'id', 1000],
    ['-1.234', 'id', -1234],
    ['(1.234)', 'en', -1.234],
    ['2,686,458', 'en', 2686458],
    ['1.234.567,89', 'id', 1234567.89],
    ['12,5', 'id', 12.5],
    ['451.3', 'en', 451.3],
    ['2019', 'id', 2019],
    ['2019', 'en', 2019],
    ['1 234 567', 'id', 1234567],
    ['1 234 567', 'en', 1234567],
    ['Rp 1.250', 'en', 1.25],
  ])('%j as %s → %d', (raw, style, value) => {
    expect(parseNumber(raw, style)).toMatchObject({ ok: true, value });
  });

  it.each<[string, 'id' | 'en']>([
    ['1,234.5', 'id'],
    ['2,686,458', 'id'],
    ['451.3', 'id'],
    ['3201.0', 'id'],
    ['1.234.567,89', 'en'],
    ['12,5', 'en'],
    ['1.234.567', 'en'],
  ])('%j is not a number under %s', (raw, style) => {
    expect(parseNumber(raw, style)).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it('keeps percent and currency under a style', () => {
    expect(parseNumber('12,5%', 'id')).toEqual({ ok: true, value: 12.5, percent: true });
    expect(parseNumber('Rp. 1.250.000,-', 'id')).toEqual({ ok: true, value: 1250000, currency: 'IDR' });
  });
});

describe('parseNumber with a Table Schema missingValues list', () => {
  it('uses the list instead of the defaults', () => {
    expect(parseNumber('x', undefined, { missingValues: ['x'] })).toEqual({ ok: false, reason: 'missing' });
    expect(parseNumber('-', 'id', { missingValues: ['x'] })).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseNumber('', 'id', { missingValues: ['x'] })).toEqual({ ok: false, reason: 'empty' });
  });
});
