import { describe, expect, it } from 'vitest';
import { SERIES_COLOUR, TARGET_COLOUR, trendSvg } from './charts.js';

describe('briefing charts', () => {
  it('draw a trend in the board’s series and target colours, not ECharts’ default palette', () => {
    const svg = trendSvg(
      [
        { period: '2023', value: 10.5, target: 9 },
        { period: '2024', value: 9.75, target: 9 },
      ],
      'persen',
    );
    expect(svg).toContain(`stroke="${SERIES_COLOUR}"`);
    expect(svg).toContain(`stroke="${TARGET_COLOUR}"`);
    expect(svg).not.toContain('#5470c6');
    // Values are labelled the Indonesian way.
    expect(svg).toContain('10,5');
  });
});
