import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardView } from '../../../../src/ruang-kendali/board-format.js';
import { ApiError } from '../../api.js';
import { fetchBoard, takePrefetchedBoard } from './prefetch.js';

export type Connection = 'connecting' | 'live' | 'offline';

export interface BoardState {
  readonly view: BoardView | undefined;
  readonly error: ApiError | undefined;
  readonly connection: Connection;
  /** When the shown data was fetched (ms since epoch). */
  readonly fetchedAt: number | undefined;
  readonly reload: () => void;
}

/** Refetches coalesce: many events within this window cost one board_show. */
const COALESCE_MS = 120;
/** A safety net when no event arrives (e.g. a proxy that buffers SSE): refetch this often. */
const POLL_MS = 60_000;

/**
 * A board with its tiles' data, kept live: `board_show {data:true}` once, then again whenever the
 * control room's event stream says an indicator on the board changed, the board itself changed,
 * or the stream reconnected after a loss (catching up on whatever happened while offline).
 * EventSource reconnects by itself; `offline` shows while it cannot.
 */
export function useBoard(name: string | undefined, share: string | null): BoardState {
  const [view, setView] = useState<BoardView>();
  const [error, setError] = useState<ApiError>();
  const [connection, setConnection] = useState<Connection>('connecting');
  const [fetchedAt, setFetchedAt] = useState<number>();
  const viewRef = useRef<BoardView | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const generation = useRef(0);

  const fetchNow = useCallback(async () => {
    if (!name) return;
    const mine = ++generation.current;
    try {
      const result = await (takePrefetchedBoard(name, share) ?? fetchBoard(name, share));
      if (mine !== generation.current) return; // a newer fetch is on its way
      viewRef.current = result;
      setView(result);
      setError(undefined);
      setFetchedAt(Date.now());
    } catch (e) {
      if (mine !== generation.current) return;
      const err = e instanceof ApiError ? e : new ApiError('board_show', 'Network Error', String(e), 0);
      // Keep showing the last good data when the network drops; show the error otherwise.
      if (err.status === 0 && viewRef.current) setConnection('offline');
      else setError(err);
    }
  }, [name, share]);

  const schedule = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void fetchNow();
    }, COALESCE_MS);
  }, [fetchNow]);

  useEffect(() => {
    viewRef.current = undefined;
    setView(undefined);
    setError(undefined);
    void fetchNow();
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(
      `/api/ruang-kendali/events${share ? `?share=${encodeURIComponent(share)}` : ''}`,
      { withCredentials: true },
    );
    let readyOnce = false;
    source.addEventListener('ready', () => {
      setConnection('live');
      // The first `ready` follows the initial fetch; a later one is a reconnection: catch up.
      if (readyOnce) schedule();
      readyOnce = true;
    });
    source.addEventListener('indicator.updated', (event) => {
      const id = parseId((event as MessageEvent<string>).data);
      const tiles = viewRef.current?.tiles ?? [];
      const shown = tiles.some((t) => 'indicator' in t.data && t.data.lineage?.indicator_id === id);
      if (shown || tiles.some((t) => t.indicator === id)) schedule();
    });
    source.addEventListener('alert.changed', () => {
      if (viewRef.current?.tiles.some((t) => t.kind === 'alerts')) schedule();
    });
    source.addEventListener('board.changed', (event) => {
      const id = parseId((event as MessageEvent<string>).data);
      const board = viewRef.current?.board;
      if (board && (id === board.id || id === board.name)) schedule();
    });
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    const poll = setInterval(() => void fetchNow(), POLL_MS);
    const online = () => schedule();
    window.addEventListener('online', online);
    return () => {
      source.close();
      clearInterval(poll);
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [fetchNow, schedule, share]);

  return { view, error, connection, fetchedAt, reload: () => void fetchNow() };
}

function parseId(data: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'id' in parsed) {
      const id = (parsed as { id: unknown }).id;
      return typeof id === 'string' ? id : undefined;
    }
  } catch {
    // not JSON: ignore
  }
  return undefined;
}
