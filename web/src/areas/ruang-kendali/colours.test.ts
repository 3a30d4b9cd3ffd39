import { describe, expect, it } from 'vitest';
import type { Status } from '../../../../src/ruang-kendali/board-format.js';
import { contrast, DARK_INK, LIGHT_INK, STATUS_COLOURS, statusColour, statusInk } from './colours.js';

describe('status colours', () => {
  it('measure contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // Dark text on the red fill, the finding that made the map's cells light on red.
    expect(contrast('#d73027', DARK_INK)).toBeLessThan(4.5);
  });

  it('give every status fill, and no status, an ink of at least 4.5:1 (small text)', () => {
    for (const s of [...(Object.keys(STATUS_COLOURS) as Status[]), null]) {
      expect(contrast(statusColour(s), statusInk(s)), String(s)).toBeGreaterThanOrEqual(4.5);
    }
    expect(statusInk('red')).toBe(LIGHT_INK);
    expect(statusInk('amber')).toBe(DARK_INK);
  });
});
