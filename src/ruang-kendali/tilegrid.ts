/**
 * The built-in tile-grid map of Indonesia's 38 provinces: one equal square per province, placed
 * roughly where it lies (west to east, north to south) on a 16 × 7 grid. It needs no boundary
 * file, so a fresh install can draw a national map, and small provinces (DKI Jakarta, DIY) are as
 * visible as Papua. Pure data, shared by the browser and the server.
 */

export interface GridCell {
  /** Kemendagri province code. */
  readonly code: string;
  /** Short label drawn in the cell. */
  readonly abbr: string;
  readonly col: number;
  readonly row: number;
}

export const TILE_GRID_COLUMNS = 16;
export const TILE_GRID_ROWS = 7;

export const TILE_GRID: readonly GridCell[] = [
  { code: '11', abbr: 'ACEH', col: 0, row: 0 },
  { code: '65', abbr: 'KALTARA', col: 7, row: 0 },
  { code: '71', abbr: 'SULUT', col: 10, row: 0 },
  { code: '12', abbr: 'SUMUT', col: 1, row: 1 },
  { code: '14', abbr: 'RIAU', col: 2, row: 1 },
  { code: '21', abbr: 'KEPRI', col: 4, row: 1 },
  { code: '61', abbr: 'KALBAR', col: 6, row: 1 },
  { code: '64', abbr: 'KALTIM', col: 7, row: 1 },
  { code: '75', abbr: 'GTLO', col: 9, row: 1 },
  { code: '82', abbr: 'MALUT', col: 11, row: 1 },
  { code: '96', abbr: 'PBD', col: 13, row: 1 },
  { code: '92', abbr: 'PABAR', col: 14, row: 1 },
  { code: '91', abbr: 'PAPUA', col: 15, row: 1 },
  { code: '13', abbr: 'SUMBAR', col: 1, row: 2 },
  { code: '15', abbr: 'JAMBI', col: 2, row: 2 },
  { code: '19', abbr: 'BABEL', col: 4, row: 2 },
  { code: '62', abbr: 'KALTENG', col: 6, row: 2 },
  { code: '63', abbr: 'KALSEL', col: 7, row: 2 },
  { code: '76', abbr: 'SULBAR', col: 8, row: 2 },
  { code: '72', abbr: 'SULTENG', col: 9, row: 2 },
  { code: '81', abbr: 'MALUKU', col: 12, row: 2 },
  { code: '94', abbr: 'PATENG', col: 14, row: 2 },
  { code: '95', abbr: 'PAPEG', col: 15, row: 2 },
  { code: '17', abbr: 'BKL', col: 2, row: 3 },
  { code: '16', abbr: 'SUMSEL', col: 3, row: 3 },
  { code: '73', abbr: 'SULSEL', col: 8, row: 3 },
  { code: '74', abbr: 'SULTRA', col: 9, row: 3 },
  { code: '93', abbr: 'PASEL', col: 15, row: 3 },
  { code: '18', abbr: 'LAMPUNG', col: 3, row: 4 },
  { code: '31', abbr: 'DKI', col: 5, row: 4 },
  { code: '36', abbr: 'BANTEN', col: 4, row: 5 },
  { code: '32', abbr: 'JABAR', col: 5, row: 5 },
  { code: '33', abbr: 'JATENG', col: 6, row: 5 },
  { code: '35', abbr: 'JATIM', col: 7, row: 5 },
  { code: '51', abbr: 'BALI', col: 8, row: 5 },
  { code: '52', abbr: 'NTB', col: 9, row: 5 },
  { code: '53', abbr: 'NTT', col: 10, row: 5 },
  { code: '34', abbr: 'DIY', col: 6, row: 6 },
];
