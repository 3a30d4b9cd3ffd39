/**
 * Demo news (Humas): a handful of articles written for the demo in Bahasa Indonesia from demo
 * institutions, with synthetic reads, reactions and share clicks over their first days, so the
 * news pages and the engagement feed have something to show. Visitors are made-up keys.
 */
import type { Transaction } from 'kysely';
import { jsonb } from '../catalog/json.js';
import type { CatalogSchema } from '../catalog/schema.js';
import { seededRandom } from '../core/random.js';

interface DemoArticle {
  org: string;
  slug: string;
  title: string;
  lead: string;
  body: string;
  tags: string[];
  hashtags: string[];
  author: string;
  daysAgo: number;
  reads: number;
}

const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    org: 'bps',
    slug: 'angka-kemiskinan-turun-di-sebagian-besar-provinsi',
    title: 'Angka Kemiskinan Turun di Sebagian Besar Provinsi',
    lead: 'Data demo menunjukkan persentase penduduk miskin menurun di 30 dari 38 provinsi dibanding tahun sebelumnya.',
    body: 'Badan Pusat Statistik merilis pembaruan data kemiskinan (data **sintetis** untuk demo).\n\n## Sorotan\n\n- Penurunan terbesar terjadi di kawasan timur.\n- Delapan provinsi masih perlu perhatian khusus.\n\nData lengkap tersedia di [katalog Satu Data](/dataset).',
    tags: ['kemiskinan', 'statistik'],
    hashtags: ['#SatuData', '#DataUntukSemua'],
    author: 'Tim Humas BPS',
    daysAgo: 6,
    reads: 180,
  },
  {
    org: 'kemenkes',
    slug: 'imunisasi-dasar-lengkap-capai-target-di-15-provinsi',
    title: 'Imunisasi Dasar Lengkap Capai Target di 15 Provinsi',
    lead: 'Cakupan imunisasi dasar lengkap terus meningkat; lima belas provinsi telah melampaui target nasional.',
    body: 'Kementerian Kesehatan mengapresiasi kerja tenaga kesehatan di puskesmas dan posyandu.\n\n> Setiap anak berhak terlindungi dari penyakit yang dapat dicegah.\n\nAyo lengkapi imunisasi anak di fasilitas kesehatan terdekat.',
    tags: ['kesehatan', 'imunisasi'],
    hashtags: ['#AyoImunisasi'],
    author: 'Biro Komunikasi Kemenkes',
    daysAgo: 4,
    reads: 240,
  },
  {
    org: 'kementan',
    slug: 'produksi-padi-meningkat-berkat-irigasi-baru',
    title: 'Produksi Padi Meningkat berkat Irigasi Baru',
    lead: 'Jaringan irigasi yang rampung tahun ini menambah luas panen dan produksi gabah kering giling.',
    body: 'Kementerian Pertanian mencatat kenaikan produksi padi di daerah yang menerima jaringan irigasi baru (angka demo).\n\n1. Luas panen bertambah.\n2. Indeks pertanaman naik.\n3. Petani dapat menanam dua kali setahun.',
    tags: ['pertanian', 'pangan'],
    hashtags: ['#SwasembadaPangan'],
    author: 'Humas Kementan',
    daysAgo: 3,
    reads: 95,
  },
  {
    org: 'kemendikdasmen',
    slug: 'ribuan-sekolah-terhubung-internet-tahun-ini',
    title: 'Ribuan Sekolah Terhubung Internet Tahun Ini',
    lead: 'Program konektivitas sekolah menjangkau daerah 3T sehingga guru dan murid dapat memakai bahan ajar digital.',
    body: 'Sekolah yang baru terhubung kini dapat mengakses platform pembelajaran dan rapor digital.\n\nKepala sekolah diminta memperbarui data sarana prasarana di Dapodik agar bantuan tepat sasaran.',
    tags: ['pendidikan', 'digital'],
    hashtags: ['#MerdekaBelajar'],
    author: 'Pusat Informasi dan Humas',
    daysAgo: 1,
    reads: 60,
  },
];

const REACTION_MIX = [
  'senang',
  'bangga',
  'terinspirasi',
  'senang',
  'bangga',
  'sedih',
  'senang',
  'marah',
] as const;
const CHANNELS = ['whatsapp', 'facebook', 'x', 'telegram', 'linkedin', 'email', 'copy'];

const dayOf = (t: number): string => new Date(t + 7 * 3600_000).toISOString().slice(0, 10);

/** Seeds the demo articles and their engagement; `orgIds` maps demo institution names to ids. */
export async function seedNewsDemo(
  trx: Transaction<CatalogSchema>,
  orgIds: ReadonlyMap<string, string>,
  now = Date.now(),
): Promise<number> {
  const random = seededRandom(20260808);
  let made = 0;
  for (const a of DEMO_ARTICLES) {
    const orgId = orgIds.get(a.org);
    if (!orgId) continue;
    const published = now - a.daysAgo * 86_400_000;
    const row = await trx
      .insertInto('article')
      .values({
        organization_id: orgId,
        slug: a.slug,
        title: a.title,
        lead: a.lead,
        body: a.body,
        tags: jsonb(a.tags),
        hashtags: jsonb(a.hashtags),
        author: a.author,
        draft: false,
        publish_at: new Date(published),
        created: new Date(published),
        modified: new Date(published),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const views = Array.from({ length: a.reads }, (_, i) => ({
      article_id: row.id,
      // Most reads on the first days after publishing.
      day: dayOf(published + Math.floor(random.next() ** 2 * (a.daysAgo + 1)) * 86_400_000),
      visitor: `demo-${i}`,
    }));
    await trx.insertInto('article_view').values(views).execute();
    const reactions = Array.from({ length: Math.round(a.reads / 8) }, (_, i) => ({
      article_id: row.id,
      visitor: `demo-${i}`,
      reaction: REACTION_MIX[Math.floor(random.next() * REACTION_MIX.length)] ?? 'senang',
      day: dayOf(published),
    }));
    await trx.insertInto('article_reaction').values(reactions).execute();
    await trx
      .insertInto('article_share')
      .values(
        CHANNELS.map((channel) => ({
          article_id: row.id,
          day: dayOf(published),
          channel,
          n: Math.floor(random.next() * a.reads * 0.05),
        })),
      )
      .execute();
    made++;
  }
  return made;
}
