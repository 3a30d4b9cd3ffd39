import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { BoardGrid } from './BoardGrid.js';
import { useBoard } from './useBoard.js';
import './wall.css';

const DEFAULT_INTERVAL_S = 60;

/**
 * /ruang-kendali/wall/:name: a board for the control room's screens. Full window, dark, no site
 * chrome and no cursor; the rows stretch so the board fits 1920×1080 and 3840×2160 without
 * scrolling. `?playlist=a,b&interval=60` rotates through boards. A clock (WIB), the data's as-of
 * date and the live connection's state sit in the top bar; the stream reconnects and catches up
 * by itself. `f` toggles full screen.
 */
export default function Wall() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { name = '' } = useParams();
  const [params] = useSearchParams();
  const share = params.get('share');
  const playlist = useMemo(() => {
    const extra = (params.get('playlist') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && s !== name);
    return [name, ...extra];
  }, [name, params]);
  const interval = Math.max(10, Number(params.get('interval')) || DEFAULT_INTERVAL_S) * 1000;
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (playlist.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % playlist.length), interval);
    return () => clearInterval(timer);
  }, [playlist, interval]);
  const current = playlist[index % playlist.length];
  const { view, error, connection } = useBoard(current, share);
  const title = view ? (lang === 'en' && view.board.title_en ? view.board.title_en : view.board.title) : '';
  usePageTitle(title || t('wall.boards'));

  useEffect(() => {
    document.documentElement.classList.add('rk-wall-mode');
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'f') return;
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen().catch(() => {});
    };
    window.addEventListener('keydown', key);
    return () => {
      document.documentElement.classList.remove('rk-wall-mode');
      window.removeEventListener('keydown', key);
    };
  }, []);

  return (
    <div className="rk-wall" data-board={view?.board.name} data-connection={connection}>
      <header className="rk-wall-bar">
        <h1>{title}</h1>
        {playlist.length > 1 ? (
          <span className="rk-wall-playlist">
            {index + 1}/{playlist.length}
          </span>
        ) : null}
        <span className="rk-wall-asof">
          {t('wall.asOf')}: {view?.as_of ? formatDate(view.as_of, lang) : '—'}
        </span>
        <span className={`rk-wall-conn rk-conn-${connection}`} role="status">
          {t(`wall.connection.${connection}`)}
        </span>
        <Clock />
      </header>
      <main className="rk-wall-main">
        {error ? (
          <p role="alert" className="rk-wall-error">
            {error.status === 404 ? t('wall.notFound') : error.message}
          </p>
        ) : view ? (
          <BoardGrid view={view} fit />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </main>
    </div>
  );
}

const clockFormat = new Intl.DateTimeFormat('id-ID', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Asia/Jakarta',
  hour12: false,
});

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="rk-clock" dateTime={now.toISOString()}>
      {clockFormat.format(now)} WIB
    </time>
  );
}
