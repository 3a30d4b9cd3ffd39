/**
 * Reactions through the real HTTP server on both engines: one per visitor and article, a change
 * of mind moves the count, a missing or forged page token is refused, flooding is throttled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REACT_LIMIT } from '../../src/actions/humas-news/engage.js';
import { CATALOG_ENGINES } from '../support/catalog.js';
import { type NewsHarness, newsHarness } from './support.js';

type Counts = Record<string, number>;

describe.each(CATALOG_ENGINES)('article reactions on %s', (engine) => {
  let h: NewsHarness;
  let id: string;
  beforeAll(async () => {
    h = await newsHarness(engine);
    id = (await h.article({ title: 'Pendapat pembaca' })).id;
  });
  afterAll(async () => h?.close());

  const token = async (ip: string): Promise<string> =>
    (await h.action('article_show', { id }, { ip })).body.result.page_token;
  const react = async (ip: string, reaction: string, tok?: string) =>
    h.action('article_react', { id, reaction, ...(tok === undefined ? {} : { token: tok }) }, { ip });
  const counts = async (): Promise<Counts> => (await h.action('article_show', { id })).body.result.reactions;

  it('counts one reaction per visitor; a change of mind moves it', async () => {
    const t1 = await token('192.0.2.1');
    const t2 = await token('192.0.2.2');
    expect((await react('192.0.2.1', 'senang', t1)).body.result.reactions.senang).toBe(1);
    await react('192.0.2.1', 'senang', t1);
    await react('192.0.2.2', 'bangga', t2);
    expect(await counts()).toEqual({ senang: 1, terinspirasi: 0, bangga: 1, sedih: 0, marah: 0 });
    const changed = await react('192.0.2.1', 'marah', t1);
    expect(changed.body.result).toEqual({
      reactions: { senang: 0, terinspirasi: 0, bangga: 1, sedih: 0, marah: 1 },
      my_reaction: 'marah',
    });
    const shown = await h.action('article_show', { id }, { ip: '192.0.2.1' });
    expect(shown.body.result.my_reaction).toBe('marah');
  });

  it('refuses a missing, forged, expired or borrowed page token', async () => {
    const mine = await token('192.0.2.30');
    const [exp, sig] = mine.split('.');
    const refused = [
      await react('192.0.2.30', 'sedih'),
      await react('192.0.2.30', 'sedih', `${exp}.${'A'.repeat(sig?.length ?? 43)}`),
      await react('192.0.2.30', 'sedih', `${Number(exp) + 60}.${sig}`),
      await react('192.0.2.30', 'sedih', `${Math.floor(Date.now() / 1000) - 10}.${sig}`),
      // Another visitor's token.
      await react('192.0.2.31', 'sedih', mine),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/token/);
    }
    expect((await counts()).sedih).toBe(0);
    expect((await react('192.0.2.30', 'sedih', mine)).status).toBe(200);
  });

  it('throttles flooding from one visitor, and refuses bots', async () => {
    const tok = await token('192.0.2.50');
    const all = [];
    for (let i = 0; i < REACT_LIMIT + 5; i++)
      all.push(await react('192.0.2.50', i % 2 ? 'terinspirasi' : 'sedih', tok));
    // Requests at a minute's turn may straddle two windows; the limit holds within each.
    const ok = all.filter((r) => r.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(REACT_LIMIT);
    expect(ok).toBeLessThanOrEqual(2 * REACT_LIMIT);
    expect(all.at(-1)?.status).toBe(429);
    expect(all.at(-1)?.body.error.message).toMatch(/Too many/);
    // The throttled visitor still counts once.
    const c = await counts();
    expect(Object.values(c).reduce((s, n) => s + n, 0)).toBe(4);
    const bot = await h.action(
      'article_react',
      { id, reaction: 'senang', token: tok },
      { ip: '192.0.2.50', ua: 'curl/8.0' },
    );
    expect(bot.status).toBe(403);
  });

  it('counts share clicks per channel and gives encoded share links', async () => {
    const r = await h.action('article_share', { id, channel: 'whatsapp' }, { ip: '192.0.2.70' });
    expect(r.body.result.shares).toBe(1);
    await h.action('article_share', { id, channel: 'x' }, { ip: '192.0.2.70' });
    await h.action('article_share', { id, channel: 'x' }, { ip: '192.0.2.71', ua: 'Googlebot/2.1' });
    const shown = (await h.action('article_show', { id })).body.result as {
      shares: number;
      share_links: Record<string, string>;
      slug: string;
    };
    expect(shown.shares).toBe(2);
    const url = encodeURIComponent(`${h.t.services.config.baseUrl}/humas/berita/${shown.slug}`);
    expect(shown.share_links.facebook).toBe(`https://www.facebook.com/sharer/sharer.php?u=${url}`);
    expect(shown.share_links.linkedin).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${url}`);
    expect(shown.share_links.telegram).toContain(`https://t.me/share/url?url=${url}&text=Pendapat%20pembaca`);
    expect(shown.share_links.x).toBe(`https://x.com/intent/tweet?url=${url}&text=Pendapat%20pembaca`);
    expect(shown.share_links.whatsapp).toBe(`https://wa.me/?text=Pendapat%20pembaca%20${url}`);
    expect(shown.share_links.email).toMatch(/^mailto:\?subject=Pendapat%20pembaca&body=/);
  });
});
