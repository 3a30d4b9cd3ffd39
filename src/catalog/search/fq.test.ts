import { describe, expect, it } from 'vitest';
import { KendaliError } from '../../core/errors.js';
import { parseFq, splitQuery } from './fq.js';

describe('fq parser', () => {
  it('reads terms, quoted values, ranges and negation', () => {
    expect(
      parseFq(
        'organization:bps tags:"air minum" -license_id:cc-by metadata_modified:[2024-01-01T00:00:00Z TO *]',
      ),
    ).toEqual([
      { field: 'organization', negate: false, value: { kind: 'term', value: 'bps' } },
      { field: 'tags', negate: false, value: { kind: 'term', value: 'air minum' } },
      { field: 'license_id', negate: true, value: { kind: 'term', value: 'cc-by' } },
      {
        field: 'metadata_modified',
        negate: false,
        value: { kind: 'range', from: '2024-01-01T00:00:00Z', to: null },
      },
    ]);
    expect(parseFq('+tags:kesehatan AND groups:pendidikan')).toHaveLength(2);
  });

  it('refuses unknown fields and garbage, naming the field', () => {
    const err = (() => {
      try {
        parseFq('password:x');
      } catch (e) {
        return e as KendaliError;
      }
      return undefined;
    })();
    expect(err?.code).toBe('VALIDATION');
    expect(err?.fields?.fq?.[0]).toMatch(/unknown filter field "password"/);
    expect(() => parseFq('organization bps')).toThrow(KendaliError);
  });

  it('moves field clauses out of q', () => {
    expect(splitQuery('kemiskinan tags:bps jawa')).toEqual({
      text: 'kemiskinan jawa',
      clauses: [{ field: 'tags', negate: false, value: { kind: 'term', value: 'bps' } }],
    });
    expect(splitQuery('*:*').text).toBe('');
  });
});
