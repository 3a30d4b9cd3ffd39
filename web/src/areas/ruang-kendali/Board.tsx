import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { BoardDocument } from '../../../../src/ruang-kendali/board-format.js';
import { callAction } from '../../api.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useSession } from '../../session.js';
import { BoardGrid } from './BoardGrid.js';
import { downloadJson } from './download.js';
import { useBoard } from './useBoard.js';
import './wall.css';

/**
 * /ruang-kendali/papan/:name: one board inside the site, live. Links to its wall mode, its PDF
 * briefing, its JSON file and (for its editors) the editor and a read-only share link.
 */
export default function Board() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { name = '' } = useParams();
  const [params] = useSearchParams();
  const share = params.get('share');
  const { user } = useSession();
  const { view, error, connection } = useBoard(name, share);
  const [shareUrl, setShareUrl] = useState<string>();
  const [shareError, setShareError] = useState<string>();
  const title = view
    ? lang === 'en' && view.board.title_en
      ? view.board.title_en
      : view.board.title
    : undefined;
  usePageTitle(title ?? t('wall.boards'));
  if (error)
    return (
      <div className="page">
        <h1>{t('wall.boards')}</h1>
        <p role="alert">{error.status === 404 ? t('wall.notFound') : error.message}</p>
      </div>
    );
  if (!view) return <p role="status">{t('common.loading')}</p>;
  const q = share ? `?share=${encodeURIComponent(share)}` : '';
  const exportJson = async () => {
    const doc = await callAction<BoardDocument>('board_show', {
      id: view.board.id,
      format: 'document',
      ...(share ? { share } : {}),
    });
    downloadJson(`${view.board.name}.board.json`, doc);
  };
  const makeShare = async () => {
    try {
      const r = await callAction<{ url: string }>('board_share', { id: view.board.id, enabled: true });
      setShareUrl(r.url);
      setShareError(undefined);
    } catch (e) {
      setShareError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="page rk-board-page">
      <header className="rk-board-head">
        <div>
          <p className="rk-crumb">
            <Link to="/ruang-kendali">{t('nav.controlRoom')}</Link>
          </p>
          <h1>{title}</h1>
          {view.board.description ? <p>{view.board.description}</p> : null}
          <p className="rk-freshness">
            {t('wall.asOf')}: {view.as_of ? formatDate(view.as_of, lang) : '—'} ·{' '}
            <span data-connection={connection}>{t(`wall.connection.${connection}`)}</span>
          </p>
        </div>
        <nav className="rk-board-actions" aria-label={t('wall.boardActions')}>
          <Link to={`/ruang-kendali/wall/${encodeURIComponent(view.board.name)}${q}`}>
            {t('wall.wallMode')}
          </Link>
          <a href={`/ruang-kendali/briefing/papan/${encodeURIComponent(view.board.name)}.pdf${q}`}>
            {t('wall.briefing')}
          </a>
          <button type="button" onClick={() => void exportJson()}>
            {t('wall.exportJson')}
          </button>
          {user && !share ? (
            <>
              <Link to={`/ruang-kendali/papan/${encodeURIComponent(view.board.name)}/sunting`}>
                {t('wall.edit')}
              </Link>
              <button type="button" onClick={() => void makeShare()}>
                {t('wall.share')}
              </button>
            </>
          ) : null}
        </nav>
      </header>
      {shareUrl ? (
        <p className="rk-share" role="status">
          {t('wall.shareReady')}{' '}
          <input
            readOnly
            value={shareUrl}
            aria-label={t('wall.shareLink')}
            onFocus={(e) => e.currentTarget.select()}
          />
        </p>
      ) : null}
      {shareError ? <p role="alert">{shareError}</p> : null}
      <BoardGrid view={view} fit={false} />
    </div>
  );
}
