/** Numbers, dates and status words of the briefings, as Indonesian readers write them (`1.234,5`). */
import type { Status } from '../board-format.js';

const NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const DATE = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' });

export const formatNumber = (v: number | null | undefined, unit?: string | null): string =>
  v === null || v === undefined ? '–' : `${NUMBER.format(v)}${unit ? ` ${unit}` : ''}`;

export const formatDate = (d: Date | string): string => DATE.format(typeof d === 'string' ? new Date(d) : d);

export const STATUS_TEXT: Readonly<Record<Status, string>> = {
  green: 'Hijau (tercapai)',
  amber_green: 'Hijau-kuning',
  amber: 'Kuning',
  amber_red: 'Kuning-merah',
  red: 'Merah',
};

export const STATUS_COLOUR: Readonly<Record<Status, string>> = {
  green: '#1a7f37',
  amber_green: '#7cb342',
  amber: '#f2a900',
  amber_red: '#e8710a',
  red: '#c62828',
};

export const statusText = (s: Status | string | null | undefined): string =>
  s ? (STATUS_TEXT[s as Status] ?? s) : '–';
