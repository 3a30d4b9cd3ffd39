/**
 * Indonesian words for the generated catalog: indicator titles, qualifiers, themes, tags and a
 * vocabulary for notes, with affixed forms (me-, pe-, ke-…-an, -kan) so stemming matters.
 */

/** Title heads, most common first (drawn with a Zipf distribution). */
export const INDICATORS = [
  'Persentase Penduduk Miskin',
  'Jumlah Penduduk',
  'Indeks Pembangunan Manusia',
  'Tingkat Pengangguran Terbuka',
  'Angka Partisipasi Kasar',
  'Angka Partisipasi Murni',
  'Jumlah Sekolah Dasar',
  'Prevalensi Stunting',
  'Angka Kematian Bayi',
  'Produksi Padi',
  'Panjang Jalan Kabupaten',
  'Jumlah Puskesmas',
  'Cakupan Imunisasi Dasar Lengkap',
  'Laju Pertumbuhan Ekonomi',
  'Produk Domestik Regional Bruto',
  'Realisasi Pendapatan Asli Daerah',
  'Rumah Tangga dengan Akses Air Minum Layak',
  'Rasio Guru terhadap Murid',
  'Jumlah Tenaga Kesehatan',
  'Kepadatan Penduduk',
  'Luas Panen Jagung',
  'Nilai Tukar Petani',
  'Jumlah Kasus Demam Berdarah',
  'Luas Kawasan Hutan',
  'Volume Sampah Terangkut',
  'Jumlah Usaha Mikro Kecil dan Menengah',
  'Jumlah Koperasi Aktif',
  'Jumlah Desa Mandiri',
  'Angka Harapan Hidup',
  'Rata-rata Lama Sekolah',
  'Pengeluaran per Kapita',
  'Garis Kemiskinan',
  'Indeks Kedalaman Kemiskinan',
  'Jumlah Kunjungan Wisatawan',
  'Tingkat Hunian Kamar Hotel',
  'Jumlah Kendaraan Bermotor',
  'Pembangunan Jembatan',
  'Pembangunan Jalan Desa',
  'Penyaluran Bantuan Sosial',
  'Penerima Program Keluarga Harapan',
  'Jumlah Pencari Kerja Terdaftar',
  'Upah Minimum',
  'Inflasi Tahunan',
  'Ekspor Komoditas Unggulan',
  'Produksi Perikanan Tangkap',
  'Populasi Ternak Sapi',
  'Luas Lahan Sawah',
  'Curah Hujan Bulanan',
  'Kejadian Bencana Alam',
  'Jumlah Rumah Sakit',
  'Kasus Tuberkulosis',
  'Persalinan oleh Tenaga Kesehatan',
  'Rumah Layak Huni',
  'Rasio Elektrifikasi',
  'Pengguna Internet',
  'Anggaran Pendapatan dan Belanja Daerah',
  'Jumlah Pegawai Negeri Sipil',
  'Tindak Pidana yang Dilaporkan',
  'Kualitas Udara',
  'Indeks Kualitas Lingkungan Hidup',
] as const;

export const QUALIFIERS = [
  '',
  'menurut Kecamatan',
  'menurut Jenis Kelamin',
  'menurut Kelompok Umur',
  'menurut Desa/Kelurahan',
  'menurut Bulan',
  'menurut Jenjang Pendidikan',
  'menurut Lapangan Usaha',
  'menurut Daerah Perkotaan dan Perdesaan',
] as const;

/** Groups (themes): name → title. */
export const THEMES: Readonly<Record<string, string>> = {
  kependudukan: 'Kependudukan',
  kemiskinan: 'Kemiskinan',
  kesehatan: 'Kesehatan',
  pendidikan: 'Pendidikan',
  ekonomi: 'Ekonomi',
  ketenagakerjaan: 'Ketenagakerjaan',
  pertanian: 'Pertanian',
  infrastruktur: 'Infrastruktur',
  'lingkungan-hidup': 'Lingkungan Hidup',
  keuangan: 'Keuangan Daerah',
  pariwisata: 'Pariwisata',
  perhubungan: 'Perhubungan',
  'sosial-budaya': 'Sosial dan Budaya',
  kebencanaan: 'Kebencanaan',
  energi: 'Energi',
  'teknologi-informasi': 'Teknologi Informasi',
  pemerintahan: 'Pemerintahan',
  perikanan: 'Kelautan dan Perikanan',
  peternakan: 'Peternakan',
  keamanan: 'Ketertiban dan Keamanan',
};

export const TAGS = [
  'kemiskinan',
  'kesehatan',
  'pendidikan',
  'kependudukan',
  'infrastruktur',
  'ekonomi',
  'pertanian',
  'air minum',
  'sanitasi',
  'stunting',
  'gizi',
  'sekolah',
  'jalan',
  'anggaran',
  'ketenagakerjaan',
  'pengangguran',
  'inflasi',
  'pariwisata',
  'lingkungan',
  'sampah',
  'bencana',
  'banjir',
  'hutan',
  'perikanan',
  'peternakan',
  'padi',
  'jagung',
  'umkm',
  'koperasi',
  'desa',
  'imunisasi',
  'ibu dan anak',
  'rumah sakit',
  'puskesmas',
  'listrik',
  'internet',
  'transportasi',
  'kendaraan',
  'pajak',
  'pendapatan daerah',
  'bantuan sosial',
  'perumahan',
  'kebudayaan',
  'olahraga',
  'pemuda',
  'perempuan',
  'disabilitas',
  'lansia',
  'keamanan',
  'iklim',
  'data prioritas',
  'sdgs',
  'rpjmd',
  'spm',
  'ipm',
  'tpt',
  'pdrb',
  'apbd',
  'dbd',
  'tbc',
] as const;

/**
 * Words for notes, roughly most common first. Affixed forms share stems with title words
 * (pembangunan/membangun/dibangun → bangun), so stemmed search finds across forms.
 */
export const VOCABULARY = (
  'data yang dan di dari untuk pada dengan dalam ini tahun jumlah sumber penduduk kabupaten kota provinsi ' +
  'menurut kecamatan desa kelurahan persen orang rumah tangga tingkat angka rata tersebut oleh sebagai ' +
  'berdasarkan hasil survei sensus statistik badan dinas pemerintah daerah nasional program kegiatan ' +
  'pembangunan membangun dibangun bangunan kesehatan sehat pelayanan layanan melayani dilayani pendidikan ' +
  'mendidik dididik pendidik sekolah siswa murid guru pengajar mengajar pelajaran belajar pelajar ' +
  'kemiskinan miskin masyarakat kesejahteraan sejahtera bantuan membantu dibantu penerima menerima ' +
  'ketenagakerjaan tenaga kerja pekerja bekerja pekerjaan pengangguran penganggur lapangan usaha ' +
  'pertanian petani bertani tanaman menanam penanaman panen produksi memproduksi diproduksi produktivitas ' +
  'perekonomian ekonomi pertumbuhan tumbuh bertumbuh pendapatan pengeluaran belanja anggaran keuangan ' +
  'infrastruktur jalan jembatan irigasi bendungan perbaikan memperbaiki diperbaiki pemeliharaan ' +
  'lingkungan hidup kehutanan hutan sampah pengelolaan mengelola dikelola pengolahan limbah pencemaran ' +
  'perhubungan transportasi angkutan kendaraan penumpang pelabuhan bandara terminal perjalanan ' +
  'pariwisata wisatawan kunjungan mengunjungi dikunjungi hotel penginapan kebudayaan budaya ' +
  'kependudukan kelahiran kematian perkawinan perceraian migrasi perpindahan pindah kepadatan ' +
  'pengukuran mengukur diukur ukuran satuan indikator metode metodologi pengumpulan mengumpulkan ' +
  'dikumpulkan pencatatan mencatat dicatat laporan melaporkan dilaporkan pelaporan administrasi ' +
  'pemutakhiran diperbarui pembaruan berkala tahunan bulanan triwulanan semesteran periode ' +
  'cakupan wilayah perkotaan perdesaan kawasan lokasi geografis peta pemetaan ' +
  'keluarga anak ibu bayi balita remaja lansia perempuan laki jenis kelamin umur kelompok ' +
  'imunisasi gizi stunting penyakit kasus penderita pasien perawatan puskesmas klinik dokter bidan ' +
  'perawat obat vaksin vaksinasi pencegahan mencegah penanganan menangani ditangani ' +
  'perumahan permukiman rumah layak huni sanitasi air minum bersih listrik energi elektrifikasi ' +
  'perdagangan pasar harga komoditas ekspor impor industri perusahaan investasi penanaman modal ' +
  'koperasi usaha mikro kecil menengah pelaku pengusaha kewirausahaan ' +
  'perikanan nelayan tangkap budidaya peternakan ternak sapi kambing ayam unggas ' +
  'bencana banjir longsor gempa kebakaran kekeringan penanggulangan pengungsi ' +
  'keamanan ketertiban kriminalitas kejahatan pelanggaran lalu lintas kecelakaan ' +
  'teknologi informasi komunikasi internet jaringan telekomunikasi digital aplikasi ' +
  'pemerintahan aparatur pegawai jabatan organisasi perangkat pelaksanaan melaksanakan dilaksanakan ' +
  'perencanaan merencanakan direncanakan evaluasi mengevaluasi pengawasan mengawasi diawasi ' +
  'kebijakan peraturan ketentuan keputusan penetapan ditetapkan menetapkan standar pedoman ' +
  'kualitas mutu kinerja capaian target sasaran realisasi perbandingan membandingkan ' +
  'persentase proporsi rasio indeks laju nilai total kumulatif estimasi perkiraan proyeksi ' +
  'publikasi dipublikasikan mempublikasikan terbuka keterbukaan akses mengakses diakses unduh ' +
  'tabel grafik dokumen berkas format keterangan catatan penjelasan rincian rekapitulasi ringkasan'
).split(' ');
