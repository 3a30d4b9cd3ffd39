/**
 * A wall's first `board_show`, started while the wall's code still loads
 * and compiles, instead of after: the route's lazy loader calls `prefetchWallBoard()`, and
 * `useBoard`'s first fetch takes the answer with `takePrefetchedBoard`. Kept out of the wall's
 * chunk on purpose (it lives in the main one), and used once: any later fetch goes to the server.
 */
import { matchPath } from 'react-router';
import type { BoardView } from '../../../../src/ruang-kendali/board-format.js';
import { callAction } from '../../api.js';

/** The wall's route (App.tsx). */
export const WALL_PATH = '/ruang-kendali/wall/:name';

/** A board with its tiles' data: the one request a wall makes for it. */
export const fetchBoard = (name: string, share: string | null): Promise<BoardView> =>
  callAction<BoardView>('board_show', { id: name, data: true, ...(share ? { share } : {}) });

/** An answer older than this is not used (the data may have moved on). */
const FRESH_MS = 10_000;

interface Pending {
  readonly key: string;
  readonly at: number;
  readonly result: Promise<BoardView>;
}

let pending: Pending | undefined;

const keyOf = (name: string, share: string | null): string => `${name}\n${share ?? ''}`;

/** Starts fetching the board of a wall address (the current one by default). */
export function prefetchWallBoard(location: { pathname: string; search: string } = window.location): void {
  const name = matchPath(WALL_PATH, location.pathname)?.params.name;
  if (!name) return;
  const share = new URLSearchParams(location.search).get('share');
  const result = fetchBoard(name, share);
  result.catch(() => {}); // whoever takes it sees the error; nobody may
  pending = { key: keyOf(name, share), at: Date.now(), result };
}

/** The prefetched answer for this board, once, when it is fresh; otherwise undefined. */
export function takePrefetchedBoard(name: string, share: string | null): Promise<BoardView> | undefined {
  const p = pending;
  pending = undefined;
  if (!p || p.key !== keyOf(name, share) || Date.now() - p.at > FRESH_MS) return undefined;
  return p.result;
}
