import { describe, expect, it } from 'vitest';
import { formatPeriod, type Period } from './period.js';
import { parsePeriod } from './periods.js';

const day = (year: number, month: number, d: number): Period => {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { kind: 'day', year, month, day: d, start: date, end: date };
};

describe('parsePeriod: days', () => {
  it.each<[string, Period]>([
    ['13 Agustus 2019', day(2019, 8, 13)],
    ['13 agustus 2019', day(2019, 8, 13)],
    ['13 AGUSTUS 2019', day(2019, 8, 13)],
    ['13 Agt 2019', day(2019, 8, 13)],
    ['13 Agt. 2019', day(2019, 8, 13)],
    ['13 Ags 2019', day(2019, 8, 13)],
    ['13 Agu 2019', day(2019, 8, 13)],
    ['13-Agu-2019', day(2019, 8, 13)],
    ['13 August 2019', day(2019, 8, 13)],
    ['August 13, 2019', day(2019, 8, 13)],
    ['Selasa, 13 Agustus 2019', day(2019, 8, 13)],
    ["Jum'at, 16 Agustus 2019", day(2019, 8, 16)],
    ['Senin, 12/08/2019', day(2019, 8, 12)],
    ['Minggu 18 Agt 2019', day(2019, 8, 18)],
    ['1 Januari 2020', day(2020, 1, 1)],
    ['01 Mei 2020', day(2020, 5, 1)],
    ['13/08/2019', day(2019, 8, 13)],
    ['13-08-2019', day(2019, 8, 13)],
    ['13.08.2019', day(2019, 8, 13)],
    ['5/1/2021', day(2021, 1, 5)],
    ['05/01/2021', day(2021, 1, 5)],
    ['13/08/2019 00:00:00', day(2019, 8, 13)],
    ['2019-08-13', day(2019, 8, 13)],
    ['2019/08/13', day(2019, 8, 13)],
    ['2019-08-13T00:00:00', day(2019, 8, 13)],
    ['2019-08-13 00:00:00.000', day(2019, 8, 13)],
    ['2019-08-13T00:00:00+07:00', day(2019, 8, 13)],
    ['29 Februari 2020', day(2020, 2, 29)],
    ['31 Desember 2019', day(2019, 12, 31)],
    [' 13 Agustus 2019 ', day(2019, 8, 13)],
  ])('%j', (raw, period) => {
    expect(parsePeriod(raw)).toEqual({ ok: true, period });
  });

  it('reads numeric dates month first when told', () => {
    expect(parsePeriod('08/13/2019', { dateOrder: 'mdy' })).toEqual({ ok: true, period: day(2019, 8, 13) });
    expect(parsePeriod('05/01/2021', { dateOrder: 'mdy' })).toEqual({ ok: true, period: day(2021, 5, 1) });
    // ISO is always year-month-day
    expect(parsePeriod('2019-08-13', { dateOrder: 'mdy' })).toEqual({ ok: true, period: day(2019, 8, 13) });
  });

  it.each([
    '31 Februari 2020',
    '30 Februari 2020',
    '29 Februari 2019',
    '29 Feb 1900',
    '31 April 2021',
    '0 Januari 2020',
    '32/01/2020',
    '13/13/2019',
    '00/01/2020',
    '2019-02-30',
    '2019-13-01',
    '2019-00',
    '13/2019',
    '13/08/1700',
  ])('%j is an impossible date', (raw) => {
    expect(parsePeriod(raw)).toEqual({ ok: false, reason: 'impossible_date' });
  });

  it('rejects day-first dates read month first', () => {
    expect(parsePeriod('13/08/2019', { dateOrder: 'mdy' })).toEqual({ ok: false, reason: 'impossible_date' });
  });
});

describe('parsePeriod: months, quarters, semesters, years', () => {
  it.each<[string, string, string, string]>([
    // raw, kind, start, end
    ['Agt 2019', 'month', '2019-08-01', '2019-08-31'],
    ['Agustus 2019', 'month', '2019-08-01', '2019-08-31'],
    ['Agustus, 2019', 'month', '2019-08-01', '2019-08-31'],
    ['Agt-2019', 'month', '2019-08-01', '2019-08-31'],
    ['2019 Agustus', 'month', '2019-08-01', '2019-08-31'],
    ['Mei 2020', 'month', '2020-05-01', '2020-05-31'],
    ['Februari 2020', 'month', '2020-02-01', '2020-02-29'],
    ['Feb 2021', 'month', '2021-02-01', '2021-02-28'],
    ['Nopember 2020', 'month', '2020-11-01', '2020-11-30'],
    ['2019-08', 'month', '2019-08-01', '2019-08-31'],
    ['2019/8', 'month', '2019-08-01', '2019-08-31'],
    ['08/2019', 'month', '2019-08-01', '2019-08-31'],
    ['8-2019', 'month', '2019-08-01', '2019-08-31'],
    ['Triwulan I 2020', 'quarter', '2020-01-01', '2020-03-31'],
    ['Triwulan IV 2020', 'quarter', '2020-10-01', '2020-12-31'],
    ['TRIWULAN III TAHUN 2020', 'quarter', '2020-07-01', '2020-09-30'],
    ['TW I 2020', 'quarter', '2020-01-01', '2020-03-31'],
    ['TW II 2020', 'quarter', '2020-04-01', '2020-06-30'],
    ['TW-2 2020', 'quarter', '2020-04-01', '2020-06-30'],
    ['Q1 2020', 'quarter', '2020-01-01', '2020-03-31'],
    ['Q1-2020', 'quarter', '2020-01-01', '2020-03-31'],
    ['q4 2020', 'quarter', '2020-10-01', '2020-12-31'],
    ['Kuartal 1 2020', 'quarter', '2020-01-01', '2020-03-31'],
    ['Kuartal II 2020', 'quarter', '2020-04-01', '2020-06-30'],
    ['2020-Q1', 'quarter', '2020-01-01', '2020-03-31'],
    ['2020Q3', 'quarter', '2020-07-01', '2020-09-30'],
    ['2020 Triwulan II', 'quarter', '2020-04-01', '2020-06-30'],
    ['Semester 2 2021', 'semester', '2021-07-01', '2021-12-31'],
    ['Semester II 2021', 'semester', '2021-07-01', '2021-12-31'],
    ['Semester I 2021', 'semester', '2021-01-01', '2021-06-30'],
    ['semester 1 tahun 2021', 'semester', '2021-01-01', '2021-06-30'],
    ['S2 2021', 'semester', '2021-07-01', '2021-12-31'],
    ['S1 2021', 'semester', '2021-01-01', '2021-06-30'],
    ['Smt II 2021', 'semester', '2021-07-01', '2021-12-31'],
    ['2021-S2', 'semester', '2021-07-01', '2021-12-31'],
    ['2021 Semester II', 'semester', '2021-07-01', '2021-12-31'],
    ['2019', 'year', '2019-01-01', '2019-12-31'],
    ['2019.0', 'year', '2019-01-01', '2019-12-31'],
    ['Tahun 2019', 'year', '2019-01-01', '2019-12-31'],
    [' 2019 ', 'year', '2019-01-01', '2019-12-31'],
  ])('%j → %s %s..%s', (raw, kind, start, end) => {
    expect(parsePeriod(raw)).toMatchObject({ ok: true, period: { kind, start, end } });
  });

  it('fills the numbers of each kind', () => {
    expect(parsePeriod('Triwulan I 2020')).toEqual({
      ok: true,
      period: { kind: 'quarter', year: 2020, quarter: 1, start: '2020-01-01', end: '2020-03-31' },
    });
    expect(parsePeriod('Semester II 2021')).toEqual({
      ok: true,
      period: { kind: 'semester', year: 2021, semester: 2, start: '2021-07-01', end: '2021-12-31' },
    });
    expect(parsePeriod('Mei 2020')).toEqual({
      ok: true,
      period: { kind: 'month', year: 2020, month: 5, start: '2020-05-01', end: '2020-05-31' },
    });
    expect(parsePeriod('2019.0')).toEqual({
      ok: true,
      period: { kind: 'year', year: 2019, start: '2019-01-01', end: '2019-12-31' },
    });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['-', 'missing'],
    ['...', 'missing'],
    ['3201', 'not_a_period'],
    ['1700', 'not_a_period'],
    ['2019.5', 'not_a_period'],
    ['13/08/19', 'not_a_period'],
    ['7/12/01', 'not_a_period'],
    ['13-15', 'not_a_period'],
    ['Q5 2020', 'not_a_period'],
    ['Triwulan V 2020', 'not_a_period'],
    ['Semester 3 2021', 'not_a_period'],
    ['Semester III 2021', 'not_a_period'],
    ['13 Foo 2019', 'not_a_period'],
    ['Foo 2019', 'not_a_period'],
    ['Senin', 'not_a_period'],
    ['13/08/2019 14:30', 'not_a_period'],
    ['Kabupaten Bogor', 'not_a_period'],
    ['x', 'not_a_period'],
    ['Selasa, 13 Agustus 2019 dan seterusnya sampai akhir tahun', 'not_a_period'],
  ])('%j → %s', (raw, reason) => {
    expect(parsePeriod(raw)).toEqual({ ok: false, reason });
  });

  it('uses a Table Schema missingValues list', () => {
    expect(parsePeriod('x', { missingValues: ['x'] })).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('formatPeriod', () => {
  it.each([
    ['13 Agustus 2019', '2019-08-13'],
    ['Agt 2019', '2019-08'],
    ['Triwulan I 2020', '2020-Q1'],
    ['Semester II 2021', '2021-S2'],
    ['2019.0', '2019'],
  ])('%j → %j, and back', (raw, text) => {
    const parsed = parsePeriod(raw);
    if (!parsed.ok) throw new Error(`${raw} did not parse`);
    expect(formatPeriod(parsed.period)).toBe(text);
    expect(parsePeriod(text)).toEqual(parsed);
  });
});
