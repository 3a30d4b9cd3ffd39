/**
 * The dataset form's state and its mapping from package_show and to package_create/patch input
 * (CKAN fields plus the Satu Data fields of src/catalog/sdi.ts).
 */

export const FREQUENCIES = [
  'harian',
  'mingguan',
  'bulanan',
  'triwulanan',
  'semesteran',
  'tahunan',
  'lima-tahunan',
  'tidak-tetap',
] as const;
export const LEVELS = ['nasional', 'provinsi', 'kabupaten-kota', 'kecamatan', 'desa-kelurahan'] as const;

const STANDARD = ['konsep', 'definisi', 'klasifikasi', 'ukuran', 'satuan'] as const;
type Standard = (typeof STANDARD)[number];

export interface PackageResource {
  id: string;
  name?: string;
  datastore_active?: boolean;
}

export interface Package {
  id: string;
  name: string;
  title: string;
  notes?: string | null;
  private: boolean;
  license_id?: string | null;
  tags?: { name: string }[];
  organization?: { name: string; title: string } | null;
  resources: PackageResource[];
  standar_data?: Partial<Record<Standard, string>> | null;
  produsen_data?: string | null;
  walidata?: string | null;
  frekuensi_pemutakhiran?: string | null;
  jadwal_rilis?: string | null;
  cakupan_waktu_mulai?: string | null;
  cakupan_waktu_selesai?: string | null;
  cakupan_wilayah_tingkat?: string | null;
  cakupan_wilayah?: string[] | null;
  data_prioritas?: boolean | null;
}

export interface Draft {
  owner_org: string;
  title: string;
  name: string;
  notes: string;
  tags: string;
  license_id: string;
  private: boolean;
  sd_konsep: string;
  sd_definisi: string;
  sd_klasifikasi: string;
  sd_ukuran: string;
  sd_satuan: string;
  produsen_data: string;
  walidata: string;
  frekuensi_pemutakhiran: string;
  jadwal_rilis: string;
  cakupan_waktu_mulai: string;
  cakupan_waktu_selesai: string;
  cakupan_wilayah_tingkat: string;
  cakupan_wilayah: string;
  data_prioritas: boolean;
}

export const emptyDraft: Draft = {
  owner_org: '',
  title: '',
  name: '',
  notes: '',
  tags: '',
  license_id: '',
  private: true,
  sd_konsep: '',
  sd_definisi: '',
  sd_klasifikasi: '',
  sd_ukuran: '',
  sd_satuan: '',
  produsen_data: '',
  walidata: '',
  frekuensi_pemutakhiran: '',
  jadwal_rilis: '',
  cakupan_waktu_mulai: '',
  cakupan_waktu_selesai: '',
  cakupan_wilayah_tingkat: '',
  cakupan_wilayah: '',
  data_prioritas: false,
};

export function fromPackage(p: Package): Draft {
  const sd = p.standar_data ?? {};
  return {
    owner_org: p.organization?.name ?? '',
    title: p.title ?? '',
    name: p.name,
    notes: p.notes ?? '',
    tags: (p.tags ?? []).map((tag) => tag.name).join(', '),
    license_id: p.license_id ?? '',
    private: p.private,
    sd_konsep: sd.konsep ?? '',
    sd_definisi: sd.definisi ?? '',
    sd_klasifikasi: sd.klasifikasi ?? '',
    sd_ukuran: sd.ukuran ?? '',
    sd_satuan: sd.satuan ?? '',
    produsen_data: p.produsen_data ?? '',
    walidata: p.walidata ?? '',
    frekuensi_pemutakhiran: p.frekuensi_pemutakhiran ?? '',
    jadwal_rilis: p.jadwal_rilis ?? '',
    cakupan_waktu_mulai: p.cakupan_waktu_mulai ?? '',
    cakupan_waktu_selesai: p.cakupan_waktu_selesai ?? '',
    cakupan_wilayah_tingkat: p.cakupan_wilayah_tingkat ?? '',
    cakupan_wilayah: (p.cakupan_wilayah ?? []).join(', '),
    data_prioritas: p.data_prioritas === true,
  };
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The action input for a draft. Free-text fields are sent as typed (empty clears them);
 * choices, dates and codes only when given, since the server checks their form.
 */
export function toInput(d: Draft, creating: boolean): Record<string, unknown> {
  const standard: Partial<Record<Standard, string>> = {};
  for (const key of STANDARD) {
    const value = d[`sd_${key}`].trim();
    if (value || !creating) standard[key] = value;
  }
  const input: Record<string, unknown> = {
    title: d.title.trim(),
    name: d.name.trim(),
    notes: d.notes,
    tags: list(d.tags).map((name) => ({ name })),
    private: d.private,
    standar_data: standard,
    produsen_data: d.produsen_data.trim(),
    walidata: d.walidata.trim(),
    jadwal_rilis: d.jadwal_rilis.trim(),
    cakupan_wilayah: list(d.cakupan_wilayah),
    data_prioritas: d.data_prioritas,
  };
  if (creating) input.owner_org = d.owner_org;
  if (d.license_id) input.license_id = d.license_id;
  for (const key of [
    'frekuensi_pemutakhiran',
    'cakupan_waktu_mulai',
    'cakupan_waktu_selesai',
    'cakupan_wilayah_tingkat',
  ] as const)
    if (d[key].trim()) input[key] = d[key].trim();
  return input;
}
