import { describe, expect, it } from 'vitest';
import { isFloatDamagedInteger, restoreFloatDamage } from './float-damage.js';

describe('isFloatDamagedInteger', () => {
  it.each(['3201.0', '32.0', '3201190006.0', '2019.0', '0.0', '2019.00', ' 3201.0 ', '-5.0'])('%j', (raw) => {
    expect(isFloatDamagedInteger(raw)).toBe(true);
  });

  it.each(['3201', '451.3', '159.03', '3201.01', '32.10', '.0', '3201.', '1.234,0', '', 'abc', '3.2E+03'])(
    '%j is not',
    (raw) => {
      expect(isFloatDamagedInteger(raw)).toBe(false);
    },
  );
});

describe('restoreFloatDamage', () => {
  it.each<[string[], string[]]>([
    [
      ['3201.0', '3202.0', '3271.0'],
      ['3201', '3202', '3271'],
    ],
    [['32.0'], ['32']],
    [['3201190006.0'], ['3201190006']],
    [
      ['2019.0', '2020.0', '2021.0'],
      ['2019', '2020', '2021'],
    ],
    [
      ['3201.0', '', '-', '3202'],
      ['3201', '', '-', '3202'],
    ],
    [[' 3201.0 '], ['3201']],
  ])('%j → %j', (values, expected) => {
    expect(restoreFloatDamage(values)).toEqual({ values: expected, restored: true });
  });

  it.each<[string[]]>([
    [['0.0', '451.3', '159.03']],
    [['3201', '3202']],
    [['3201.0', 'Bogor']],
    [['11.1', '12.0']],
    [[]],
    [['', '-']],
  ])('%j is left as is', (values) => {
    const result = restoreFloatDamage(values);
    expect(result.restored).toBe(false);
    expect(result.values).toBe(values);
  });
});
