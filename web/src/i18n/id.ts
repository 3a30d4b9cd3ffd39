/**
 * Bahasa Indonesia: the reference catalog. Every other language is typed as `Catalog`, so a key
 * missing there (or one that exists only there) is a type error. Values are `{{name}}`-interpolated
 * by i18next.
 */
export const id = {
  common: {
    siteFallback: 'Kendali',
    tagline: 'Satu Data · Ruang Kendali',
    loading: 'Memuat…',
    skipToContent: 'Langsung ke konten utama',
    apiDocs: 'Dokumentasi API',
    backHome: 'Kembali ke Beranda',
  },
  nav: {
    label: 'Navigasi utama',
    home: 'Beranda',
    datasets: 'Dataset',
    organizations: 'Organisasi',
    controlRoom: 'Ruang Kendali',
    humas: 'Humas',
    api: 'API',
  },
  language: {
    label: 'Bahasa',
  },
  demo: {
    banner: 'Data demo sintetis — bukan data resmi',
  },
  status: {
    error: 'Status server tidak dapat dimuat. Coba muat ulang halaman.',
  },
  home: {
    title: 'Portal Satu Data dan Ruang Kendali',
    lead: 'Kendali menghimpun data instansi pemerintah dalam satu katalog terbuka, menyatukannya menjadi indikator, lalu menampilkannya di Ruang Kendali untuk pemantauan dan tindak lanjut.',
    featuresTitle: 'Yang ada di Kendali',
    catalogTitle: 'Katalog Satu Data',
    catalogText:
      'Metadata dataset dari setiap instansi, dapat dicari dan diakses lewat API yang kompatibel dengan CKAN.',
    integrationTitle: 'Integrasi data',
    integrationText:
      'Unggah berkas atau panen dari portal lain; angka dan tanggal berformat Indonesia dinormalkan, kode wilayah Kemendagri diperiksa.',
    controlRoomTitle: 'Ruang Kendali',
    controlRoomText:
      'Dinding pemantauan indikator dengan status, peringatan dan tindak lanjut, dapat ditelusuri hingga sumber datanya.',
    humasTitle: 'Humas',
    humasText: 'Berita, agenda dan pemantauan media untuk menyampaikan capaian kepada publik.',
    statsTitle: 'Sekilas angka',
    statsOrganizations: 'Organisasi',
    statsDatasets: 'Dataset',
    statsRegions: 'Wilayah',
  },
  datasets: {
    title: 'Dataset',
    emptyTitle: 'Katalog dataset sedang disiapkan',
    emptyText:
      'Daftar dan pencarian dataset belum tersedia di halaman ini. Metadata dapat diakses lewat API.',
    count: 'Katalog saat ini mencatat {{total}} dataset.',
  },
  organizations: {
    title: 'Organisasi',
    emptyTitle: 'Daftar organisasi sedang disiapkan',
    emptyText: 'Halaman instansi penerbit data belum tersedia. Data organisasi dapat diakses lewat API.',
    count: 'Saat ini tercatat {{total}} organisasi.',
  },
  controlRoom: {
    title: 'Ruang Kendali',
    emptyTitle: 'Dinding pemantauan sedang disiapkan',
    emptyText:
      'Di sini akan tampil indikator utama beserta status, peringatan dan tindak lanjutnya, diperbarui secara langsung.',
  },
  humas: {
    title: 'Humas',
    emptyTitle: 'Kanal Humas sedang disiapkan',
    emptyText: 'Di sini akan tampil berita, agenda kegiatan dan ringkasan pemantauan media.',
  },
  notFound: {
    title: 'Halaman tidak ditemukan',
    text: 'Alamat {{path}} tidak ada di situs ini. Periksa kembali tautannya atau mulai dari Beranda.',
  },
  footer: {
    about: 'Kendali — katalog Satu Data, integrasi data, Ruang Kendali dan Humas.',
    version: 'Versi {{version}} · API kompatibel CKAN {{ckan}}',
    license: 'Perangkat lunak sumber terbuka (Apache-2.0)',
  },
};

export type Catalog = typeof id;
