/**
 * Indonesian error messages, keyed by the English template as the source writes it (`${x}` as
 * `{x}`); see messages.ts. messages.test.ts fails on a template of the source missing here.
 */
export const MESSAGES_ID: Readonly<Record<string, string>> = {
  // The HTTP layer and the registry.
  'Validation error': 'Isian tidak valid',
  'Not found: {what}': 'Tidak ditemukan: {what}',
  'Bad request - {message}': 'Permintaan tidak valid - {message}',
  'Internal server error': 'Galat internal server',
  'You must be signed in to do this': 'Anda harus masuk untuk melakukan ini',
  'Only a sysadmin may do this': 'Hanya sysadmin yang boleh melakukan ini',
  'Action name not known: {name}': 'Nama aksi tidak dikenal: {name}',
  'Action {name} changes data and only accepts POST': 'Aksi {name} mengubah data dan hanya menerima POST',
  'Not authorized to call {name}': 'Tidak berwenang memanggil {name}',
  'Invalid input for {action.name}': 'Masukan tidak valid untuk {action.name}',

  // Schema checks (TypeBox's messages).
  'Expected required property': 'Wajib diisi',
  'Unexpected property': 'Isian ini tidak dikenal',
  'Expected string': 'Harus berupa teks',
  'Expected number': 'Harus berupa angka',
  'Expected integer': 'Harus berupa bilangan bulat',
  'Expected boolean': 'Harus berupa true atau false',
  'Expected array': 'Harus berupa daftar',
  'Expected object': 'Harus berupa objek',
  'Expected union value': 'Bentuk nilainya tidak sesuai',
  'Expected string length greater or equal to {n}': 'Panjangnya minimal {n} karakter',
  'Expected string length less or equal to {n}': 'Panjangnya maksimal {n} karakter',
  "Expected string to match '{pattern}'": 'Tidak sesuai pola {pattern}',
  'Expected string to match regular expression': 'Tidak sesuai pola yang diminta',
  "Expected string to match '{format}' format": 'Tidak sesuai format {format}',
  'Expected number to be greater or equal to {n}': 'Harus lebih besar dari atau sama dengan {n}',
  'Expected number to be less or equal to {n}': 'Harus lebih kecil dari atau sama dengan {n}',
  'Expected integer to be greater or equal to {n}': 'Harus lebih besar dari atau sama dengan {n}',
  'Expected integer to be less or equal to {n}': 'Harus lebih kecil dari atau sama dengan {n}',
  'Expected array length to be greater or equal to {n}': 'Daftarnya minimal berisi {n}',
  'Expected array length to be less or equal to {n}': 'Daftarnya maksimal berisi {n}',
  'Expected number to be greater than {n}': 'Harus lebih besar dari {n}',
  'Expected number to be less than {n}': 'Harus lebih kecil dari {n}',
  'Expected integer to be greater than {n}': 'Harus lebih besar dari {n}',
  'Expected integer to be less than {n}': 'Harus lebih kecil dari {n}',
  'Expected array elements to be unique': 'Isi daftar tidak boleh berulang',
  'Expected null': 'Harus kosong (null)',
  'Expected {value}': 'Harus {value}',

  // Catalog.
  'Tag "{n}" length must be 2–100 characters': 'Panjang tag "{n}" harus 2–100 karakter',
  'Tag "{n}" must be alphanumeric characters or symbols: -_.':
    'Tag "{n}" hanya boleh berisi huruf, angka atau simbol: -_.',
  'Missing id or name': 'id atau nama belum diisi',
  'Group {key} does not exist': 'Grup {key} tidak ada',
  "unknown Kemendagri region codes: {unknown.join(', ')}":
    "kode wilayah Kemendagri tidak dikenal: {unknown.join(', ')}",
  'ends before cakupan_waktu_mulai': 'berakhir sebelum cakupan_waktu_mulai',
  'unknown field name': 'nama isian tidak dikenal',
  'contains script or event-handler markup': 'memuat skrip atau atribut penangan peristiwa',
  'must be an http(s) URL': 'harus berupa URL http(s)',
  'dataset {idOrName}': 'dataset {idOrName}',
  'dataset {input.id}': 'dataset {input.id}',
  'dataset {input.package_id}': 'dataset {input.package_id}',
  'organization {idOrName}': 'instansi {idOrName}',
  'organization {input.id}': 'instansi {input.id}',
  'group {idOrName}': 'grup {idOrName}',
  'Group name already exists in database': 'Nama grup sudah dipakai',
  'unknown Kemendagri region code {code}': 'kode wilayah Kemendagri tidak dikenal: {code}',
  'Only an admin of this institution or a sysadmin may do this':
    'Hanya admin instansi ini atau sysadmin yang boleh melakukan ini',
  'organization {org.name} still has {live.n} datasets; delete or move them first':
    'instansi {org.name} masih memiliki {live.n} dataset; hapus atau pindahkan dulu',
  'must be a JSON list of strings, e.g. ["organization","tags"]':
    'harus berupa daftar teks JSON, misalnya ["organization","tags"]',
  'Not authorized to move the dataset to organization {org.name}':
    'Tidak berwenang memindahkan dataset ke instansi {org.name}',
  'resource {id}': 'sumber daya {id}',
  'resource {input.id}': 'sumber daya {input.id}',
  'resource {resource.id}': 'sumber daya {resource.id}',
  'The action {input.name} is not known': 'Aksi {input.name} tidak dikenal',
  'You must be signed in to change a dataset': 'Anda harus masuk untuk mengubah dataset',
  'User {ctx.actor.name} not authorized to edit package {ds.name}':
    'Pengguna {ctx.actor.name} tidak berwenang mengubah dataset {ds.name}',
  'You must be signed in to delete a dataset': 'Anda harus masuk untuk menghapus dataset',
  'User {ctx.actor.name} not authorized to delete package {ds.name}':
    'Pengguna {ctx.actor.name} tidak berwenang menghapus dataset {ds.name}',
  'You must be signed in to create a dataset': 'Anda harus masuk untuk membuat dataset',
  'User {ctx.actor.name} not authorized to add dataset to organization {org.name}':
    'Pengguna {ctx.actor.name} tidak berwenang menambah dataset ke instansi {org.name}',
  'catalog page {q.page} (last page is {last})': 'halaman katalog {q.page} (halaman terakhir {last})',
  '{field}: "{s}" is not an ISO date-time': '{field}: "{s}" bukan tanggal-waktu ISO',
  'Search Query Error': 'Galat kueri pencarian',
  '{field}: "{s}" is not a number': '{field}: "{s}" bukan angka',
  '{field} does not take a range': '{field} tidak menerima rentang',
  'cannot parse filter near "{rest.slice(0, 40)}"':
    'filter tidak dapat dibaca di dekat "{rest.slice(0, 40)}"',
  'unknown filter field "{name}"; known: {FQ_FIELDS.join(\', \')}':
    'isian filter "{name}" tidak dikenal; yang dikenal: {FQ_FIELDS.join(\', \')}',
  'cannot facet on "{f}"; use {FACET_FIELDS.join(\', \')}':
    'tidak dapat membuat faset atas "{f}"; gunakan {FACET_FIELDS.join(\', \')}',
  'cannot sort by "{part}"; use {Object.keys(SORTS).join(\', \')} with asc or desc':
    'tidak dapat mengurutkan menurut "{part}"; gunakan {Object.keys(SORTS).join(\', \')} dengan asc atau desc',

  // Accounts, sign-in, tokens.
  'Give your login name or email': 'Isi nama login atau email Anda',
  "Too many failed sign-in attempts; try again in {minutes} minute{minutes === 1 ? '' : 's'}":
    'Terlalu banyak percobaan masuk yang gagal; coba lagi dalam {minutes} menit',
  'Sign-in failed: wrong name, email or password': 'Gagal masuk: nama, email atau kata sandi salah',
  'Not signed in': 'Belum masuk',
  'The API token is not valid: unknown, revoked or expired':
    'Token API tidak valid: tidak dikenal, sudah dicabut atau kedaluwarsa',
  'CSRF token missing or invalid: send the X-CSRF-Token header given at sign-in':
    'Token CSRF tidak ada atau tidak valid: kirim header X-CSRF-Token yang diberikan saat masuk',
  'Only an admin of this institution or a sysadmin may manage its members':
    'Hanya admin instansi ini atau sysadmin yang boleh mengelola anggotanya',
  'member {user.name} of {org.name}': 'anggota {user.name} pada {org.name}',
  'user {idOrName}': 'pengguna {idOrName}',
  'You may only create your own tokens': 'Anda hanya boleh membuat token milik sendiri',
  'Give the token or its id (jti)': 'Isi token atau id-nya (jti)',
  'API token': 'token API',
  'You may only revoke your own tokens': 'Anda hanya boleh mencabut token milik sendiri',
  'You may only list your own tokens': 'Anda hanya boleh melihat token milik sendiri',
  'That email address is already in use': 'Alamat email itu sudah dipakai',
  'That login name is not available': 'Nama login itu tidak tersedia',
  'You may only change your own account': 'Anda hanya boleh mengubah akun sendiri',
  'Only a sysadmin may change sysadmin or state': 'Hanya sysadmin yang boleh mengubah sysadmin atau status',
  'The old password is not correct': 'Kata sandi lama tidak benar',
  'Kendali needs at least one active sysadmin': 'Kendali memerlukan setidaknya satu sysadmin aktif',
  'Only a sysadmin may list deactivated users': 'Hanya sysadmin yang boleh melihat pengguna nonaktif',
  'You must be signed in as a user to do this': 'Anda harus masuk sebagai pengguna untuk melakukan ini',
  'Give the ids to mark read, or all: true': 'Isi id yang ditandai terbaca, atau all: true',
  'Not a notification id': 'Bukan id notifikasi',

  // Uploads, imports, the datastore.
  'You must be signed in to upload a file': 'Anda harus masuk untuk mengunggah berkas',
  'send the file as multipart/form-data in a field named "file"':
    'kirim berkas sebagai multipart/form-data dalam isian bernama "file"',
  'send the file in a field named "file"': 'kirim berkas dalam isian bernama "file"',
  'the file is larger than the limit of {Math.round(maxBytes / 1048576)} MB':
    'berkas lebih besar dari batas {Math.round(maxBytes / 1048576)} MB',
  'the file is empty': 'berkas kosong',
  'not an upload id': 'bukan id unggahan',
  'upload {id}': 'unggahan {id}',
  'This upload belongs to someone else': 'Unggahan ini milik orang lain',
  "version {to.version.version} is the table's first; give a version to compare with":
    'versi {to.version.version} adalah versi pertama tabel; isi versi pembandingnya',
  'the table of {resource} is not on this machine': 'tabel {resource} tidak ada di mesin ini',
  '{report.errorCount} errors; nothing was published. First: row {first.row}, line {first.line}, column {first.field}: {first.message}':
    '{report.errorCount} galat; tidak ada yang diterbitkan. Pertama: baris data {first.row}, baris berkas {first.line}, kolom {first.field}: {first.message}',
  '{report.errorCount} errors; nothing was published. First: row {first?.row}, line {first?.line}: {first?.message}':
    '{report.errorCount} galat; tidak ada yang diterbitkan. Pertama: baris data {first?.row}, baris berkas {first?.line}: {first?.message}',
  'The file has errors': 'Berkas memuat galat',
  'datastore table of resource {target.resource.id} is being changed by others; try again':
    'tabel datastore sumber daya {target.resource.id} sedang diubah pihak lain; coba lagi',
  'must be a JSON object of column: value': 'harus berupa objek JSON kolom: nilai',
  'must be an object of column: value': 'harus berupa objek kolom: nilai',
  '"{s}": use "column asc" or "column desc"': '"{s}": gunakan "kolom asc" atau "kolom desc"',
  'datastore table for resource {resourceId}': 'tabel datastore untuk sumber daya {resourceId}',
  "version {version ?? 'latest'} of resource {resourceId}":
    "versi {version ?? 'latest'} sumber daya {resourceId}",
  'give either resource_id or resource (to create one)': 'isi resource_id atau resource (untuk membuatnya)',
  'Cannot edit read-only resource because changes made may be lost. Use force=True to ignore this warning.':
    'Sumber daya hanya-baca tidak dapat diubah karena perubahan bisa hilang. Gunakan force=True untuk mengabaikan peringatan ini.',
  'more than {MAX_GROUPS} groups; add filters or group by fewer columns':
    'lebih dari {MAX_GROUPS} kelompok; tambahkan filter atau kelompokkan menurut lebih sedikit kolom',
  'must be a list of objects': 'harus berupa daftar objek',
  'Duplicate key': 'Kunci ganda',
  'Key not found': 'Kunci tidak ditemukan',
  'existing rows have no value for the key': 'baris yang ada tidak memiliki nilai kunci',
  'existing rows repeat the key {showKey(change.key, first.map(toCell))}':
    'baris yang ada mengulang kunci {showKey(change.key, first.map(toCell))}',
  "must be 'merge' or 'delete'": "harus 'merge' atau 'delete'",
  'a delete needs a version to delete from': 'penghapusan memerlukan versi asal',
  'the versions have no column in common; there are no rows to compare':
    'versi-versi ini tidak memiliki kolom yang sama; tidak ada baris untuk dibandingkan',
  '{label(ref)} is being written': '{label(ref)} sedang ditulis',
  '{what} already exists': '{what} sudah ada',
  'the file': 'berkas',
  'The CSV file cannot be read': 'Berkas CSV tidak dapat dibaca',
  'no such file': 'berkas tidak ada',
  'version must be a positive whole number': 'versi harus bilangan bulat positif',
  "format must be one of {Object.keys(DUMP_TYPES).join(', ')}":
    "format harus salah satu dari {Object.keys(DUMP_TYPES).join(', ')}",
  'Expected {fields, reference: {resource, fields}} with as many reference fields as fields':
    'Diharapkan {fields, reference: {resource, fields}} dengan jumlah isian rujukan sama dengan isian',
  "Not columns of the file: {unknown.join(', ')}": "Bukan kolom berkas: {unknown.join(', ')}",
  "Not columns of {fk.reference.resource}: {absent.join(', ')}":
    "Bukan kolom {fk.reference.resource}: {absent.join(', ')}",
  '"{spec.column}" is not a column of the file; columns: {titles.join(\', \')}':
    '"{spec.column}" bukan kolom berkas; kolomnya: {titles.join(\', \')}',
  '"{code}" chosen for "{value}" in column "{this.options.column}" is not a region code of this column ({this.plan.levels.join(\', \')})':
    '"{code}" yang dipilih untuk "{value}" di kolom "{this.options.column}" bukan kode wilayah kolom ini ({this.plan.levels.join(\', \')})',
  "crosswalk {level}: expected columns bps_code and kemendagri_code…, got {header.join(', ')}":
    "tabel jembatan {level}: diharapkan kolom bps_code dan kemendagri_code…, didapat {header.join(', ')}",
  'KENDALI_CROSSWALK_DIR: {dir} is not a directory': 'KENDALI_CROSSWALK_DIR: {dir} bukan direktori',
  "KENDALI_CROSSWALK_DIR: {dir} holds none of {Object.values(CROSSWALK_FILES).join(', ')}":
    "KENDALI_CROSSWALK_DIR: {dir} tidak memuat satu pun dari {Object.values(CROSSWALK_FILES).join(', ')}",
  'region changes, row {i + 2}: expected level, code and change':
    'perubahan wilayah, baris {i + 2}: diharapkan level, kode dan perubahan',
  'data directory {dataDir} is in use by process {pid}; stop it or choose another KENDALI_DATA_DIR':
    'direktori data {dataDir} sedang dipakai proses {pid}; hentikan proses itu atau pilih KENDALI_DATA_DIR lain',
  'cannot lock data directory {dataDir}': 'direktori data {dataDir} tidak dapat dikunci',

  // Jobs and harvesting.
  'harvest source {ctx.job.target}': 'sumber panen {ctx.job.target}',
  'harvest source {idOrName}': 'sumber panen {idOrName}',
  'job {id}': 'pekerjaan {id}',
  'job {id} has already ended ({job.state})': 'pekerjaan {id} sudah berakhir ({job.state})',
  'Only the job’s creator or a sysadmin may do this':
    'Hanya pembuat pekerjaan atau sysadmin yang boleh melakukan ini',
  'Only http and https': 'Hanya http dan https',
  'That harvest source name is already in use': 'Nama sumber panen itu sudah dipakai',
  // net/policy.ts's OutboundRefused, as its message reads.
  '{host} is a {kind}, not a public one; outbound requests reach only public addresses unless KENDALI_OUTBOUND_ALLOW names the host or its network':
    '{host} adalah {kind}, bukan alamat publik; permintaan keluar hanya menuju alamat publik kecuali KENDALI_OUTBOUND_ALLOW menyebut host atau jaringannya',
  'private address': 'alamat privat',
  'loopback address (this machine)': 'alamat loopback (mesin ini)',
  'link-local address (such as a cloud metadata service)':
    'alamat link-local (seperti layanan metadata cloud)',
  'unique local (private) address': 'alamat lokal unik (privat)',
  'carrier-grade NAT address': 'alamat NAT operator (carrier-grade)',
  'unspecified address': 'alamat tak tentu',
  'broadcast address': 'alamat siaran (broadcast)',
  'multicast address': 'alamat multicast',
  'reserved address': 'alamat cadangan (reserved)',

  // The Satu Data cycle.
  'Only the institution’s walidata or admins may plan its data':
    'Hanya walidata atau admin instansi yang boleh merencanakan datanya',
  'The dataset belongs to another institution': 'Dataset ini milik instansi lain',
  'Already in the {input.year} Daftar Data of {org.name}':
    'Sudah ada dalam Daftar Data {input.year} {org.name}',
  'submission {id}': 'pengajuan {id}',
  'submission {input.id}': 'pengajuan {input.id}',
  'submission {input.resubmit} is not a returned submission of {ds.name}':
    'pengajuan {input.resubmit} bukan pengajuan {ds.name} yang dikembalikan',
  'Not an item of the Daftar Data': 'Bukan butir Daftar Data',
  'The item belongs to another institution': 'Butir ini milik instansi lain',
  '{report.errorCount} errors; nothing was submitted. First: row {first?.row}, line {first?.line}: {first?.message}':
    '{report.errorCount} galat; tidak ada yang diajukan. Pertama: baris data {first?.row}, baris berkas {first?.line}: {first?.message}',
  'Only the pembina data may decide this step': 'Hanya pembina data yang boleh memutuskan tahap ini',
  'Only the institution’s walidata or admins may decide this step':
    'Hanya walidata atau admin instansi yang boleh memutuskan tahap ini',
  'submission {s.id} is {s.state}: there is nothing to decide':
    'pengajuan {s.id} berstatus {s.state}: tidak ada yang perlu diputuskan',
  'Say why it is returned': 'Sebutkan alasan pengembaliannya',
  '{upload.filename}: {errors.length} galat; Daftar Data tidak diubah':
    '{upload.filename}: {errors.length} galat; Daftar Data tidak diubah',

  // Humas.
  'Not a date and time: {value}': 'Bukan tanggal dan waktu: {value}',
  'Must not be before starts_at': 'Tidak boleh sebelum starts_at',
  'An activity may last at most a year': 'Satu kegiatan paling lama setahun',
  'Only members of the institution may post its agenda':
    'Hanya anggota instansi yang boleh mengisi agendanya',
  'Must not be before from': 'Tidak boleh sebelum from',
  'agenda item {id}': 'kegiatan agenda {id}',
  'Required for an institution’s alias': 'Wajib untuk alias instansi',
  'Required for a programme’s alias': 'Wajib untuk alias program',
  'Already in the dictionary': 'Sudah ada dalam kamus',
  'media alias {input.id}': 'alias media {input.id}',
  'At most a year at a time': 'Paling lama setahun sekali ambil',
  'media source {idOrName}': 'sumber media {idOrName}',
  'Only the institution’s admins or a sysadmin may do this':
    'Hanya admin instansi atau sysadmin yang boleh melakukan ini',
  'Not a URL': 'Bukan URL',
  'Only http, https or file URLs': 'Hanya URL http, https atau file',
  'Not a cron schedule (minute hour day month weekday): {(e as Error).message}':
    'Bukan jadwal cron (menit jam tanggal bulan hari): {(e as Error).message}',
  'Only a sysadmin may add a file feed': 'Hanya sysadmin yang boleh menambah umpan berkas',
  'That media source name is already in use': 'Nama sumber media itu sudah dipakai',
  'Reactions are taken from readers’ browsers only': 'Reaksi hanya diterima dari peramban pembaca',
  'token: missing, expired or not issued for this page; load the article again (article_show)':
    'token: tidak ada, kedaluwarsa atau bukan untuk halaman ini; muat ulang artikelnya (article_show)',
  'Must not be after to ({to})': 'Tidak boleh setelah to ({to})',
  'Script markup is not allowed': 'Markah skrip tidak diperbolehkan',
  'Must be an http(s) URL or a path starting with /': 'Harus URL http(s) atau jalur yang diawali /',
  'Not a valid time': 'Bukan waktu yang valid',
  'A scheduled article needs its publish time': 'Artikel terjadwal memerlukan waktu terbit',
  'A scheduled time must be in the future': 'Waktu terjadwal harus di masa depan',
  'Only editors of the institution may write its articles':
    'Hanya editor instansi yang boleh menulis artikelnya',
  'Already used by another article: {input.slug}': 'Sudah dipakai artikel lain: {input.slug}',
  'Only editors of the institution may change its articles':
    'Hanya editor instansi yang boleh mengubah artikelnya',
  'article {idOrSlug}': 'artikel {idOrSlug}',
  'Too many attempts: at most {limit} in {windowS} seconds; try again later':
    'Terlalu banyak percobaan: paling banyak {limit} dalam {windowS} detik; coba lagi nanti',

  // Ruang Kendali.
  'board {idOrName}': 'papan {idOrName}',
  'board {input.id}': 'papan {input.id}',
  'version {ind.pinned_version} of the dataset': 'versi {ind.pinned_version} dataset',
  'a published version of the dataset': 'versi terbit dataset',
  '{JSON.stringify(period)} is not a period of this indicator':
    '{JSON.stringify(period)} bukan periode indikator ini',
  'this indicator has no province column': 'indikator ini tidak memiliki kolom provinsi',
  'this indicator has no regency column': 'indikator ini tidak memiliki kolom kabupaten/kota',
  'this indicator has no province column to drill down by':
    'indikator ini tidak memiliki kolom provinsi untuk ditelusuri',
  "{up.filename}: evidence must be one of {Object.keys(TYPES).join(', ')}":
    "{up.filename}: bukti harus salah satu dari {Object.keys(TYPES).join(', ')}",
  '{up.filename}: larger than 20 MB': '{up.filename}: lebih besar dari 20 MB',
  '{up.filename}: larger than 50 MB': '{up.filename}: lebih besar dari 50 MB',
  '{up.filename}: the content is not a {kind.type} file': '{up.filename}: isinya bukan berkas {kind.type}',
  'indicator {idOrName}': 'indikator {idOrName}',
  'indicator {input.id}': 'indikator {input.id}',
  'indicator {input.indicator}': 'indikator {input.indicator}',
  'not JSON: {(e as Error).message}': 'bukan JSON: {(e as Error).message}',
  'not a GeoJSON FeatureCollection': 'bukan GeoJSON FeatureCollection',
  "no feature's {JSON.stringify(codeProperty)} is a Kemendagri {level} code":
    'tidak ada {JSON.stringify(codeProperty)} fitur yang berupa kode {level} Kemendagri',
  ' (feature 0 has {JSON.stringify(unmatched[0].value)})':
    ' (fitur 0 berisi {JSON.stringify(unmatched[0].value)})',
  'must be 3 or 5': 'harus 3 atau 5',
  'a {levels}-level scale needs {levels - 1} thresholds':
    'skala {levels} tingkat memerlukan {levels - 1} ambang',
  'must be finite numbers in descending order': 'harus angka terhingga yang berurutan menurun',
  'not a level of a {levels}-level scale': 'bukan tingkat skala {levels} tingkat',
  'Only the institution’s walidata or admins may set its alerts':
    'Hanya walidata atau admin instansi yang boleh mengatur peringatannya',
  'Only a sysadmin may watch every institution': 'Hanya sysadmin yang boleh memantau semua instansi',
  'That rule name is already in use': 'Nama aturan itu sudah dipakai',
  'alert rule {id}': 'aturan peringatan {id}',
  'alert rule {input.id}': 'aturan peringatan {input.id}',
  'Only the institution’s walidata or admins may change its alerts':
    'Hanya walidata atau admin instansi yang boleh mengubah peringatannya',
  'alert {id}': 'peringatan {id}',
  'Only editors of the owner institution may follow up its alerts':
    'Hanya editor instansi pemilik yang boleh menindaklanjuti peringatannya',
  'the alert is closed': 'peringatan sudah ditutup',
  'closing an alert needs a note': 'menutup peringatan memerlukan catatan',
  'give a note, assignee, escalate, tier, close or evidence':
    'isi note, assignee, escalate, tier, close atau evidence',
  'no user {input.assignee}': 'tidak ada pengguna {input.assignee}',
  '{province} is not a Kemendagri province code': '{province} bukan kode provinsi Kemendagri',
  'Only editors of the institution may change its boards':
    'Hanya editor instansi yang boleh mengubah papannya',
  'Only editors of the institution may create its boards':
    'Hanya editor instansi yang boleh membuat papannya',
  'That board name is already in use': 'Nama papan itu sudah dipakai',
  'not a resource of this dataset': 'bukan sumber daya dataset ini',
  'the dataset has no such published datastore version':
    'dataset tidak memiliki versi datastore terbit tersebut',
  'the same period and region twice': 'periode dan wilayah yang sama dua kali',
  'Only editors of the institution may define its indicators':
    'Hanya editor instansi yang boleh mendefinisikan indikatornya',
  'That indicator name is already in use': 'Nama indikator itu sudah dipakai',
  'Only editors of the institution may change its indicators':
    'Hanya editor instansi yang boleh mengubah indikatornya',
  'tilegrid is the built-in map': 'tilegrid adalah peta bawaan',
  'That map name is already in use': 'Nama peta itu sudah dipakai',
  'map {input.id}': 'peta {input.id}',
  'programme {id}': 'program {id}',
  '{code} is not a Kemendagri region code': '{code} bukan kode wilayah Kemendagri',
  'Only editors of the institution may add its programmes':
    'Hanya editor instansi yang boleh menambah programnya',
  'That programme name is already in use': 'Nama program itu sudah dipakai',
  'Only editors of the institution may change its programmes':
    'Hanya editor instansi yang boleh mengubah programnya',
  'province {code}': 'provinsi {code}',
  'indicator values for province {code}': 'nilai indikator untuk provinsi {code}',
  'region {input.parent}': 'wilayah {input.parent}',
  'region {input.id}': 'wilayah {input.id}',

  // Why a region value resolved as it did (regions/resolve), in a region issue's message.
  'no region of that name': 'tidak ada wilayah bernama demikian',
  'matches only outside the given parent or kind':
    'hanya cocok di luar induk atau jenis wilayah yang ditentukan',
  '{kept.length} regions match': '{kept.length} wilayah cocok',
  '"{s}" is not a Kemendagri (NN.NN.NN.NNNN) or BPS code':
    '"{s}" bukan kode Kemendagri (NN.NN.NN.NNNN) ataupun kode BPS',
  '"{digits}" has {digits.length} digits: BPS codes have 2, 4, 7 or 10; Kemendagri codes are dotted':
    '"{digits}" terdiri atas {digits.length} angka: kode BPS terdiri atas 2, 4, 7 atau 10 angka; kode Kemendagri bertitik',
  '"{digits}" is not a Kemendagri code': '"{digits}" bukan kode Kemendagri',
  '{m.code} is outside the given parent {parent}': '{m.code} berada di luar induk yang ditentukan, {parent}',
  'province {digits} is {asK.name} for Kemendagri and {asB.name} for BPS: set codeScheme':
    'provinsi {digits} adalah {asK.name} menurut Kemendagri dan {asB.name} menurut BPS: tetapkan codeScheme',
  'the names in a label with "/" disagree': 'nama-nama dalam label dengan "/" tidak sepakat',
  '"{elsewhere.name}" ({elsewhere.code}) matches outside the parent':
    '"{elsewhere.name}" ({elsewhere.code}) cocok di luar induknya',
  '"{s}" has spaces inside a code': '"{s}" memuat spasi di dalam kode',
  'bare name read as {ctx.bare} (bareNameMeans)':
    'nama tanpa awalan dibaca sebagai {ctx.bare} (bareNameMeans)',
  'parent "{hint.trim()}" taken from the label': 'induk "{hint.trim()}" diambil dari label',
  'one of the names in a label with "/"': 'salah satu nama dalam label dengan "/"',
  'found inside the label "{raw.trim()}"': 'ditemukan di dalam label "{raw.trim()}"',
  'code {code} was removed and has no successor': 'kode {code} sudah dihapus dan tidak ada penggantinya',
  'no region has the Kemendagri code {code}': 'tidak ada wilayah dengan kode Kemendagri {code}',
  '{from} names another unit; matched BPS name "{hit.bpsName}"':
    '{from} menamai satuan wilayah lain; cocok dengan nama BPS "{hit.bpsName}"',
  '{from} is not in the reference data; matched BPS name "{hit.bpsName}"':
    '{from} tidak ada dalam data rujukan; cocok dengan nama BPS "{hit.bpsName}"',
  '{from} is "{region.name}" but BPS calls it "{hit.bpsName}"':
    '{from} adalah "{region.name}", tetapi BPS menyebutnya "{hit.bpsName}"',
  '{from}, which is not in the reference data': '{from}, yang tidak ada dalam data rujukan',
  'no BPS province {digits}': 'tidak ada provinsi BPS {digits}',
  'no province has the code {digits}': 'tidak ada provinsi dengan kode {digits}',
  'BPS code {input.digits} is not in the crosswalk': 'kode BPS {input.digits} tidak ada dalam tabel padanan',
  '"{input.digits}" looks like a BPS code; undotted codes are not read as Kemendagri codes: load a BPS–Kemendagri crosswalk':
    '"{input.digits}" tampak seperti kode BPS; kode tanpa titik tidak dibaca sebagai kode Kemendagri: muat tabel padanan BPS–Kemendagri',
  'former name "{f.former}"': 'nama lama "{f.former}"',
  'no letters or digits': 'tidak ada huruf atau angka',
  'empty value': 'nilai kosong',
  'parent "{value}" ignored: {m.status}': 'induk "{value}" diabaikan: {m.status}',
};
