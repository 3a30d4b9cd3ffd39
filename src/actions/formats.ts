/**
 * The string formats action schemas may use, registered once for TypeBox (which refuses any
 * value of a format it does not know). Imported by the registry, so every action sees them.
 */
import { FormatRegistry } from '@sinclair/typebox';

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `YYYY-MM-DD` naming a real calendar day (no 2026-02-30). */
export function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

const FORMATS: Record<string, (v: string) => boolean> = {
  email: (v) => EMAIL.test(v),
  'http-url': (v) => /^https?:\/\/[^\s]+$/i.test(v),
  uuid: (v) => UUID.test(v),
  date: isIsoDate,
};
for (const [name, check] of Object.entries(FORMATS))
  if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
