import { describe, expect, it } from 'vitest';
import { FACETS, pageOf, searchInput } from './search-params.js';

describe('search URL → package_search input', () => {
  it('reads CKAN-style parameters: q, repeated facet values, sort and page', () => {
    const params = new URLSearchParams(
      'q=+kemiskinan+&organization=bps&groups=kemiskinan&res_format=CSV&organization=kemensos&sort=title_string+asc&page=3',
    );
    expect(searchInput(params)).toEqual({
      q: 'kemiskinan',
      fq: 'organization:"bps" organization:"kemensos" groups:"kemiskinan" res_format:"CSV"',
      sort: 'title_string asc',
      rows: 10,
      start: 20,
      'facet.field': JSON.stringify(FACETS),
      'facet.limit': 50,
    });
  });

  it('leaves out what the URL does not say, and quotes values so they cannot add clauses', () => {
    expect(searchInput(new URLSearchParams(''))).toEqual({
      rows: 10,
      start: 0,
      'facet.field': JSON.stringify(FACETS),
      'facet.limit': 50,
    });
    expect(searchInput(new URLSearchParams({ tags: 'a" private:true "b' })).fq).toBe(
      'tags:"a\\" private:true \\"b"',
    );
  });

  it('reads a missing, malformed or too small page as the first', () => {
    for (const page of ['', 'x', '0', '-2']) expect(pageOf(new URLSearchParams({ page }))).toBe(1);
    expect(pageOf(new URLSearchParams({ page: '7' }))).toBe(7);
  });
});
