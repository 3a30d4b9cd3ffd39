/**
 * The demo's datasets: what each measures and how its synthetic values are shaped.
 * `shape`: lo/hi bound the value for the least and most developed province; `perCapita`
 * scales a count by population; `trend` is the change per year; `dip2020` the pandemic year.
 */
export interface DemoDataset {
  readonly name: string;
  readonly org: string;
  readonly title: string;
  readonly measure: string;
  readonly unit: string;
  readonly tags: readonly string[];
  readonly group: string;
  readonly level: 'province' | 'regency';
  readonly years: readonly number[];
  readonly integer: boolean;
  readonly higherIsBetter: boolean;
  readonly shape: {
    readonly lo: number;
    readonly hi: number;
    readonly perCapita?: boolean;
    readonly trend: number;
    readonly dip2020?: number;
  };
  readonly frequency: 'tahunan' | 'bulanan';
}

const Y6 = [2019, 2020, 2021, 2022, 2023, 2024] as const;

const d = (
  x: Omit<DemoDataset, 'level' | 'years' | 'integer' | 'frequency'> & Partial<DemoDataset>,
): DemoDataset => ({
  level: 'province',
  years: Y6,
  integer: false,
  frequency: 'tahunan',
  ...x,
});

export const DEMO_DATASETS: readonly DemoDataset[] = [
  d({
    name: 'persentase-penduduk-miskin-provinsi',
    org: 'bps',
    title: 'Persentase Penduduk Miskin menurut Provinsi',
    measure: 'persentase_penduduk_miskin',
    unit: 'persen',
    tags: ['kemiskinan', 'kesejahteraan'],
    group: 'kemiskinan',
    higherIsBetter: false,
    shape: { lo: 27, hi: 4, trend: -0.25, dip2020: 0.8 },
  }),
  d({
    name: 'persentase-penduduk-miskin-kabupaten-kota',
    org: 'bps',
    title: 'Persentase Penduduk Miskin menurut Kabupaten/Kota 2024',
    measure: 'persentase_penduduk_miskin',
    unit: 'persen',
    tags: ['kemiskinan', 'kabupaten-kota'],
    group: 'kemiskinan',
    level: 'regency',
    years: [2024],
    higherIsBetter: false,
    shape: { lo: 30, hi: 3, trend: 0 },
  }),
  d({
    name: 'tingkat-pengangguran-terbuka-provinsi',
    org: 'bps',
    title: 'Tingkat Pengangguran Terbuka menurut Provinsi',
    measure: 'tingkat_pengangguran_terbuka',
    unit: 'persen',
    tags: ['ketenagakerjaan'],
    group: 'ekonomi',
    higherIsBetter: false,
    shape: { lo: 3.5, hi: 7.5, trend: -0.15, dip2020: 1.6 },
  }),
  d({
    name: 'indeks-pembangunan-manusia-provinsi',
    org: 'bps',
    title: 'Indeks Pembangunan Manusia menurut Provinsi',
    measure: 'ipm',
    unit: 'indeks',
    tags: ['ipm', 'pembangunan-manusia'],
    group: 'kemiskinan',
    higherIsBetter: true,
    shape: { lo: 61, hi: 81, trend: 0.55 },
  }),
  d({
    name: 'laju-pertumbuhan-ekonomi-provinsi',
    org: 'bps',
    title: 'Laju Pertumbuhan Ekonomi menurut Provinsi',
    measure: 'laju_pertumbuhan_pdrb',
    unit: 'persen',
    tags: ['ekonomi', 'pdrb'],
    group: 'ekonomi',
    higherIsBetter: true,
    shape: { lo: 4.2, hi: 5.6, trend: 0, dip2020: -6.5 },
  }),
  d({
    name: 'angka-harapan-hidup-provinsi',
    org: 'bps',
    title: 'Angka Harapan Hidup menurut Provinsi',
    measure: 'angka_harapan_hidup',
    unit: 'tahun',
    tags: ['kesehatan', 'demografi'],
    group: 'kesehatan',
    higherIsBetter: true,
    shape: { lo: 65.5, hi: 75, trend: 0.2 },
  }),
  d({
    name: 'prevalensi-stunting-provinsi',
    org: 'kemenkes',
    title: 'Prevalensi Balita Stunting menurut Provinsi',
    measure: 'prevalensi_stunting',
    unit: 'persen',
    tags: ['stunting', 'gizi', 'kesehatan'],
    group: 'kesehatan',
    higherIsBetter: false,
    shape: { lo: 36, hi: 14, trend: -1.4 },
  }),
  d({
    name: 'cakupan-imunisasi-dasar-lengkap-provinsi',
    org: 'kemenkes',
    title: 'Cakupan Imunisasi Dasar Lengkap menurut Provinsi',
    measure: 'cakupan_idl',
    unit: 'persen',
    tags: ['imunisasi', 'kesehatan'],
    group: 'kesehatan',
    higherIsBetter: true,
    shape: { lo: 62, hi: 97, trend: 1, dip2020: -9 },
  }),
  d({
    name: 'jumlah-puskesmas-provinsi',
    org: 'kemenkes',
    title: 'Jumlah Puskesmas menurut Provinsi',
    measure: 'jumlah_puskesmas',
    unit: 'unit',
    tags: ['fasilitas-kesehatan', 'kesehatan'],
    group: 'kesehatan',
    integer: true,
    higherIsBetter: true,
    shape: { lo: 24, hi: 22, perCapita: true, trend: 0.6 },
  }),
  d({
    name: 'angka-partisipasi-sekolah-7-12-provinsi',
    org: 'kemendikdasmen',
    title: 'Angka Partisipasi Sekolah Usia 7–12 Tahun menurut Provinsi',
    measure: 'aps_7_12',
    unit: 'persen',
    tags: ['pendidikan', 'aps'],
    group: 'pendidikan',
    higherIsBetter: true,
    shape: { lo: 93.5, hi: 99.7, trend: 0.1 },
  }),
  d({
    name: 'angka-partisipasi-sekolah-16-18-provinsi',
    org: 'kemendikdasmen',
    title: 'Angka Partisipasi Sekolah Usia 16–18 Tahun menurut Provinsi',
    measure: 'aps_16_18',
    unit: 'persen',
    tags: ['pendidikan', 'aps'],
    group: 'pendidikan',
    higherIsBetter: true,
    shape: { lo: 62, hi: 84, trend: 0.5 },
  }),
  d({
    name: 'jumlah-sekolah-dasar-provinsi',
    org: 'kemendikdasmen',
    title: 'Jumlah Sekolah Dasar menurut Provinsi',
    measure: 'jumlah_sd',
    unit: 'sekolah',
    tags: ['pendidikan', 'sekolah'],
    group: 'pendidikan',
    integer: true,
    higherIsBetter: true,
    shape: { lo: 600, hi: 480, perCapita: true, trend: 0.2 },
  }),
  d({
    name: 'produksi-padi-provinsi',
    org: 'kementan',
    title: 'Produksi Padi menurut Provinsi',
    measure: 'produksi_padi',
    unit: 'ton GKG',
    tags: ['padi', 'pangan', 'pertanian'],
    group: 'pertanian',
    integer: true,
    higherIsBetter: true,
    shape: { lo: 140000, hi: 190000, perCapita: true, trend: 0.4 },
  }),
  d({
    name: 'luas-panen-padi-provinsi',
    org: 'kementan',
    title: 'Luas Panen Padi menurut Provinsi',
    measure: 'luas_panen_padi',
    unit: 'hektare',
    tags: ['padi', 'pertanian'],
    group: 'pertanian',
    integer: true,
    higherIsBetter: true,
    shape: { lo: 30000, hi: 36000, perCapita: true, trend: -0.2 },
  }),
  d({
    name: 'penerima-pkh-provinsi',
    org: 'kemensos',
    title: 'Keluarga Penerima Manfaat Program Keluarga Harapan menurut Provinsi',
    measure: 'jumlah_kpm_pkh',
    unit: 'KPM',
    tags: ['bantuan-sosial', 'pkh', 'kemiskinan'],
    group: 'kemiskinan',
    integer: true,
    higherIsBetter: false,
    shape: { lo: 52000, hi: 21000, perCapita: true, trend: -0.5, dip2020: 6000 },
  }),
  d({
    name: 'penerima-bantuan-sembako-provinsi',
    org: 'kemensos',
    title: 'Keluarga Penerima Bantuan Sembako menurut Provinsi',
    measure: 'jumlah_kpm_sembako',
    unit: 'KPM',
    tags: ['bantuan-sosial', 'sembako'],
    group: 'kemiskinan',
    integer: true,
    higherIsBetter: false,
    shape: { lo: 78000, hi: 38000, perCapita: true, trend: -0.4, dip2020: 9000 },
  }),
  d({
    name: 'kondisi-jalan-nasional-mantap-provinsi',
    org: 'kementerian-pu',
    title: 'Persentase Jalan Nasional dalam Kondisi Mantap menurut Provinsi',
    measure: 'persentase_jalan_mantap',
    unit: 'persen',
    tags: ['jalan', 'infrastruktur'],
    group: 'infrastruktur',
    higherIsBetter: true,
    shape: { lo: 82, hi: 97, trend: 0.4 },
  }),
  d({
    name: 'akses-air-minum-layak-provinsi',
    org: 'kementerian-pu',
    title: 'Persentase Rumah Tangga dengan Akses Air Minum Layak menurut Provinsi',
    measure: 'akses_air_minum_layak',
    unit: 'persen',
    tags: ['air-minum', 'infrastruktur'],
    group: 'infrastruktur',
    higherIsBetter: true,
    shape: { lo: 68, hi: 99, trend: 0.7 },
  }),
  d({
    name: 'progres-proyek-strategis-nasional-provinsi',
    org: 'ksp',
    title: 'Progres Fisik Proyek Strategis Nasional menurut Provinsi',
    measure: 'progres_fisik_psn',
    unit: 'persen',
    tags: ['psn', 'proyek-strategis', 'infrastruktur'],
    group: 'infrastruktur',
    years: [2021, 2022, 2023, 2024],
    higherIsBetter: true,
    shape: { lo: 35, hi: 55, trend: 12 },
  }),
  d({
    name: 'layanan-informasi-publik-provinsi',
    org: 'kemensetneg',
    title: 'Permohonan Informasi Publik yang Diselesaikan menurut Provinsi Pemohon',
    measure: 'permohonan_selesai',
    unit: 'permohonan',
    tags: ['informasi-publik', 'humas'],
    group: 'pemerintahan',
    integer: true,
    higherIsBetter: true,
    shape: { lo: 3, hi: 9, perCapita: true, trend: 0.8 },
  }),
];

export const DEMO_GROUPS: Readonly<Record<string, string>> = {
  kemiskinan: 'Kemiskinan',
  kesehatan: 'Kesehatan',
  pendidikan: 'Pendidikan',
  ekonomi: 'Ekonomi',
  pertanian: 'Pertanian',
  infrastruktur: 'Infrastruktur',
  pemerintahan: 'Pemerintahan',
};
