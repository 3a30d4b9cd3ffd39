import { memo, useState } from 'react';
import type { BoardView } from '../../../../src/ruang-kendali/board-format.js';
import { BOARD_COLUMNS } from '../../../../src/ruang-kendali/board-format.js';
import { LineagePanel, type LineageTarget } from './LineagePanel.js';
import { Tile, TileTextProvider } from './Tiles.js';

/** The rows a board's tiles need. */
export const boardRows = (view: Pick<BoardView, 'tiles'>): number =>
  Math.max(1, ...view.tiles.map((t) => t.y + t.h));

/**
 * A board's tiles on its 12-column grid. `fit` stretches the rows to fill the box (the wall);
 * otherwise each row has a fixed height and the page scrolls (the board page, a phone). Memoised:
 * the wall re-renders on every change of its connection state, the tiles need not.
 */
export const BoardGrid = memo(function BoardGrid({ view, fit }: { view: BoardView; fit: boolean }) {
  const [lineage, setLineage] = useState<LineageTarget | null>(null);
  const rows = boardRows(view);
  return (
    <TileTextProvider>
      <div
        className={`rk-grid ${fit ? 'rk-grid-fit' : ''}`}
        style={{
          gridTemplateColumns: `repeat(${BOARD_COLUMNS}, minmax(0, 1fr))`,
          gridTemplateRows: fit ? `repeat(${rows}, minmax(0, 1fr))` : `repeat(${rows}, var(--rk-row))`,
        }}
      >
        {view.tiles.map((tile) => (
          <div
            key={tile.id}
            className="rk-slot"
            style={{
              gridColumn: `${tile.x + 1} / span ${tile.w}`,
              gridRow: `${tile.y + 1} / span ${tile.h}`,
            }}
          >
            <Tile
              data={tile.data}
              onLineage={(l, label, value) => setLineage({ lineage: l, label, value })}
            />
          </div>
        ))}
      </div>
      <LineagePanel target={lineage} onClose={() => setLineage(null)} />
    </TileTextProvider>
  );
});
