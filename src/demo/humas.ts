/**
 * The Humas demo: a joint PR agenda across the demo institutions (this week and the next, with
 * two clashes to see), programme aliases for the mention dictionary, and a local news feed —
 * written to `<data>/demo/berita-demo.xml` from the items below, dated relative to the seeding
 * day, and registered as the file:// media source `berita-demo`, whose first fetch is queued at
 * once. No internet is needed. Headlines are synthetic, written for the demo.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import type { CatalogSchema } from '../catalog/schema.js';
import { addDays, jakartaDay } from '../humas/media/text.js';
import type { JobRunner } from '../jobs/runner.js';

/** [institution, title, kind, topic, hashtag, audience, day offset from this week's Monday, hour, hours]. */
const AGENDA: readonly [string, string, string, string, string, string, number, number, number][] = [
  [
    'bps',
    'Rilis Berita Resmi Statistik: Inflasi',
    'release',
    'Inflasi',
    '#DataUntukIndonesia',
    'Media nasional',
    0,
    11,
    1,
  ],
  [
    'kementan',
    'Konferensi pers stok pangan jelang akhir tahun',
    'press_conference',
    'Inflasi',
    '#PanganAman',
    'Media nasional',
    0,
    14,
    1,
  ],
  [
    'kemenkes',
    'Konferensi pers imunisasi nasional',
    'press_conference',
    'Imunisasi',
    '#AyoImunisasi',
    'Orang tua, media',
    1,
    10,
    1,
  ],
  [
    'kemendikdasmen',
    'Peluncuran rapor pendidikan',
    'event',
    'Pendidikan',
    '#MerdekaBelajar',
    'Guru, kepala sekolah',
    1,
    10,
    2,
  ],
  [
    'kemensos',
    'Kampanye bansos tepat sasaran',
    'campaign',
    'Perlindungan sosial',
    '#BansosTepat',
    'Penerima bansos',
    0,
    8,
    24 * 6,
  ],
  [
    'kementerian-pu',
    'Siaran pers rampungnya Bendungan Sepaku',
    'release',
    'Infrastruktur',
    '#InfrastrukturUntukRakyat',
    'Media daerah',
    2,
    9,
    1,
  ],
  [
    'ksp',
    'Temu media capaian program prioritas',
    'press_conference',
    'Program prioritas',
    '#IndonesiaMaju',
    'Media nasional',
    3,
    15,
    2,
  ],
  [
    'kemensetneg',
    'Rapat koordinasi kehumasan pemerintah',
    'event',
    'Koordinasi humas',
    '#GPR',
    'Humas kementerian',
    4,
    9,
    3,
  ],
  ['bps', 'Rilis ekspor-impor', 'release', 'Perdagangan', '#DataUntukIndonesia', 'Media nasional', 7, 11, 1],
  [
    'kemenkes',
    'Kampanye cek kesehatan gratis',
    'campaign',
    'Kesehatan',
    '#CekKesehatanGratis',
    'Masyarakat umum',
    7,
    8,
    24 * 5,
  ],
  [
    'kementan',
    'Panen raya padi di Karawang',
    'event',
    'Pangan',
    '#PanganAman',
    'Petani, media daerah',
    9,
    8,
    3,
  ],
];

/** [days ago, title, summary]: synthetic headlines about the demo institutions and programmes. */
const NEWS: readonly [number, string, string][] = [
  [
    13,
    'BPS: angka kemiskinan turun ke level terendah',
    'Badan Pusat Statistik mencatat penurunan kemiskinan.',
  ],
  [12, 'Kementan catat panen raya padi surplus di Jawa Timur', 'Produksi padi melimpah.'],
  [12, 'Kemenkes gelar rapat koordinasi imunisasi di Jakarta', 'Rapat membahas jadwal imunisasi.'],
  [11, 'Program MBG berhasil tekan stunting di NTT', 'Siswa senang menerima makanan bergizi.'],
  [10, 'Pasien mengeluh antrean lama, Kemenkes diminta berbenah', 'Keluhan warga di beberapa kota.'],
  [9, 'Kemendikdasmen umumkan jadwal penerimaan murid baru', 'Pendaftaran dibuka bulan depan.'],
  [9, 'Bendungan baru Kementerian PU rampung lebih cepat dari target', 'Irigasi untuk ribuan hektare.'],
  [8, 'Kemensos salurkan bansos tepat waktu ke jutaan keluarga', 'Penyaluran berjalan lancar.'],
  [7, 'BPS rilis data neraca perdagangan pekan depan', 'Jadwal rilis diumumkan.'],
  [
    7,
    'Jalan provinsi rusak tak kunjung diperbaiki, Kementerian PU dikritik',
    'Warga mengeluh jalan berlubang.',
  ],
  [6, 'Kantor Staf Presiden gelar diskusi publik soal data pangan', 'Diskusi dihadiri akademisi.'],
  [5, 'Ekspor kopi naik tajam, kata BPS', 'Nilai ekspor kopi meningkat.'],
  [5, 'Cek kesehatan gratis disambut antusias warga', 'Kemenkes mencatat ribuan peserta.'],
  [4, 'Kemensetneg siapkan upacara hari kemerdekaan', 'Persiapan dimulai.'],
  [4, 'Data bansos bermasalah, Kemensos didesak perbaiki data penerima', 'Ribuan penerima salah sasaran.'],
  [3, 'Kementan dan pemprov bahas rencana tanam musim depan', 'Rapat digelar di Bandung.'],
  [3, 'Guru senang rapor pendidikan Kemendikdasmen mudah dipakai', 'Aplikasi dinilai membantu.'],
  [2, 'Kemenkes luncurkan layanan telemedisin untuk daerah terpencil', 'Inovasi layanan kesehatan.'],
  [2, 'Harga beras naik, Kementan diminta turun tangan', 'Pedagang mengeluh.'],
  [1, 'Stok obat kosong di puskesmas, Kemenkes dikritik warga', 'Pasien kecewa.'],
  [1, 'Data pasien bocor, Kementerian Kesehatan digugat', 'Kebocoran data ramai di media sosial.'],
  [1, 'Distribusi vaksin terlambat, Kemenkes disorot DPR', 'Imunisasi anak tertunda.'],
  [1, 'Aplikasi layanan Kemenkes error berjam-jam, warga kecewa', 'Keluhan membanjiri media sosial.'],
  [1, 'BPS: inflasi terkendali, harga pangan stabil', 'Inflasi tahunan rendah.'],
  [0, 'KSP: capaian program prioritas sesuai target', 'Laporan triwulan disampaikan.'],
  [0, 'MBG dirasakan manfaatnya oleh siswa di Papua', 'Program Makan Bergizi Gratis menjangkau sekolah.'],
];

const PROGRAMME_ALIASES: readonly [string, string][] = [
  ['Makan Bergizi Gratis', 'MBG'],
  ['Makan Bergizi Gratis', 'Makan Bergizi Gratis'],
  ['Cek Kesehatan Gratis', 'cek kesehatan gratis'],
];

const ORG_ALIASES: readonly [string, string][] = [
  ['kementerian-pu', 'Kementerian PU'],
  ['kementerian-pu', 'KemenPU'],
  ['kemendikdasmen', 'Kemendikdasmen'],
  ['ksp', 'KSP'],
];

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const WIB_MS = 7 * 3_600_000;

/**
 * When the demo's item `k`, `ago` days back, was published: earlier days between 08:00 and
 * 12:00 WIB (so a day's items stay on that day in the control room, whatever the hour now),
 * today a few minutes before `now` and never before midnight.
 */
function publishedAt(now: Date, ago: number, k: number): Date {
  const midnight = Math.floor((now.getTime() + WIB_MS) / 86_400_000) * 86_400_000 - WIB_MS;
  if (ago === 0) return new Date(Math.max(midnight, now.getTime() - (k % 5) * 60_000));
  return new Date(midnight - ago * 86_400_000 + (8 + (k % 5)) * 3_600_000);
}

/** The demo feed as RSS, dated relative to `now`. */
export function demoFeed(now: Date): string {
  const items = NEWS.map(([ago, title, summary], k) => {
    const at = publishedAt(now, ago, k);
    return `<item><title>${esc(title)}</title><link>https://berita-demo.kendali.local/${k + 1}</link><description>${esc(summary)}</description><pubDate>${at.toUTCString()}</pubDate></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Berita Demo (sintetis)</title><link>https://berita-demo.kendali.local/</link><description>Umpan berita sintetis untuk demo Kendali</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

export const DEMO_FEED_SOURCE = 'berita-demo';

/** Seeds the Humas demo after the institutions exist; queues the feed's first fetch. */
export async function seedHumasDemo(
  db: Kysely<CatalogSchema>,
  dataDir: string,
  jobs: JobRunner,
  now = new Date(),
): Promise<void> {
  const orgs = new Map(
    (await db.selectFrom('organization').select(['id', 'name']).execute()).map((o) => [o.name, o.id]),
  );
  const monday = (() => {
    const today = jakartaDay(now);
    const back = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
    return addDays(today, -back);
  })();
  for (const [org, title, kind, topic, hashtag, audience, day, hour, hours] of AGENDA) {
    const organization_id = orgs.get(org);
    if (!organization_id) continue;
    const starts_at = new Date(`${addDays(monday, day)}T${String(hour).padStart(2, '0')}:00:00+07:00`);
    await db
      .insertInto('agenda_item')
      .values({
        organization_id,
        title,
        kind: kind as 'release',
        topic,
        hashtag: hashtag.toLowerCase(),
        audience,
        location: 'Jakarta',
        starts_at,
        ends_at: new Date(starts_at.getTime() + hours * 3_600_000),
      })
      .execute();
  }
  for (const [programme, alias] of PROGRAMME_ALIASES)
    await db.insertInto('media_alias').values({ kind: 'programme', programme, alias }).execute();
  for (const [org, alias] of ORG_ALIASES) {
    const id = orgs.get(org);
    if (id)
      await db
        .insertInto('media_alias')
        .values({ kind: 'organization', organization_id: id, alias })
        .execute();
  }
  const owner = orgs.get('kemensetneg') ?? [...orgs.values()][0];
  if (!owner) return;
  const dir = join(dataDir, 'demo');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'berita-demo.xml');
  writeFileSync(file, demoFeed(now));
  const source = await db
    .insertInto('media_source')
    .values({
      name: DEMO_FEED_SOURCE,
      title: 'Berita demo (umpan lokal, sintetis)',
      url: pathToFileURL(file).toString(),
      organization_id: owner,
      schedule: '0 */6 * * *',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await jobs.enqueue({ kind: 'media_fetch', target: source.id, params: { source: DEMO_FEED_SOURCE } });
}
