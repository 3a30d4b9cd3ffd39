import { describe, expect, it } from 'vitest';
import { inferDateOrder } from './dates.js';
import { daysInMonth } from './period.js';

describe('inferDateOrder', () => {
  it('decides day first when a first part is above 12', () => {
    expect(inferDateOrder(['05/01/2021', '13/01/2021', '-', ''])).toEqual({
      order: 'dmy',
      status: 'decided',
      evidence: { dmy: 1, mdy: 0, ambiguous: 1, neutral: 0 },
    });
  });

  it('decides month first when a second part is above 12', () => {
    expect(inferDateOrder(['01/05/2021', '01/13/2021', '12-31-2020'])).toMatchObject({
      order: 'mdy',
      status: 'decided',
    });
  });

  it('reports ambiguous with the Indonesian default when nothing decides', () => {
    expect(inferDateOrder(['05/01/2021', '06/01/2021', '01/01/2021'])).toEqual({
      order: 'dmy',
      status: 'ambiguous',
      evidence: { dmy: 0, mdy: 0, ambiguous: 2, neutral: 1 },
    });
    expect(inferDateOrder(['05/01/2021'], { defaultOrder: 'mdy' })).toMatchObject({
      order: 'mdy',
      status: 'ambiguous',
    });
  });

  it('reports a conflict and takes the majority', () => {
    expect(inferDateOrder(['13/01/2021', '14/01/2021', '01/13/2021'])).toMatchObject({
      order: 'dmy',
      status: 'conflict',
      evidence: { dmy: 2, mdy: 1 },
    });
  });

  it('has no evidence without numeric dates', () => {
    expect(inferDateOrder(['2019-08-13', '13 Agustus 2019', 'Q1 2020'])).toMatchObject({
      order: 'dmy',
      status: 'no_evidence',
      evidence: { neutral: 3 },
    });
  });
});

describe('daysInMonth', () => {
  it.each([
    [2020, 2, 29],
    [2019, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2021, 4, 30],
    [2021, 12, 31],
  ])('%d-%d has %d days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});
