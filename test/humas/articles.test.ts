/**
 * Articles on both engines: writing, drafts seen by their institution only, scheduled articles
 * turning public at their time, sanitised bodies, RSS and Atom (parsed back) with published
 * articles only, the article page's Open Graph and Twitter tags, and the engagement feed with
 * its daily datastore table.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../src/auth/actor.js';
import { makeContext } from '../../src/http/context.js';
import { publishEngagement } from '../../src/humas/news/engagement.js';
import { ENGAGEMENT_JOB, queueEngagement } from '../../src/humas/news/engagement-job.js';
import { forgetArticles } from '../../src/humas/news/guard.js';
import { jakartaDay } from '../../src/humas/news/visitor.js';
import { addUser, systemCtx } from '../support/accounts.js';
import { CATALOG_ENGINES } from '../support/catalog.js';
import { type NewsHarness, newsHarness } from './support.js';

describe.each(CATALOG_ENGINES)('Humas articles on %s', (engine) => {
  let h: NewsHarness;
  beforeAll(async () => {
    h = await newsHarness(engine);
  });
  afterAll(async () => h?.close());

  const as = async (name: string | null) => {
    if (!name) return makeContext(h.t.registry, h.t.services, null, 'id', 't');
    const row = await h.t.services.catalog.db
      .selectFrom('app_user')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return makeContext(
      h.t.registry,
      h.t.services,
      await loadActor(h.t.services.catalog.db, row.id),
      'id',
      't',
    );
  };

  it('writes articles with slugs, sanitised bodies, and drafts only their institution sees', async () => {
    const editor = await addUser(h.t, 'humas-editor');
    await addUser(h.t, 'warga');
    await h.t.registry.call('member_create', systemCtx(h.t), {
      id: 'diskominfo',
      object: editor.name,
      object_type: 'user',
      capacity: 'produsen',
    });
    const ctx = await as('humas-editor');
    const made = (await h.t.registry.call('article_create', ctx, {
      owner_org: 'diskominfo',
      title: 'Peluncuran Portal Satu Data Daerah',
      lead: 'Portal baru diluncurkan.',
      body: 'Teks dengan <b>HTML</b> dan [tautan](https://example.go.id).',
      tags: ['satu data'],
      hashtags: ['SatuData'],
      author: 'Tim Humas',
    })) as { id: string; slug: string; state: string; body_html: string; hashtags: string[] };
    expect(made.slug).toBe('peluncuran-portal-satu-data-daerah');
    expect(made.state).toBe('draft');
    expect(made.hashtags).toEqual(['#SatuData']);
    expect(made.body_html).toContain('&lt;b&gt;HTML&lt;/b&gt;');
    expect(made.body_html).toContain('rel="noopener noreferrer nofollow"');
    const again = (await h.t.registry.call('article_create', ctx, {
      owner_org: 'diskominfo',
      title: 'Peluncuran Portal Satu Data Daerah',
    })) as { slug: string };
    expect(again.slug).toBe('peluncuran-portal-satu-data-daerah-2');
    // A draft: not found for the public and other users, shown to members.
    await expect(h.t.registry.call('article_show', await as(null), { id: made.slug })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(h.t.registry.call('article_show', await as('warga'), { id: made.id })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    expect(
      ((await h.t.registry.call('article_list', ctx, { include_drafts: true })) as { count: number }).count,
    ).toBeGreaterThanOrEqual(2);
    expect(
      (
        (await h.t.registry.call('article_list', await as('warga'), { include_drafts: true })) as {
          count: number;
        }
      ).count,
    ).toBe(0);
    // Refused input names its field.
    await expect(
      h.t.registry.call('article_create', ctx, {
        owner_org: 'diskominfo',
        title: 'Berbahaya',
        body: '<script>alert(1)</script>',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: { body: [expect.stringMatching(/Script/)] } });
    await expect(
      h.t.registry.call('article_update', ctx, { id: made.id, state: 'scheduled' }),
    ).rejects.toMatchObject({
      fields: { publish_at: [expect.any(String)] },
    });
    // Published: everyone reads it; the change is in the audit log.
    const pub = (await h.t.registry.call('article_update', ctx, { id: made.id, state: 'published' })) as {
      state: string;
    };
    expect(pub.state).toBe('published');
    const shown = (await h.t.registry.call('article_show', await as(null), { id: made.slug })) as {
      views: number;
      reactions: Record<string, number>;
    };
    expect(shown.views).toBe(0);
    expect(Object.keys(shown.reactions)).toEqual(['senang', 'terinspirasi', 'bangga', 'sedih', 'marah']);
    const audit = await h.t.services.catalog.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'article_%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['article_create', 'article_create', 'article_update']);
  });

  it('a scheduled article turns public at its time', async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const a = await h.article({ title: 'Jadwal terbit', state: 'scheduled', publish_at: soon });
    await expect(h.t.registry.call('article_show', await as(null), { id: a.slug })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await h.action('article_view', { id: a.id })).status).toBe(404);
    await new Promise((r) => setTimeout(r, 1600));
    forgetArticles(h.t.services.catalog);
    expect(
      ((await h.t.registry.call('article_show', await as(null), { id: a.slug })) as { state: string }).state,
    ).toBe('published');
    expect((await h.action('article_view', { id: a.id })).body.result.counted).toBe(true);
  });

  it('RSS and Atom parse back and hold published articles only', async () => {
    await h.article({
      title: 'Berita terbit & <aman>',
      lead: 'Ringkas "kutip"',
      tags: ['kesehatan'],
      cover_url: '/img/sampul.jpg',
    });
    await h.article({ title: 'Rahasia draf feed', state: 'draft' });
    await h.article({ title: 'Rahasia jadwal feed', state: 'scheduled', publish_at: '2099-01-01T00:00:00Z' });
    const published = (await h.t.registry.call('article_list', await as(null), { limit: 100 })) as {
      count: number;
      results: { title: string }[];
    };
    for (const [url, type] of [
      ['/humas/berita.rss', 'rss'],
      ['/humas/berita.atom', 'atom'],
    ] as const) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(
        type === 'rss' ? 'application/rss+xml' : 'application/atom+xml',
      );
      const feed = parseFeed(res.body);
      expect(feed.meta.type).toBe(type);
      expect(feed.items.map((i) => i.title).sort()).toEqual(published.results.map((r) => r.title).sort());
      expect(res.body).not.toContain('Rahasia');
      const item = feed.items.find((i) => i.title === 'Berita terbit & <aman>');
      expect(item?.url).toBe(`${h.t.services.config.baseUrl}/humas/berita/berita-terbit-aman`);
      expect(item?.categories.map((c) => c.term)).toContain('kesehatan');
    }
    const one = parseFeed(
      (await h.app.inject({ method: 'GET', url: '/humas/berita.atom?instansi=diskominfo' })).body,
    );
    expect(one.items.length).toBe(published.count);
    expect(
      (await h.app.inject({ method: 'GET', url: '/humas/berita.rss?instansi=tidak-ada' })).statusCode,
    ).toBe(404);
  });

  it('the article URL carries Open Graph and Twitter tags; drafts get the plain page', async () => {
    const page = await h.app.inject({
      method: 'GET',
      url: '/humas/berita/berita-terbit-aman',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    const base = h.t.services.config.baseUrl;
    expect(page.body).toContain('<meta property="og:title" content="Berita terbit &amp; &lt;aman&gt;" />');
    expect(page.body).toContain('<meta property="og:description" content="Ringkas &quot;kutip&quot;" />');
    expect(page.body).toContain(
      `<meta property="og:url" content="${base}/humas/berita/berita-terbit-aman" />`,
    );
    expect(page.body).toContain(`<meta property="og:image" content="${base}/img/sampul.jpg" />`);
    expect(page.body).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(page.body).toContain('<title>Berita terbit &amp; &lt;aman&gt; — ');
    expect(page.body.match(/<title>/g)?.length).toBe(1);
    expect(page.body).toContain('<div id="root">');
    const draft = await h.app.inject({
      method: 'GET',
      url: '/humas/berita/rahasia-draf-feed',
      headers: { accept: 'text/html' },
    });
    expect(draft.body).not.toContain('Rahasia');
    expect(draft.body).toContain('<title>Kendali</title>');
  });

  it('engagement per article and institution, published daily as a datastore table', async () => {
    const a = await h.article({ title: 'Diukur ruang kendali' });
    for (let i = 0; i < 3; i++) await h.action('article_view', { id: a.id }, { ip: `100.64.0.${i}` });
    const tok = (await h.action('article_show', { id: a.id })).body.result.page_token;
    await h.action('article_react', { id: a.id, reaction: 'bangga', token: tok });
    await h.action('article_share', { id: a.id, channel: 'telegram' });
    const ctx = await as('warga');
    const rows = (await h.t.registry.call('humas_engagement', ctx, {})) as {
      rows: { artikel: string; dibaca: number; reaksi: number; dibagikan: number; tanggal: string }[];
    };
    expect(rows.rows.find((r) => r.artikel === a.slug)).toMatchObject({
      dibaca: 3,
      reaksi: 1,
      dibagikan: 1,
      tanggal: jakartaDay(),
    });
    const byOrg = (await h.t.registry.call('humas_engagement', ctx, { by: 'organization' })) as {
      rows: { instansi: string; dibaca: number }[];
    };
    const total = rows.rows.reduce((s, r) => s + r.dibaca, 0);
    expect(byOrg.rows).toEqual([expect.objectContaining({ instansi: 'diskominfo', dibaca: total })]);
    const sys = systemCtx(h.t);
    const call = (name: string, input: Record<string, unknown>) => h.t.registry.call(name, sys, input);
    expect(await publishEngagement(h.t.services.catalog, call, jakartaDay())).toBe(rows.rows.length);
    await h.action('article_view', { id: a.id }, { ip: '100.64.0.99' });
    await publishEngagement(h.t.services.catalog, call, jakartaDay());
    const ds = (await call('package_show', { id: 'humas-keterlibatan' })) as {
      organization: { name: string };
      resources: { id: string }[];
    };
    expect(ds.organization.name).toBe('kendali-sistem');
    const table = (await call('datastore_search', {
      resource_id: ds.resources[0]?.id,
      filters: { artikel: a.slug },
    })) as { records: { dibaca: number }[] };
    expect(table.records.map((r) => Number(r.dibaca))).toEqual([4]);
    // The scheduler queues one job a day.
    expect(await queueEngagement(h.t.services.catalog, h.t.services.jobs)).toBe(true);
    expect(await queueEngagement(h.t.services.catalog, h.t.services.jobs)).toBe(false);
    const jobs = await h.t.services.catalog.db
      .selectFrom('job')
      .select('target')
      .where('kind', '=', ENGAGEMENT_JOB)
      .execute();
    expect(jobs.map((j) => j.target)).toEqual([jakartaDay()]);
  });
});
