/**
 * Locale-aware formatting through `Intl`: numbers `1.234,5` (id) / `1,234.5` (en), percentages
 * and long dates `13 Agustus 2019` / `13 August 2019`. Missing or invalid values print as an em
 * dash rather than `NaN` or an exception, so a bad cell never breaks a page.
 */
import { DEFAULT_LANGUAGE, type Language, LOCALES } from './languages.js';

export const MISSING = '—';
const TIME_ZONE = 'Asia/Jakarta';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const numberFormats = new Map<string, Intl.NumberFormat>();

const numberFormat = (lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, format);
  }
  return format;
};

/** `formatNumber(1234.5)` → `1.234,5`; at most 2 fraction digits unless `options` says otherwise. */
export function formatNumber(
  value: number | null | undefined,
  lang: Language = DEFAULT_LANGUAGE,
  options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 },
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return numberFormat(lang, options).format(value);
}

/** A ratio as a percentage: `formatPercent(0.125)` → `12,5%`. */
export function formatPercent(
  ratio: number | null | undefined,
  lang: Language = DEFAULT_LANGUAGE,
  maximumFractionDigits = 1,
): string {
  return formatNumber(ratio, lang, { style: 'percent', maximumFractionDigits });
}

/**
 * A long date: `formatDate('2019-08-13')` → `13 Agustus 2019`. A date-only string is a calendar
 * date and prints as written; any other instant prints as its date in Jakarta time (WIB).
 */
export function formatDate(
  value: Date | string | number | null | undefined,
  lang: Language = DEFAULT_LANGUAGE,
): string {
  if (value === null || value === undefined || value === '') return MISSING;
  const calendarDate = typeof value === 'string' && DATE_ONLY.test(value);
  const date = value instanceof Date ? value : new Date(calendarDate ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return MISSING;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: calendarDate ? 'UTC' : TIME_ZONE,
  }).format(date);
}
