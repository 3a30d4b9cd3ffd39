/**
 * The built-in tile grid covers exactly the 38 provinces of the region reference, one cell each,
 * inside the grid, with no two provinces on one cell.
 */
import { describe, expect, it } from 'vitest';
import { referenceRegions } from '../regions/seed.js';
import { TILE_GRID, TILE_GRID_COLUMNS, TILE_GRID_ROWS } from './tilegrid.js';

describe('tile-grid map', () => {
  it('has one cell per province of the reference and nothing else', async () => {
    const { provinces } = await referenceRegions();
    expect(provinces).toHaveLength(38);
    expect(TILE_GRID.map((c) => c.code).sort()).toEqual(provinces.map((p) => p.code).sort());
  });

  it('puts every province on its own cell inside the grid', () => {
    const cells = new Set(TILE_GRID.map((c) => `${c.col},${c.row}`));
    expect(cells.size).toBe(TILE_GRID.length);
    for (const c of TILE_GRID) {
      expect(c.col).toBeGreaterThanOrEqual(0);
      expect(c.col).toBeLessThan(TILE_GRID_COLUMNS);
      expect(c.row).toBeGreaterThanOrEqual(0);
      expect(c.row).toBeLessThan(TILE_GRID_ROWS);
      expect(c.abbr.length).toBeLessThanOrEqual(8);
    }
    expect(new Set(TILE_GRID.map((c) => c.abbr)).size).toBe(TILE_GRID.length);
  });
});
