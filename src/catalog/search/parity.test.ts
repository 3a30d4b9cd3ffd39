/**
 * The in-process index answers package_search as PostgreSQL full-text search does: the same
 * datasets, counts and facets for the same query and caller, on both catalog engines. Order
 * may differ only where relevance ties; title matches come first on both paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import type { Actor } from '../../actions/types.js';
import { KendaliError } from '../../core/errors.js';
import { searchCatalog } from './catalog-search.js';
import { FACET_FIELDS } from './facets.js';
import type { SearchParams } from './params.js';
import { actor, admin, orgs, seedSearchFixture } from './parity-fixture.js';
import { type SearchResult, searchDatasets } from './search.js';
import { searchIndexOf } from './search-index.js';

const params = (p: Partial<SearchParams>): SearchParams => ({
  rows: 1000,
  start: 0,
  facetFields: [],
  facetLimit: 50,
  facetMincount: 1,
  includePrivate: false,
  includeDrafts: false,
  ...p,
});

const names = (r: SearchResult) => r.results.map((d) => d.name);

describe.each(['pglite', 'postgres'] as const)('search index parity on %s', (engine) => {
  let t: TestServices;
  const both = async (who: Actor | null, p: SearchParams) => {
    const store = t.services.catalog;
    const viaSql = await searchDatasets(store.db, who, p);
    await searchIndexOf(store).ready();
    const viaIndex = await searchCatalog(store, who, p);
    return { viaSql, viaIndex };
  };
  const same = async (who: Actor | null, p: SearchParams, ordered = false) => {
    const { viaSql, viaIndex } = await both(who, p);
    expect(viaIndex.count, JSON.stringify(p)).toBe(viaSql.count);
    if (ordered) expect(names(viaIndex)).toEqual(names(viaSql));
    else expect([...names(viaIndex)].sort()).toEqual([...names(viaSql)].sort());
    expect(viaIndex.facets).toEqual(viaSql.facets);
    expect(viaIndex.search_facets).toEqual(viaSql.search_facets);
    expect(viaIndex.sort).toBe(viaSql.sort);
    return { viaSql, viaIndex };
  };

  beforeAll(async () => {
    t = await openTestServices(engine, { regions: true });
    await seedSearchFixture(t);
  });
  afterAll(async () => t.cleanup());

  it('finds stemmed words and corrects typos as PostgreSQL does', async () => {
    const stem = await same(null, params({ q: 'membangun' }));
    expect(names(stem.viaIndex)).toEqual(['pembangunan-jalan-desa']);
    const typo = await same(null, params({ q: 'kemiskinn', facetFields: [...FACET_FIELDS] }));
    expect(typo.viaIndex.count).toBe(4);
    for (const r of [typo.viaSql, typo.viaIndex]) expect(names(r).at(-1)).toBe('catatan-umum');
    await same(null, params({ q: 'penduduk miskin' }));
    await same(null, params({ q: 'jawa barat imunisasi' }));
    await same(null, params({ q: 'kemiskinan tags:kesejahteraan' }));
    await same(null, params({ q: 'tidakadakatasepertiini' }));
  });

  it('ranks title matches first on both paths', async () => {
    const { viaSql, viaIndex } = await same(null, params({ q: 'kemiskinan' }));
    for (const r of [viaSql, viaIndex]) {
      const inTitle = names(r).map((n) =>
        /kemiskinan|miskin/.test(r.results.find((d) => d.name === n)?.title.toLowerCase() ?? ''),
      );
      expect(inTitle.indexOf(false)).toBeGreaterThan(inTitle.lastIndexOf(true));
    }
    const phrase = await same(null, params({ q: 'penduduk miskin' }));
    expect(names(phrase.viaIndex)[0]).toBe('persentase-penduduk-miskin');
  });

  it('filters with fq as PostgreSQL does, including ranges, negation and missing values', async () => {
    const modified = (
      await t.services.catalog.db
        .selectFrom('dataset')
        .select('modified')
        .where('name', '=', 'garis-kemiskinan')
        .executeTakeFirstOrThrow()
    ).modified;
    const at = modified.toISOString();
    const fqs = [
      'organization:bps',
      `owner_org:${orgs.dinkes}`,
      'owner_org:bappeda',
      'tags:"air minum"',
      '-tags:kemiskinan',
      'res_format:csv',
      '-res_format:CSV',
      'license_id:cc-by',
      '-license_id:cc-by',
      'metadata_modified:[2000-01-01T00:00:00Z TO *]',
      'metadata_modified:[* TO 2020-01-01T00:00:00Z]',
      `metadata_modified:[${at} TO *]`,
      `metadata_modified:[* TO ${at}]`,
      `metadata_modified:${at}`,
      '-metadata_modified:[* TO 2020-01-01]',
      'metadata_created:[2019-01-01T00:00:00.5 TO 2019-01-01T00:00:00.5]',
      'region:32',
      'region:32.73',
      '-region:33',
      'frekuensi_pemutakhiran:tahunan',
      '-frekuensi_pemutakhiran:tahunan',
      'cakupan_wilayah_tingkat:provinsi',
      'data_prioritas:true',
      'data_prioritas:false',
      'groups:kemiskinan',
      '-groups:kemiskinan',
      'name:garis-kemiskinan',
      `id:${orgs.bps}`,
      'quality:[50 TO *]',
      'private:false',
      'state:active',
      'organization:bps tags:kemiskinan',
      'tags:kesehatan -groups:kemiskinan',
    ];
    for (const fq of fqs)
      await same(null, params({ fq, facetFields: ['organization', 'tags', 'license_id'] }));
    await same(null, params({ fq_list: ['organization:bps', '-tags:kemiskinan'] }));
    await same(null, params({ q: 'kemiskinan', fq: '-license_id:odc-by' }));
  });

  it('facets every field with limits and minimum counts', async () => {
    await same(null, params({ facetFields: [...FACET_FIELDS] }));
    await same(null, params({ facetFields: [...FACET_FIELDS], facetLimit: 2 }));
    await same(null, params({ facetFields: [...FACET_FIELDS], facetMincount: 2, facetLimit: -1 }));
    await same(null, params({ q: 'kesehatan', facetFields: [...FACET_FIELDS], facetLimit: 0 }));
  });

  it('sorts and pages as PostgreSQL does', async () => {
    for (const sort of [
      'name asc',
      'name desc',
      'title_string asc',
      'title desc',
      'metadata_modified desc',
      'metadata_created asc',
      'quality desc, name desc',
    ]) {
      await same(null, params({ sort }), true);
      for (const start of [0, 2, 4]) await same(null, params({ sort, rows: 2, start }), true);
    }
    await same(null, params({ q: 'kemiskinan', sort: 'metadata_modified desc' }), true);
    await same(null, params({ rows: 0, facetFields: ['tags'] }), true);
  });

  it('shows private and draft datasets only to whom visibleSql does', async () => {
    const who = [
      null,
      actor('3', { bps: 'member' }),
      actor('4', { dinkes: 'admin' }),
      actor('5', { dinkes: 'produsen' }),
      actor('2', { bappeda: 'produsen' }),
      admin(),
    ];
    for (const a of who)
      for (const includePrivate of [false, true])
        for (const includeDrafts of [false, true]) {
          const p = params({ includePrivate, includeDrafts, facetFields: ['tags', 'organization'] });
          await same(a, p);
          await same(a, {
            ...p,
            q: 'kemiskinan kesehatan rahasia rancangan'.split(' ')[a === null ? 0 : 1] ?? '',
          });
        }
    const member = await same(
      actor('3', { bps: 'member' }),
      params({ q: 'kemiskinan', includePrivate: true }),
    );
    expect(names(member.viaIndex)).toContain('data-rahasia-kemiskinan');
    const outsider = await same(
      actor('4', { dinkes: 'admin' }),
      params({ q: 'kemiskinan', includePrivate: true, facetFields: ['tags'] }),
    );
    expect(names(outsider.viaIndex)).not.toContain('data-rahasia-kemiskinan');
    expect(outsider.viaIndex.facets.tags?.rahasia).toBeUndefined();
  });

  it('refuses the same bad input the same way', async () => {
    for (const p of [
      params({ fq: 'metadata_modified:[kemarin TO *]' }),
      params({ fq: 'tags:[a TO b]' }),
      params({ sort: 'sideways asc' }),
      params({ facetFields: ['password'] }),
      params({ fq: 'quality:[x TO *]' }),
    ]) {
      const err = async (f: () => Promise<unknown>) =>
        f().then(
          () => null,
          (e: unknown) => e as KendaliError,
        );
      const a = await err(() => searchDatasets(t.services.catalog.db, null, p));
      const b = await err(() => searchCatalog(t.services.catalog, null, p));
      expect(b).toBeInstanceOf(KendaliError);
      expect([b?.code, b?.fields]).toEqual([a?.code, a?.fields]);
    }
  });
});
