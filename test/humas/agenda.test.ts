/**
 * The joint PR agenda on both catalog engines: clash flags (same day and topic or hashtag,
 * overlapping press slots; a campaign overlaps without clashing), the weekly alignment view,
 * and the iCalendar feeds (all institutions, one) parsed back into their events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaDict } from '../../src/actions/humas-agenda/read.js';
import { buildApp } from '../../src/http/app.js';
import { systemCtx } from '../support/accounts.js';
import { CATALOG_ENGINES } from '../support/catalog.js';
import { openTestServices, type TestServices } from '../support/services.js';

/** VEVENTs of an iCalendar text as property maps (lines unfolded, parameters dropped). */
function parseIcs(text: string): Record<string, string>[] {
  expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
  expect(text.trim().endsWith('END:VCALENDAR')).toBe(true);
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const events: Record<string, string>[] = [];
  let cur: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT' && cur) {
      events.push(cur);
      cur = undefined;
    } else if (cur) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0] as string;
      cur[name] = line
        .slice(colon + 1)
        .replace(/\\n/g, '\n')
        .replace(/\\([,;\\])/g, '$1');
    }
  }
  return events;
}

describe.each(CATALOG_ENGINES)('joint PR agenda (%s)', (engine) => {
  let t: TestServices;
  const call = (name: string, input: Record<string, unknown>) => t.registry.call(name, systemCtx(t), input);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestServices(engine);
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call('organization_create', { name: 'kemenkes', title: 'Kementerian Kesehatan' });
    await call('organization_create', { name: 'kementan', title: 'Kementerian Pertanian' });
    const add = async (key: string, input: Record<string, unknown>) => {
      ids[key] = ((await call('agenda_create', input)) as AgendaDict).id;
    };
    // Week of Monday 2026-03-02 (times in Jakarta without an offset).
    await add('bps-rilis', {
      owner_org: 'bps',
      title: 'Rilis inflasi Februari',
      kind: 'release',
      topic: 'Inflasi',
      hashtag: 'InflasiTerkendali',
      starts_at: '2026-03-02T11:00',
      ends_at: '2026-03-02T12:00',
    });
    await add('tan-pers', {
      owner_org: 'kementan',
      title: 'Konferensi pers harga pangan',
      kind: 'press_conference',
      topic: 'inflasi ',
      starts_at: '2026-03-02T15:00',
      ends_at: '2026-03-02T16:00',
    });
    await add('kes-pers', {
      owner_org: 'kemenkes',
      title: 'Konferensi pers imunisasi',
      kind: 'press_conference',
      topic: 'Imunisasi',
      starts_at: '2026-03-02T11:30',
      ends_at: '2026-03-02T12:30',
    });
    await add('kes-kampanye', {
      owner_org: 'kemenkes',
      title: 'Kampanye cuci tangan',
      kind: 'campaign',
      topic: 'PHBS',
      starts_at: '2026-03-01T00:00',
      ends_at: '2026-03-14T23:00',
    });
    await add('tan-acara', {
      owner_org: 'kementan',
      title: 'Panen raya',
      kind: 'event',
      topic: 'Pangan',
      hashtag: '#inflasiterkendali',
      starts_at: '2026-03-04T08:00',
      ends_at: '2026-03-04T10:00',
    });
    await add('bps-lain', {
      owner_org: 'bps',
      title: 'Rilis ekspor',
      kind: 'release',
      topic: 'Ekspor',
      starts_at: '2026-03-10T11:00',
    });
  });
  afterAll(async () => t?.cleanup());

  it('flags clashes: same day and topic, overlapping press slots; not a campaign overlap', async () => {
    const show = async (key: string) => (await call('agenda_show', { id: ids[key] })) as AgendaDict;
    const rilis = await show('bps-rilis');
    expect(rilis.starts_at.toISOString()).toBe('2026-03-02T04:00:00.000Z');
    expect(rilis.hashtag).toBe('#inflasiterkendali');
    const reasons = (d: AgendaDict) => Object.fromEntries(d.clashes.map((c) => [c.id, c.reasons]));
    expect(reasons(rilis)).toEqual({
      [ids['tan-pers'] as string]: ['same_topic'],
      [ids['kes-pers'] as string]: ['overlap'],
    });
    expect(reasons(await show('kes-kampanye'))).toEqual({});
    // Same hashtag on different days is no clash.
    expect(reasons(await show('tan-acara'))).toEqual({});
    expect((await show('bps-lain')).clashes).toEqual([]);
    expect((await show('bps-lain')).ends_at.toISOString()).toBe('2026-03-10T05:00:00.000Z');

    // Moving the press conference away clears the overlap.
    await call('agenda_update', {
      id: ids['kes-pers'],
      starts_at: '2026-03-02T14:00',
      ends_at: '2026-03-02T14:45',
    });
    expect(reasons(await show('bps-rilis'))).toEqual({ [ids['tan-pers'] as string]: ['same_topic'] });

    const clashing = (await call('agenda_list', {
      from: '2026-03-01',
      to: '2026-03-31',
      clashes_only: true,
    })) as { items: AgendaDict[] };
    expect(clashing.items.map((i) => i.title).sort()).toEqual([
      'Konferensi pers harga pangan',
      'Rilis inflasi Februari',
    ]);
    await expect(
      call('agenda_update', { id: ids['kes-pers'], ends_at: '2026-03-01T10:00' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { ends_at: [expect.stringMatching(/before/)] },
    });
  });

  it('gives the weekly alignment view', async () => {
    const week = (await call('agenda_week', { date: '2026-03-04' })) as {
      week_start: string;
      week_end: string;
      count: number;
      clashing: number;
      days: { day: string; items: AgendaDict[] }[];
      topics: { topic: string; items: number; organizations: string[] }[];
    };
    expect(week.week_start).toBe('2026-03-02');
    expect(week.week_end).toBe('2026-03-08');
    expect(week.count).toBe(5); // the campaign (started Sunday) runs into the week; the 10th is next week
    expect(week.clashing).toBe(2);
    expect(week.days.map((d) => d.items.length)).toEqual([4, 1, 2, 1, 1, 1, 1]);
    expect(week.topics[0]).toEqual({ topic: 'Inflasi', items: 2, organizations: ['bps', 'kementan'] });
    const bpsOnly = (await call('agenda_week', { date: '2026-03-04', owner_org: 'bps' })) as {
      count: number;
      clashing: number;
    };
    expect(bpsOnly).toMatchObject({ count: 1, clashing: 1 });
  });

  it('publishes iCalendar feeds for all and per institution', async () => {
    // The feeds cover 90 days back to a year ahead of today: add two items of next week.
    const next = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await call('agenda_create', {
      owner_org: 'bps',
      title: 'Rilis BRS; "pekan depan"',
      kind: 'release',
      topic: 'Kemiskinan',
      starts_at: `${next}T10:00`,
      location: 'Gedung BPS, Jakarta',
    });
    await call('agenda_create', {
      owner_org: 'kemenkes',
      title: 'Temu media',
      kind: 'event',
      starts_at: `${next}T13:00`,
    });
    const app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    try {
      const all = await app.inject({ method: 'GET', url: '/humas/agenda.ics' });
      expect(all.statusCode).toBe(200);
      expect(all.headers['content-type']).toMatch(/^text\/calendar/);
      const events = parseIcs(all.body);
      expect(events.map((e) => e.SUMMARY).sort()).toEqual([
        '[Badan Pusat Statistik] Rilis BRS; "pekan depan"',
        '[Kementerian Kesehatan] Temu media',
      ]);
      const brs = events.find((e) => e.SUMMARY?.includes('BRS'));
      expect(brs?.LOCATION).toBe('Gedung BPS, Jakarta');
      expect(brs?.DESCRIPTION).toContain('Topik: Kemiskinan');
      expect(brs?.UID).toMatch(/@kendali$/);
      expect(brs?.DTSTART).toMatch(new RegExp(`^${next.replaceAll('-', '')}T030000Z$`));
      const one = await app.inject({ method: 'GET', url: '/humas/agenda/kemenkes.ics' });
      expect(parseIcs(one.body).map((e) => e.SUMMARY)).toEqual(['[Kementerian Kesehatan] Temu media']);
      expect((await app.inject({ method: 'GET', url: '/humas/agenda/tidakada.ics' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
