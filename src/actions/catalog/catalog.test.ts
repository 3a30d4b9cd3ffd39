import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { KendaliError } from '../../core/errors.js';
import { makeContext } from '../../http/context.js';
import type { Actor, OrgRole } from '../types.js';

// biome-ignore lint/suspicious/noExplicitAny: CKAN dicts are read loosely in this test
type Json = Record<string, any>;

describe.each(['pglite', 'postgres'] as const)('catalog actions on %s', (engine) => {
  let t: TestServices;
  const orgs: Record<string, string> = {};
  const actor = (name: string, roles: Record<string, OrgRole> = {}, sysadmin = false): Actor => ({
    id: `00000000-0000-4000-8000-${String(name.length).padStart(12, '0')}`,
    name,
    sysadmin,
    memberships: Object.fromEntries(Object.entries(roles).map(([org, r]) => [orgs[org] ?? org, r])),
  });
  const call = (who: Actor | null, name: string, input: unknown) =>
    t.registry.call(name, makeContext(t.registry, t.services, who, 'id', 'test'), input) as Promise<Json>;
  const fails = async (p: Promise<unknown>): Promise<KendaliError> => {
    try {
      await p;
    } catch (e) {
      if (e instanceof KendaliError) return e;
      throw e;
    }
    throw new Error('expected a KendaliError');
  };
  const admin = actor('sysadmin', {}, true);

  beforeAll(async () => {
    t = await openTestServices(engine, { regions: true });
    const institutions: [string, string][] = [
      ['bps', 'Badan Pusat Statistik'],
      ['kemenkes', 'Kementerian Kesehatan'],
    ];
    for (const [name, title] of institutions) {
      const org = await call(admin, 'organization_create', { name, title, org_type: 'agency' });
      orgs[name] = org.id;
    }
    await call(admin, 'group_create', { name: 'kemiskinan', title: 'Kemiskinan' });
    await call(admin, 'group_create', { name: 'infrastruktur', title: 'Infrastruktur' });
  });
  afterAll(async () => t.cleanup());

  it('creates a dataset with resources, tags, groups and Satu Data fields, in CKAN’s shape', async () => {
    const produsen = actor('produsen', { bps: 'produsen' });
    const ds = await call(produsen, 'package_create', {
      name: 'persentase-penduduk-miskin',
      title: 'Persentase Penduduk Miskin Menurut Provinsi',
      owner_org: 'bps',
      notes: 'Persentase penduduk yang berada di bawah garis kemiskinan.',
      license_id: 'cc-by',
      tags: [{ name: 'kemiskinan' }, { name: 'kesejahteraan' }],
      groups: [{ name: 'kemiskinan' }],
      author_email: 'data@bps.go.id',
      standar_data: { konsep: 'Kemiskinan moneter', satuan: 'persen' },
      frekuensi_pemutakhiran: 'semesteran',
      cakupan_wilayah_tingkat: 'provinsi',
      cakupan_wilayah: ['32', '33'],
      data_prioritas: true,
      resources: [
        { name: 'Tabel CSV', url: 'https://example.org/miskin.csv', format: 'CSV' },
        { name: 'Tabel XLSX', url: 'https://example.org/miskin.xlsx', format: 'XLSX', catatan: 'versi 2024' },
      ],
    });
    expect(ds).toMatchObject({
      name: 'persentase-penduduk-miskin',
      type: 'dataset',
      state: 'active',
      private: false,
      owner_org: orgs.bps,
      license_title: 'Creative Commons Attribution',
      isopen: true,
      num_resources: 2,
      num_tags: 2,
      organization: { name: 'bps', title: 'Badan Pusat Statistik', is_organization: true },
      groups: [{ name: 'kemiskinan', title: 'Kemiskinan' }],
      standar_data: { konsep: 'Kemiskinan moneter', satuan: 'persen' },
      cakupan_wilayah: ['32', '33'],
      data_prioritas: true,
    });
    expect(ds.metadata_created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(ds.tags.map((x: Json) => x.name)).toEqual(['kemiskinan', 'kesejahteraan']);
    expect(ds.resources.map((r: Json) => [r.name, r.format, r.position, r.package_id])).toEqual([
      ['Tabel CSV', 'CSV', 0, ds.id],
      ['Tabel XLSX', 'XLSX', 1, ds.id],
    ]);
    expect(ds.resources[1].catatan).toBe('versi 2024');
    expect(ds.quality.checks).toHaveLength(9);
    expect(ds.quality.checks.find((c: Json) => c.id === 'reachable').verdict).toBe('unknown');
    expect(ds.quality.score).toBeGreaterThan(0);
    const shown = await call(null, 'package_show', { id: 'persentase-penduduk-miskin' });
    // package_show adds Kendali's `usage` (src/catalog/usage.ts) to the same CKAN dict.
    expect(shown).toEqual({ ...ds, usage: { views_30d: 0, downloads_30d: 0 } });
  });

  it('refuses bad input with every bad field named, and saves nothing', async () => {
    const produsen = actor('produsen', { bps: 'produsen' });
    const e = await fails(
      call(produsen, 'package_create', {
        name: 'x y',
        owner_org: 'bps',
        author_email: 'not-an-email',
        surprise: 1,
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(
      expect.arrayContaining(['author_email', 'name', 'surprise']),
    );
    const dup = await fails(
      call(produsen, 'package_create', { name: 'persentase-penduduk-miskin', owner_org: 'bps' }),
    );
    expect(dup.fields).toEqual({ name: ['That URL is already in use.'] });
    const xss = await fails(
      call(produsen, 'package_create', {
        name: 'xss',
        owner_org: 'bps',
        notes: 'hai <img src=x onerror=alert(1)>',
        cakupan_wilayah: ['99'],
      }),
    );
    expect(Object.keys(xss.fields ?? {}).sort()).toEqual(['cakupan_wilayah', 'notes']);
    expect(await fails(call(null, 'package_show', { id: 'xss' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets only editors of the institution write', async () => {
    const other = actor('other', { kemenkes: 'admin' });
    const member = actor('member', { bps: 'member' });
    expect((await fails(call(other, 'package_create', { name: 'nope', owner_org: 'bps' }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await fails(call(member, 'package_patch', { id: 'persentase-penduduk-miskin', title: 'x' }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await fails(call(null, 'package_patch', { id: 'persentase-penduduk-miskin', title: 'x' }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await fails(
          call(actor('produsen', { bps: 'produsen' }), 'package_delete', {
            id: 'persentase-penduduk-miskin',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('searches in Bahasa Indonesia: stems, tolerates typos, ranks title matches first, facets and filters', async () => {
    const walidata = actor('walidata', { bps: 'walidata', kemenkes: 'walidata' });
    await call(walidata, 'package_create', {
      name: 'pembangunan-jalan-desa',
      title: 'Pembangunan Jalan Desa',
      owner_org: 'kemenkes',
      notes: 'Panjang jalan desa yang dibangun.',
      tags: [{ name: 'infrastruktur' }],
      groups: [{ name: 'infrastruktur' }],
      resources: [{ url: 'https://example.org/jalan.csv', format: 'csv' }],
    });
    await call(walidata, 'package_create', {
      name: 'garis-kemiskinan',
      title: 'Garis Kemiskinan',
      owner_org: 'bps',
      tags: [{ name: 'kemiskinan' }],
    });
    await call(walidata, 'package_create', {
      name: 'catatan-umum',
      title: 'Catatan Umum Statistik',
      owner_org: 'bps',
      notes: 'Termasuk tabel kemiskinan sebagai lampiran.',
    });
    const stemmed = await call(null, 'package_search', { q: 'membangun' });
    expect(stemmed.results.map((r: Json) => r.name)).toEqual(['pembangunan-jalan-desa']);
    const typo = await call(null, 'package_search', {
      q: 'kemiskinn',
      'facet.field': '["organization","tags","res_format","groups"]',
    });
    const names = typo.results.map((r: Json) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['garis-kemiskinan', 'persentase-penduduk-miskin', 'catatan-umum']),
    );
    expect(names.indexOf('catatan-umum')).toBe(names.length - 1);
    expect(typo.count).toBe(3);
    expect(typo.facets.organization).toEqual({ bps: 3 });
    expect(typo.search_facets.organization.items[0]).toEqual({
      name: 'bps',
      display_name: 'Badan Pusat Statistik',
      count: 3,
    });
    expect(typo.facets.tags.kemiskinan).toBe(2);
    const byOrg = await call(null, 'package_search', { fq: 'organization:kemenkes' });
    expect(byOrg.results.map((r: Json) => r.name)).toEqual(['pembangunan-jalan-desa']);
    const byFormat = await call(null, 'package_search', { fq: 'res_format:CSV' });
    expect(byFormat.results.map((r: Json) => r.name).sort()).toEqual([
      'pembangunan-jalan-desa',
      'persentase-penduduk-miskin',
    ]);
    const since = await call(null, 'package_search', {
      fq: 'metadata_modified:[2000-01-01T00:00:00Z TO *]',
      rows: 2,
      sort: 'name asc',
    });
    expect(since.count).toBe(4);
    expect(since.results.map((r: Json) => r.name)).toEqual(['catatan-umum', 'garis-kemiskinan']);
    const none = await call(null, 'package_search', { fq: 'metadata_modified:[* TO 2000-01-01T00:00:00Z]' });
    expect(none.count).toBe(0);
    expect((await fails(call(null, 'package_search', { fq: 'secret:1' }))).fields?.fq?.[0]).toMatch(
      /unknown filter field/,
    );
  });

  it('keeps private datasets out of every listing for outsiders', async () => {
    const walidata = actor('walidata', { bps: 'walidata' });
    await call(walidata, 'package_create', {
      name: 'data-rahasia-kemiskinan',
      title: 'Kemiskinan Rahasia',
      owner_org: 'bps',
      private: true,
      tags: [{ name: 'rahasia' }],
    });
    const outsider = actor('outsider', { kemenkes: 'admin' });
    for (const who of [null, outsider]) {
      const s = await call(who, 'package_search', {
        q: 'kemiskinan',
        include_private: true,
        'facet.field': '["tags"]',
      });
      expect(s.results.map((r: Json) => r.name)).not.toContain('data-rahasia-kemiskinan');
      expect(s.facets.tags.rahasia).toBeUndefined();
      expect((await fails(call(who, 'package_show', { id: 'data-rahasia-kemiskinan' }))).code).toBe(
        'NOT_FOUND',
      );
      const orgList = (await call(who, 'organization_list', { all_fields: true })) as unknown as Json[];
      expect(orgList.find((o) => o.name === 'bps')?.package_count).toBe(3);
    }
    expect(await call(null, 'package_list', {})).not.toContain('data-rahasia-kemiskinan');
    expect(await call(null, 'tag_list', {})).not.toContain('rahasia');
    const member = actor('member', { bps: 'member' });
    const mine = await call(member, 'package_search', { q: 'kemiskinan', include_private: true });
    expect(mine.results.map((r: Json) => r.name)).toContain('data-rahasia-kemiskinan');
    const withoutFlag = await call(member, 'package_search', { q: 'kemiskinan' });
    expect(withoutFlag.results.map((r: Json) => r.name)).not.toContain('data-rahasia-kemiskinan');
    expect((await call(member, 'package_show', { id: 'data-rahasia-kemiskinan' })).private).toBe(true);
  });

  it('patch changes only what is given; update resets what is left out but keeps resources', async () => {
    const walidata = actor('walidata', { bps: 'walidata' });
    const patched = await call(walidata, 'package_patch', {
      id: 'persentase-penduduk-miskin',
      version: '2024',
    });
    expect(patched.version).toBe('2024');
    expect(patched.notes).toMatch(/garis kemiskinan/);
    expect(patched.num_resources).toBe(2);
    const updated = await call(walidata, 'package_update', {
      id: 'persentase-penduduk-miskin',
      title: 'Persentase Penduduk Miskin',
    });
    expect(updated.notes).toBe('');
    expect(updated.tags).toEqual([]);
    expect(updated.standar_data).toBeUndefined();
    expect(updated.num_resources).toBe(2);
    const activity = (await call(null, 'package_activity_list', {
      id: 'persentase-penduduk-miskin',
    })) as unknown as Json[];
    expect(activity.map((a) => a.activity_type)).toEqual([
      'changed package',
      'changed package',
      'new package',
    ]);
    expect(activity[0]?.data.changed_fields).toEqual(expect.arrayContaining(['notes', 'tags', 'title']));
    expect(activity[1]?.data.changes.version).toEqual({ before: '', after: '2024' });
    expect(activity[2]?.user_name).toBe('produsen');
  });

  it('resource actions go through the dataset', async () => {
    const walidata = actor('walidata', { bps: 'walidata' });
    const ds = await call(null, 'package_show', { id: 'garis-kemiskinan' });
    const r = await call(walidata, 'resource_create', {
      package_id: ds.id,
      name: 'Data',
      url: 'https://example.org/g.csv',
      format: 'CSV',
    });
    expect(r).toMatchObject({ package_id: ds.id, position: 0, format: 'CSV' });
    const p = await call(walidata, 'resource_patch', { id: r.id, description: 'Tabel garis kemiskinan' });
    expect(p).toMatchObject({ name: 'Data', description: 'Tabel garis kemiskinan' });
    expect(await call(null, 'resource_show', { id: r.id })).toMatchObject({
      description: 'Tabel garis kemiskinan',
    });
    await call(walidata, 'resource_delete', { id: r.id });
    expect((await fails(call(null, 'resource_show', { id: r.id }))).code).toBe('NOT_FOUND');
    expect((await call(null, 'package_show', { id: 'garis-kemiskinan' })).num_resources).toBe(0);
  });

  it('deletes: gone for the public, still visible to the institution’s walidata', async () => {
    const walidata = actor('walidata', { bps: 'walidata' });
    await call(walidata, 'package_delete', { id: 'catatan-umum' });
    expect((await fails(call(null, 'package_show', { id: 'catatan-umum' }))).code).toBe('NOT_FOUND');
    expect((await call(walidata, 'package_show', { id: 'catatan-umum' })).state).toBe('deleted');
    expect((await call(null, 'package_search', { q: 'catatan' })).count).toBe(0);
    const org = await fails(call(admin, 'organization_delete', { id: 'bps' }));
    expect(org.code).toBe('CONFLICT');
  });

  it('lists organizations, groups, tags and licences as CKAN does', async () => {
    expect(await call(null, 'organization_list', {})).toEqual(['bps', 'kemenkes']);
    const shown = await call(null, 'organization_show', { id: 'bps', include_datasets: true });
    expect(shown).toMatchObject({
      name: 'bps',
      is_organization: true,
      type: 'organization',
      package_count: 2,
    });
    expect(shown.packages.map((p: Json) => p.name).sort()).toEqual([
      'garis-kemiskinan',
      'persentase-penduduk-miskin',
    ]);
    expect(await call(null, 'group_list', { sort: 'name asc' })).toEqual(['infrastruktur', 'kemiskinan']);
    expect((await call(null, 'group_show', { id: 'infrastruktur' })).package_count).toBe(1);
    const licences = (await call(null, 'license_list', {})) as unknown as Json[];
    expect(licences.find((l) => l.id === 'cc-by')?.title).toBe('Creative Commons Attribution');
    const orgActivity = (await call(null, 'organization_activity_list', { id: 'bps' })) as unknown as Json[];
    expect(orgActivity.some((a) => a.activity_type === 'new organization')).toBe(true);
    expect(orgActivity.some((a) => a.object_id === (orgs.bps ?? '') || a.data.package)).toBe(true);
  });
});
