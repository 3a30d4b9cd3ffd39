/** The Humas demo: agenda across the demo institutions and the local feed fetched by its first job. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FEED_SOURCE, seedHumasDemo } from '../../src/demo/humas.js';
import { DEMO_INSTITUTIONS } from '../../src/demo/institutions.js';
import { systemCtx } from '../support/accounts.js';
import { CATALOG_ENGINES } from '../support/catalog.js';
import { openTestServices, type TestServices } from '../support/services.js';

describe.each(CATALOG_ENGINES)('Humas demo (%s)', (engine) => {
  let t: TestServices;
  const call = (name: string, input: Record<string, unknown>) => t.registry.call(name, systemCtx(t), input);

  beforeAll(async () => {
    t = await openTestServices(engine);
    for (const o of DEMO_INSTITUTIONS) await call('organization_create', { name: o.name, title: o.title });
    await seedHumasDemo(t.services.catalog.db, t.dataDir, t.services.jobs);
    await t.services.jobs.start();
  });
  afterAll(async () => t?.cleanup());

  it('shows this week’s agenda with clashes, and fetched news with sentiment, mentions and a spike', async () => {
    const week = (await call('agenda_week', {})) as {
      count: number;
      clashing: number;
      topics: { topic: string }[];
    };
    expect(week.count).toBeGreaterThanOrEqual(8);
    expect(week.clashing).toBeGreaterThanOrEqual(2);
    const jobs = await t.services.jobs.store.list({ kind: 'media_fetch', limit: 5 });
    const job = await t.services.jobs.wait(jobs[0]?.id as string);
    expect(job.state).toBe('succeeded');
    const items = (await call('media_item_list', { source: DEMO_FEED_SOURCE, limit: 100 })) as {
      count: number;
      items: { sentiment: string; mentions: unknown[] }[];
    };
    expect(items.count).toBe(26);
    for (const s of ['positive', 'neutral', 'negative'])
      expect(items.items.some((i) => i.sentiment === s)).toBe(true);
    expect(items.items.filter((i) => i.mentions.length > 0).length).toBeGreaterThan(20);
    const trend = (await call('media_trend', {})) as { spikes: { organization: string }[] };
    expect(trend.spikes.map((s) => s.organization)).toContain('kemenkes');
  }, 60_000);
});
