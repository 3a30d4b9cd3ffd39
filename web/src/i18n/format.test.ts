import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, MISSING } from './format.js';

describe('formatNumber', () => {
  it('writes Indonesian numbers by default: dot for thousands, comma for decimals', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-0.25, 'id')).toBe('-0,25');
  });

  it('writes English numbers with comma thousands and a decimal point', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });

  it('rounds to two fraction digits unless told otherwise', () => {
    expect(formatNumber(3.45678)).toBe('3,46');
    expect(formatNumber(3.45678, 'id', { maximumFractionDigits: 4 })).toBe('3,4568');
  });

  it('prints a dash for missing or non-finite values', () => {
    expect(formatNumber(undefined)).toBe(MISSING);
    expect(formatNumber(null)).toBe(MISSING);
    expect(formatNumber(Number.NaN)).toBe(MISSING);
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(MISSING);
  });
});

describe('formatPercent', () => {
  it('formats a ratio as a percentage', () => {
    expect(formatPercent(0.125)).toBe('12,5%');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('honours the fraction digits', () => {
    expect(formatPercent(0.12345, 'id', 2)).toBe('12,35%');
    expect(formatPercent(0.12345, 'id', 0)).toBe('12%');
  });

  it('prints a dash for a missing value', () => {
    expect(formatPercent(undefined)).toBe(MISSING);
  });
});

describe('formatDate', () => {
  it('writes long dates with the month name of each language', () => {
    expect(formatDate('2019-08-13')).toBe('13 Agustus 2019');
    expect(formatDate('2019-08-13', 'en')).toBe('13 August 2019');
  });

  it('keeps a date-only string on its calendar day', () => {
    expect(formatDate('2024-01-01')).toBe('1 Januari 2024');
    expect(formatDate('2024-12-31', 'en')).toBe('31 December 2024');
  });

  it('prints an instant as its date in Jakarta time (UTC+7)', () => {
    expect(formatDate('2019-08-12T18:30:00Z')).toBe('13 Agustus 2019');
    expect(formatDate(new Date(Date.UTC(2019, 7, 13, 12)), 'en')).toBe('13 August 2019');
    expect(formatDate(Date.UTC(2019, 7, 13, 12))).toBe('13 Agustus 2019');
  });

  it('prints a dash for missing or invalid dates', () => {
    expect(formatDate(undefined)).toBe(MISSING);
    expect(formatDate('')).toBe(MISSING);
    expect(formatDate('bukan tanggal')).toBe(MISSING);
  });
});
