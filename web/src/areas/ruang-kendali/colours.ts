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
