/** The demo feed's dates: a day's headlines stay on that day in WIB, whatever the hour the demo starts. */
import { describe, expect, it } from 'vitest';
import { demoFeed } from './humas.js';

const wibDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('demoFeed', () => {
  it.each([
    '2026-11-28T17:10:00Z', // 00:10 WIB: the hours just after midnight split days before
    '2026-11-28T05:00:00Z', // noon WIB
    '2026-11-28T16:55:00Z', // 23:55 WIB
  ])('keeps the Kemenkes complaints of yesterday on one WIB day, none in the future (now %s)', (iso) => {
    const now = new Date(iso);
    const items = [...demoFeed(now).matchAll(/<title>([^<]*)<\/title>.*?<pubDate>([^<]*)<\/pubDate>/g)].map(
      ([, title, date]) => ({ title: title as string, at: new Date(date as string) }),
    );
    expect(items.length).toBe(26);
    for (const { at } of items) expect(at.getTime()).toBeLessThanOrEqual(now.getTime());
    const yesterday = wibDay(new Date(now.getTime() - 86_400_000));
    const complaints = items.filter(({ title }) =>
      /Kemenkes (dikritik|disorot)|Kementerian Kesehatan digugat|Kemenkes error/.test(title),
    );
    expect(complaints.length).toBe(4);
    expect(complaints.map(({ at }) => wibDay(at))).toEqual([yesterday, yesterday, yesterday, yesterday]);
    const today = items.filter(({ title }) => /^KSP: capaian|^MBG dirasakan/.test(title));
    expect(today.map(({ at }) => wibDay(at))).toEqual([wibDay(now), wibDay(now)]);
  });
});
