/**
 * Clashes in the joint PR agenda. Two activities clash when they fall on the same day (Asia/
 * Jakarta) with the same topic or hashtag — two institutions speaking on one subject the same
 * day, which should be aligned — or when their time slots overlap and both need the press'
 * attention at once (press conferences, releases, events; a weeks-long campaign overlaps
 * everything and clashes only by topic).
 */
import { jakartaDay } from '../media/text.js';

export type AgendaKind = 'press_conference' | 'release' | 'campaign' | 'event' | 'other';
export type ClashReason = 'same_topic' | 'same_hashtag' | 'overlap';

export interface AgendaSlot {
  readonly id: string;
  readonly kind: AgendaKind;
  readonly topic: string;
  readonly hashtag: string;
  readonly starts_at: Date;
  readonly ends_at: Date;
}

export interface Clash {
  readonly with: string;
  readonly reasons: ClashReason[];
}

/** A topic as compared: lower case, single spaces, no punctuation at the ends. */
export const topicKey = (topic: string): string =>
  topic
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export const hashtagKey = (tag: string): string => tag.toLowerCase().replace(/^#+/, '').trim();

/** The Jakarta days an activity spans. */
export function daysOf(slot: Pick<AgendaSlot, 'starts_at' | 'ends_at'>): string[] {
  const first = jakartaDay(slot.starts_at);
  const last = jakartaDay(slot.ends_at);
  const days = [first];
  let d = first;
  while (d < last && days.length < 400) {
    d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);
    days.push(d);
  }
  return days;
}

const ATTENTION: ReadonlySet<AgendaKind> = new Set(['press_conference', 'release', 'event']);

export function clashReasons(a: AgendaSlot, b: AgendaSlot): ClashReason[] {
  const reasons: ClashReason[] = [];
  const daysA = new Set(daysOf(a));
  const sameDay = daysOf(b).some((d) => daysA.has(d));
  if (sameDay && topicKey(a.topic) && topicKey(a.topic) === topicKey(b.topic)) reasons.push('same_topic');
  if (sameDay && hashtagKey(a.hashtag) && hashtagKey(a.hashtag) === hashtagKey(b.hashtag))
    reasons.push('same_hashtag');
  if (ATTENTION.has(a.kind) && ATTENTION.has(b.kind) && a.starts_at < b.ends_at && b.starts_at < a.ends_at)
    reasons.push('overlap');
  return reasons;
}

/** Every slot's clashes with the others (slot id → clashes), by a sweep over start times. */
export function findClashes(slots: readonly AgendaSlot[]): Map<string, Clash[]> {
  const out = new Map<string, Clash[]>(slots.map((s) => [s.id, []]));
  for (let i = 0; i < slots.length; i++)
    for (let j = i + 1; j < slots.length; j++) {
      const a = slots[i] as AgendaSlot;
      const b = slots[j] as AgendaSlot;
      const reasons = clashReasons(a, b);
      if (reasons.length === 0) continue;
      out.get(a.id)?.push({ with: b.id, reasons });
      out.get(b.id)?.push({ with: a.id, reasons });
    }
  return out;
}

/** Monday (YYYY-MM-DD) of the week holding `day`. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The instant a Jakarta day starts. */
export const jakartaMidnight = (day: string): Date => new Date(`${day}T00:00:00+07:00`);
