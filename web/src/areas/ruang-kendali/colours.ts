/** The status colours of tiles, maps and lists (text labels always sit beside them). */
import type { Status } from '../../../../src/ruang-kendali/board-format.js';

export const STATUS_COLOURS: Record<Status, string> = {
  green: '#1a9850',
  amber_green: '#91cf60',
  amber: '#f2c14e',
  amber_red: '#fc8d59',
  red: '#d73027',
};
export const NO_STATUS = '#8a8f98';

export const statusColour = (s: Status | null | undefined): string => (s ? STATUS_COLOURS[s] : NO_STATUS);

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const DARK_INK = '#111111';
export const LIGHT_INK = '#ffffff';

/** The text colour, dark or light, that reads best on a status fill (white on red, dark on the rest). */
export const statusInk = (s: Status | null | undefined): string => {
  const fill = statusColour(s);
  return contrast(fill, DARK_INK) >= contrast(fill, LIGHT_INK) ? DARK_INK : LIGHT_INK;
};
