/**
 * Test fixture for the DCAT tests (tests only): institutions, groups and datasets created
 * through the actions, covering Satu Data fields, resources with and without URLs, and the
 * datasets a feed must never show (private, draft, deleted).
 */
import type { ActionRegistry } from '../../actions/registry.js';
import type { Actor, Services } from '../../actions/types.js';
import { makeContext } from '../../http/context.js';

/** What the fixture needs of test/support's TestServices (not imported: this file is under src/). */
interface TestServices {
  readonly registry: ActionRegistry;
  readonly services: Services;
}

export const admin: Actor = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'sysadmin',
  sysadmin: true,
  memberships: {},
};

export const call = (t: TestServices, who: Actor | null, name: string, input: unknown): Promise<unknown> =>
  t.registry.call(name, makeContext(t.registry, t.services, who, 'id', 'test'), input);

/** Datasets that must never appear in a feed. */
export const HIDDEN = ['data-rahasia', 'draf-anggaran', 'data-terhapus'] as const;

/** Public datasets the fixture creates. */
export const VISIBLE = ['penduduk-miskin', 'jalan-desa', 'catatan-kosong'] as const;

export async function seedDcatFixture(t: TestServices): Promise<void> {
  const c = (name: string, input: unknown) => call(t, admin, name, input);
  await c('organization_create', { name: 'bps', title: 'Badan Pusat Statistik', org_type: 'agency' });
  await c('organization_create', {
    name: 'jabar',
    title: 'Pemerintah Provinsi Jawa Barat',
    org_type: 'province',
  });
  await c('group_create', { name: 'kemiskinan', title: 'Kemiskinan' });
  await c('package_create', {
    name: 'penduduk-miskin',
    title: 'Persentase Penduduk Miskin Menurut Provinsi',
    owner_org: 'bps',
    notes:
      '**Persentase** penduduk di bawah [garis kemiskinan](https://bps.go.id).\n\n- semester 1\n- semester 2',
    license_id: 'cc-by',
    version: '2024.1',
    url: 'https://bps.go.id/indikator/23',
    tags: [{ name: 'kemiskinan' }, { name: 'kesejahteraan' }],
    groups: [{ name: 'kemiskinan' }],
    maintainer: 'Direktorat Statistik Ketahanan Sosial',
    maintainer_email: 'ketahanan@bps.go.id',
    standar_data: {
      konsep: 'Kemiskinan moneter',
      definisi: 'Pengeluaran di bawah garis kemiskinan',
      satuan: 'persen',
    },
    produsen_data: 'Direktorat Statistik Ketahanan Sosial',
    walidata: 'BPS',
    frekuensi_pemutakhiran: 'semesteran',
    cakupan_waktu_mulai: '2015',
    cakupan_waktu_selesai: '2024-03',
    cakupan_wilayah_tingkat: 'provinsi',
    cakupan_wilayah: ['32', '33'],
    resources: [
      { name: 'Tabel CSV', url: 'https://bps.go.id/miskin.csv', format: 'CSV', size: 12345 },
      {
        name: 'Tabel "Excel" <2024> & lainnya',
        url: '/unduh/miskin.xlsx',
        format: 'xlsx',
        description: 'Versi _Excel_',
      },
      { name: 'Laman API', url: 'https://bps.go.id/api?x=1&y=2', format: 'API' },
    ],
  });
  await c('package_create', {
    name: 'jalan-desa',
    title: 'Panjang Jalan Desa',
    owner_org: 'jabar',
    notes: 'Panjang jalan desa menurut kabupaten/kota.',
    license_id: 'notspecified',
    author: 'Dinas Bina Marga',
    author_email: 'dbm@jabarprov.go.id',
    frekuensi_pemutakhiran: 'tahunan',
    cakupan_waktu_mulai: '2023-01-01',
    cakupan_wilayah_tingkat: 'nasional',
    resources: [
      { name: 'Tanpa URL', format: 'CSV' },
      { name: 'Kosong', url: '', format: '' },
    ],
  });
  await c('package_create', { name: 'catatan-kosong', title: 'Dataset Tanpa Deskripsi', owner_org: 'bps' });
  await c('package_create', {
    name: 'data-rahasia',
    title: 'Data Rahasia',
    owner_org: 'bps',
    private: true,
    resources: [{ url: 'https://bps.go.id/rahasia.csv', format: 'CSV' }],
  });
  await c('package_create', {
    name: 'draf-anggaran',
    title: 'Draf Anggaran',
    owner_org: 'jabar',
    state: 'draft',
  });
  await c('package_create', { name: 'data-terhapus', title: 'Data Terhapus', owner_org: 'jabar' });
  await c('package_delete', { id: 'data-terhapus' });
}
