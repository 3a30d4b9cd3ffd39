/**
 * Fixture feeds for the media tests, dated relative to today so the week-long dedupe window
 * always holds them: an RSS feed and an Atom feed that share stories (the same article under
 * tracking parameters and another host; a near-identical syndicated title), mention institutions
 * by title, acronym and alias and a programme by its alias, and a run of negative stories about
 * one institution on one day over a quiet fortnight (a spike).
 */
export interface FixtureItem {
  readonly url: string;
  readonly title: string;
  readonly summary?: string;
  readonly daysAgo: number;
}

const at = (daysAgo: number, hour = 3): string =>
  new Date(Date.now() - daysAgo * 86_400_000 - hour * 3_600_000).toISOString();

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function rss(title: string, items: readonly FixtureItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>https://berita.example/</link><description>Uji</description>
${items
  .map(
    (i) =>
      `<item><title>${esc(i.title)}</title><link>${esc(i.url)}</link><description>${esc(i.summary ?? '')}</description><pubDate>${new Date(at(i.daysAgo)).toUTCString()}</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function atom(title: string, items: readonly FixtureItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:uji</id><updated>${at(0)}</updated>
${items
  .map(
    (i, k) =>
      `<entry><title>${esc(i.title)}</title><link href="${esc(i.url)}"/><id>urn:uji:${k}</id><updated>${at(i.daysAgo)}</updated><summary>${esc(i.summary ?? '')}</summary></entry>`,
  )
  .join('\n')}
</feed>`;
}

/** Feed A (RSS): 8 distinct stories plus 1 exact copy (another URL form of the first). */
export const FEED_A: FixtureItem[] = [
  {
    url: 'https://www.berita.example/ekonomi/bps-kemiskinan-turun?utm_source=rss&utm_medium=feed',
    title: 'BPS: angka kemiskinan turun ke level terendah',
    daysAgo: 1,
  },
  {
    url: 'http://berita.example/ekonomi/bps-kemiskinan-turun#komentar',
    title: 'BPS: angka kemiskinan turun ke level terendah',
    daysAgo: 1,
  },
  {
    url: 'https://berita.example/kesehatan/mbg-sukses',
    title: 'Program MBG berhasil tekan stunting di NTT',
    summary: 'Siswa senang menerima makanan bergizi.',
    daysAgo: 2,
  },
  {
    url: 'https://berita.example/kesehatan/kemenkes-rapat',
    title: 'Kementerian Kesehatan gelar rapat koordinasi di Jakarta',
    daysAgo: 3,
  },
  // one quiet negative story about Kemenkes in the baseline fortnight
  {
    url: 'https://berita.example/kesehatan/antrean-lama',
    title: 'Pasien mengeluh antrean lama, Kemenkes diminta berbenah',
    daysAgo: 9,
  },
  // the spike: five negative stories about Kemenkes yesterday
  {
    url: 'https://berita.example/kesehatan/obat-kosong',
    title: 'Stok obat kosong di puskesmas, Kemenkes dikritik warga',
    daysAgo: 1,
  },
  {
    url: 'https://berita.example/kesehatan/data-bocor',
    title: 'Data pasien bocor, Kementerian Kesehatan digugat',
    daysAgo: 1,
  },
  {
    url: 'https://berita.example/kesehatan/vaksin-terlambat',
    title: 'Distribusi vaksin terlambat, Kemenkes disorot DPR',
    daysAgo: 1,
  },
  {
    url: 'https://berita.example/kesehatan/aplikasi-error',
    title: 'Aplikasi layanan Kemenkes error berjam-jam, warga kecewa',
    daysAgo: 1,
  },
];

/** Feed B (Atom): 2 copies of stories in A (a syndicated title, a mobile URL) and 2 new stories. */
export const FEED_B: FixtureItem[] = [
  { url: 'https://portal.example/r/1', title: 'BPS: Angka Kemiskinan Turun ke Level Terendah!', daysAgo: 1 },
  { url: 'https://m.berita.example/kesehatan/mbg-sukses/', title: 'MBG sukses di NTT (salinan)', daysAgo: 2 },
  {
    url: 'https://portal.example/r/2',
    title: 'Kementerian Kesehatan lamban tangani wabah campak, korban bertambah',
    daysAgo: 1,
  },
  { url: 'https://portal.example/r/3', title: 'Sensus pertanian dimulai serentak bulan Juni', daysAgo: 4 },
];
