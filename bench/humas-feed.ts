/**
 * Media feed processing rate: generated RSS feeds of a few thousand news items (a tenth of them
 * copies under tracking URLs or near-identical titles, mentions of the demo institutions)
 * through Kendali's whole step — parse, dedupe (canonical URL and title index), mentions,
 * sentiment — against the peer figure of the parser alone (@rowanmanning/feed-parser) on the
 * same documents, reading the same fields. Run by `npm run bench -- humas` (bench/humas.ts calls it).
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { DEMO_INSTITUTIONS } from '../src/demo/institutions.js';
import { MentionDictionary, organizationAliases } from '../src/humas/media/mentions.js';
import { FeedProcessor, parseEntries } from '../src/humas/media/process.js';

const WORDS = (
  'harga beras angka kemiskinan ekspor kopi kasus demam produksi padi pelayanan puskesmas jalan ' +
  'provinsi penyaluran bansos sekolah guru siswa petani nelayan pasar pabrik bandara pelabuhan ' +
  'jembatan bendungan irigasi vaksin imunisasi stunting gizi anggaran pajak investasi rupiah ' +
  'inflasi banjir longsor gempa kebakaran korupsi rapat kunjungan program bantuan warga desa kota ' +
  'naik turun meningkat anjlok membaik memburuk diresmikan dibahas dikeluhkan dikritik berhasil ' +
  'gagal tertunda rampung lancar terhambat baru lama besar kecil cepat lambat murah mahal sehat ' +
  'sakit aman rawan bersih kotor tinggi rendah pekan bulan tahun target realisasi laporan survei'
).split(' ');
const PLACES = [
  'Aceh',
  'Bali',
  'NTT',
  'Papua',
  'Jawa Barat',
  'Sulawesi Selatan',
  'Kalimantan Timur',
  'Maluku',
];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `feeds` RSS documents of `perFeed` items each, a tenth of them copies of earlier ones; deterministic. */
export function generateFeeds(feeds: number, perFeed: number): string[] {
  const rand = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const titles: string[] = [];
  const docs: string[] = [];
  let n = 0;
  for (let f = 0; f < feeds; f++) {
    const items: string[] = [];
    for (let k = 0; k < perFeed; k++, n++) {
      const copy = n % 10 === 9;
      const m = copy ? n - 7 : n;
      const org = DEMO_INSTITUTIONS[m % DEMO_INSTITUTIONS.length]?.title ?? '';
      if (!copy)
        titles[m] =
          `${Array.from({ length: 7 }, () => pick(WORDS)).join(' ')} di ${pick(PLACES)}, kata ${org}`;
      const title = titles[m] as string;
      const url =
        copy && n % 20 === 19
          ? `https://www.berita.example/a/${m}?utm_source=rss`
          : `https://berita.example/a/${m}${copy ? '-salinan' : ''}`;
      const date = new Date(Date.UTC(2026, 0, 1) + (m % 30) * 86_400_000).toUTCString();
      items.push(
        `<item><title>${copy && n % 20 !== 19 ? `VIDEO: ${title}!` : title}</title><link>${url}</link><description>Ringkasan berita nomor ${m} tentang ${org}.</description><pubDate>${date}</pubDate></item>`,
      );
    }
    docs.push(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Umpan ${f}</title><link>https://berita.example/</link>${items.join('')}</channel></rss>`,
    );
  }
  return docs;
}

export interface FeedRate {
  items: number;
  seconds: number;
  itemsPerSecond: number;
}

export async function measureFeeds(
  opts: { feeds?: number; perFeed?: number } = {},
): Promise<
  FeedRate & { new: number; duplicates: number; mentions: number; peer: FeedRate & { name: string } }
> {
  const docs = generateFeeds(opts.feeds ?? 6, opts.perFeed ?? 500);
  const dict = new MentionDictionary();
  for (const [i, o] of DEMO_INSTITUTIONS.entries())
    for (const alias of organizationAliases({ ...o, extras: {} }))
      dict.add({ kind: 'organization', organizationId: String(i), programme: '' }, alias);
  // warm up both paths once
  parseFeed(docs[0] as string);
  new FeedProcessor(dict).process(parseEntries(docs[0] as string).entries);

  let t0 = performance.now();
  let parsed = 0;
  for (const d of docs)
    for (const item of parseFeed(d).items) {
      // the fields Kendali reads, so both sides do the parser's lazy work
      if (item.title !== null && item.url !== null) parsed++;
      void item.description;
      void item.published;
    }
  const peerSeconds = (performance.now() - t0) / 1000;

  t0 = performance.now();
  const processor = new FeedProcessor(dict);
  let items = 0;
  let fresh = 0;
  let duplicates = 0;
  let mentions = 0;
  for (const d of docs) {
    const { entries } = parseEntries(d);
    items += entries.length;
    const r = processor.process(entries);
    fresh += r.items.length;
    duplicates += r.duplicates;
    for (const i of r.items) mentions += i.mentions.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    items,
    seconds,
    itemsPerSecond: items / seconds,
    new: fresh,
    duplicates,
    mentions,
    peer: {
      name: '@rowanmanning/feed-parser (parse and read the fields only)',
      items: parsed,
      seconds: peerSeconds,
      itemsPerSecond: parsed / peerSeconds,
    },
  };
}
