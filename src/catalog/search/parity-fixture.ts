/**
 * Test fixture for the search parity and sync tests (tests only): institutions, groups and
 * datasets created through the actions — stemmed and misspelt words, Satu Data fields present
 * and missing, resources in several formats, a private, a draft and a deleted dataset, and
 * timestamps with microseconds.
 */
import { sql } from 'kysely';
import type { ActionRegistry } from '../../actions/registry.js';
import type { Actor, OrgRole, Services } from '../../actions/types.js';
import { makeContext } from '../../http/context.js';

/** What the fixture needs of test/support's TestServices (not imported: this file is under src/). */
interface TestServices {
  readonly registry: ActionRegistry;
  readonly services: Services;
}

type Json = Record<string, unknown>;

/** Institution name → id, filled by `seedSearchFixture`. */
export const orgs: Record<string, string> = {};

export const actor = (id: string, roles: Record<string, OrgRole> = {}, sysadmin = false): Actor => ({
  id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
  name: `u${id}`,
  sysadmin,
  memberships: Object.fromEntries(Object.entries(roles).map(([o, r]) => [orgs[o] ?? o, r])),
});

export const admin = (): Actor => actor('1', {}, true);

export const callAs = (t: TestServices, who: Actor | null, name: string, input: unknown) =>
  t.registry.call(name, makeContext(t.registry, t.services, who, 'id', 'test'), input) as Promise<Json>;

export async function seedSearchFixture(t: TestServices): Promise<void> {
  const call = (who: Actor | null, name: string, input: unknown) => callAs(t, who, name, input);
  for (const [name, title] of [
    ['bps', 'Badan Pusat Statistik'],
    ['dinkes', 'Dinas Kesehatan Provinsi Jawa Barat'],
    ['bappeda', 'Bappeda Kota Bandung'],
  ] as const) {
    orgs[name] = (await call(admin(), 'organization_create', { name, title })).id as string;
  }
  for (const [name, title] of [
    ['kemiskinan', 'Kemiskinan'],
    ['kesehatan', 'Kesehatan'],
    ['infrastruktur', 'Infrastruktur'],
  ])
    await call(admin(), 'group_create', { name, title });
  const editor = actor('2', { bps: 'walidata', dinkes: 'walidata', bappeda: 'produsen' });
  const ds = (name: string, fields: Json) => call(editor, 'package_create', { name, ...fields });
  await ds('persentase-penduduk-miskin', {
    title: 'Persentase Penduduk Miskin Menurut Provinsi',
    owner_org: 'bps',
    notes: 'Persentase penduduk yang berada di bawah garis kemiskinan.',
    license_id: 'cc-by',
    tags: [{ name: 'kemiskinan' }, { name: 'kesejahteraan' }],
    groups: [{ name: 'kemiskinan' }],
    frekuensi_pemutakhiran: 'semesteran',
    cakupan_wilayah_tingkat: 'provinsi',
    cakupan_wilayah: ['32', '33'],
    data_prioritas: true,
    standar_data: { konsep: 'Kemiskinan moneter', satuan: 'persen' },
    resources: [
      { url: 'https://example.org/a.csv', format: 'CSV' },
      { url: 'https://example.org/a.xlsx', format: 'xlsx' },
    ],
  });
  await ds('garis-kemiskinan', {
    title: 'Garis Kemiskinan',
    owner_org: 'bps',
    tags: [{ name: 'kemiskinan' }],
    frekuensi_pemutakhiran: 'tahunan',
    resources: [{ url: 'https://example.org/g.csv', format: 'csv' }],
  });
  await ds('catatan-umum', {
    title: 'Catatan Umum Statistik',
    owner_org: 'bps',
    notes: 'Termasuk tabel kemiskinan sebagai lampiran. Penduduk miskin di desa.',
    license_id: 'odc-by',
  });
  await ds('pembangunan-jalan-desa', {
    title: 'Pembangunan Jalan Desa',
    owner_org: 'bappeda',
    notes: 'Panjang jalan desa yang dibangun.',
    license_id: 'cc-by',
    tags: [{ name: 'infrastruktur' }, { name: 'air minum' }],
    groups: [{ name: 'infrastruktur' }],
    cakupan_wilayah_tingkat: 'kabupaten-kota',
    cakupan_wilayah: ['32.73'],
    resources: [{ url: 'https://example.org/j.json', format: 'JSON' }],
  });
  await ds('cakupan-imunisasi', {
    title: 'Cakupan Imunisasi Dasar Lengkap',
    owner_org: 'dinkes',
    notes: 'Persentase bayi yang mendapat imunisasi dasar lengkap di Jawa Barat.',
    license_id: 'cc-by-sa',
    tags: [{ name: 'kesehatan' }, { name: 'air minum' }],
    groups: [{ name: 'kesehatan' }, { name: 'kemiskinan' }],
    frekuensi_pemutakhiran: 'tahunan',
    cakupan_wilayah_tingkat: 'provinsi',
    cakupan_wilayah: ['32'],
    data_prioritas: false,
    resources: [{ url: 'https://example.org/i.csv', format: 'CSV' }],
  });
  await ds('data-rahasia-kemiskinan', {
    title: 'Kemiskinan Rahasia',
    owner_org: 'bps',
    private: true,
    tags: [{ name: 'rahasia' }],
    license_id: 'cc-by',
  });
  await ds('rancangan-kesehatan', {
    title: 'Rancangan Data Kesehatan',
    owner_org: 'dinkes',
    state: 'draft',
    tags: [{ name: 'kesehatan' }],
  });
  await ds('dihapus-kemiskinan', {
    title: 'Kemiskinan Lama',
    owner_org: 'bps',
    tags: [{ name: 'kemiskinan' }],
  });
  await call(editor, 'package_delete', { id: 'dihapus-kemiskinan' });
  // Timestamps with microseconds and far apart, as a real catalog has them.
  await sql`UPDATE dataset SET modified = '2019-05-06T07:08:09.123456Z', created = '2019-01-01T00:00:00.5Z'
    WHERE name = 'garis-kemiskinan'`.execute(t.services.catalog.db);
}
