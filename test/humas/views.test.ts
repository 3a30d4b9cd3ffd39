/**
 * Reads ("Dibaca N kali") through the real HTTP server on both engines: 2,000 parallel reads of
 * 2,000 visitors count exactly 2,000; one visitor's repeated reads count once a day; bots and
 * prefetches count nothing; the stored rows hold no address or user agent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewCounterOf } from '../../src/humas/news/views.js';
import { CATALOG_ENGINES } from '../support/catalog.js';
import { type NewsHarness, newsHarness } from './support.js';

const views = async (h: NewsHarness, id: string): Promise<number> =>
  (await h.action('article_show', { id })).body.result.views;

describe.each(CATALOG_ENGINES)('article reads on %s', (engine) => {
  let h: NewsHarness;
  beforeAll(async () => {
    h = await newsHarness(engine);
  });
  afterAll(async () => h?.close());

  it('2,000 parallel reads of 2,000 visitors count exactly 2,000', async () => {
    const a = await h.article({ title: 'Dua ribu pembaca' });
    const answers = await Promise.all(
      Array.from({ length: 2000 }, (_, i) =>
        h.action('article_view', { id: a.id }, { ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }),
      ),
    );
    expect(answers.every((r) => r.status === 200 && r.body.result.counted === true)).toBe(true);
    expect(await views(h, a.id)).toBe(2000);
  }, 120_000);

  it('hits arriving together share one INSERT, each answered after its commit', async () => {
    const a = await h.article({ title: 'Satu pernyataan' });
    const counter = viewCounterOf(h.t.services.catalog);
    const before = counter.batches;
    const hits = Array.from({ length: 3000 }, (_, i) =>
      counter.add(a.id, '2026-11-28', `pengunjung${i % 2500}`),
    );
    const counted = await Promise.all(hits);
    expect(counted.filter(Boolean).length).toBe(2500);
    expect(counter.batches - before).toBeLessThanOrEqual(2);
    const stored = await h.t.services.catalog.db
      .selectFrom('article_view')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('article_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(2500);
  });

  it('one visitor reading again and again counts once; a slug counts as its article', async () => {
    const a = await h.article({ title: 'Pembaca setia' });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        h.action('article_view', { id: i % 2 ? a.id : a.slug }, { ip: '198.51.100.9' }),
      ),
    );
    expect(answers.filter((r) => r.body.result.counted).length).toBe(1);
    expect(await views(h, a.id)).toBe(1);
    // The same address with another browser is another visitor.
    await h.action(
      'article_view',
      { id: a.id },
      { ip: '198.51.100.9', ua: `${'Mozilla/5.0 (Macintosh) '}Safari/605.1.15` },
    );
    expect(await views(h, a.id)).toBe(2);
  });

  it('bots and prefetches count zero', async () => {
    const a = await h.article({ title: 'Tanpa robot' });
    const bots = [
      'Googlebot/2.1 (+http://www.google.com/bot.html)',
      'curl/8.5.0',
      'facebookexternalhit/1.1',
      'WhatsApp/2.23',
      'python-requests/2.31',
      '',
      'Mozilla/5.0 HeadlessChrome/120.0',
    ];
    const answers = await Promise.all(
      bots.flatMap((ua, i) =>
        Array.from({ length: 20 }, (_, j) =>
          h.action('article_view', { id: a.id }, { ip: `172.16.${i}.${j}`, ua }),
        ),
      ),
    );
    expect(answers.every((r) => r.body.result.counted === false && r.body.result.reason === 'bot')).toBe(
      true,
    );
    for (const headers of [{ purpose: 'prefetch' }, { 'sec-purpose': 'prefetch;prerender' }] as Record<
      string,
      string
    >[]) {
      const r = await h.action('article_view', { id: a.id }, { ip: '172.31.0.1', headers });
      expect(r.body.result).toEqual({ counted: false, reason: 'prefetch' });
    }
    expect(await views(h, a.id)).toBe(0);
  });

  it('stores neither address nor user agent, and refuses unpublished articles and GET', async () => {
    const rows = await h.t.services.catalog.db
      .selectFrom('article_view')
      .select('visitor')
      .where('visitor', 'not like', 'pengunjung%')
      .execute();
    expect(rows.length).toBeGreaterThan(2000);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/10\.0\.|198\.51|Mozilla/);
    expect(rows.every((r) => /^[A-Za-z0-9_-]{22}$/.test(r.visitor))).toBe(true);
    const draft = await h.article({ title: 'Masih draf', state: 'draft' });
    expect((await h.action('article_view', { id: draft.id })).status).toBe(404);
    const get = await h.app.inject({ method: 'GET', url: `/api/3/action/article_view?id=${draft.id}` });
    expect(get.statusCode).toBe(405);
  });
});
