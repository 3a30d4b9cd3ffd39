import { type ChangeEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, callAction } from '../../api.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { EmptyState } from '../../pages/EmptyState.js';
import { useSession } from '../../session.js';
import { parseBoardFile } from './boardFile.js';
import './wall.css';

interface BoardSummary {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly title_en?: string | null;
  readonly description?: string | null;
  readonly private?: boolean;
  readonly organization?: { readonly name: string; readonly title: string } | string;
}

/** /ruang-kendali: the boards the visitor may see, each with its page and wall mode; import of a board file. */
export default function RuangKendali() {
  const { t } = useTranslation();
  const lang = useLanguage();
  usePageTitle(t('controlRoom.title'));
  const { user } = useSession();
  const navigate = useNavigate();
  const [boards, setBoards] = useState<BoardSummary[] | { error: string }>();
  const [importError, setImportError] = useState<string>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: signing in shows the private boards too
  useEffect(() => {
    callAction<BoardSummary[] | { results: BoardSummary[] }>('board_list').then(
      (r) => setBoards(Array.isArray(r) ? r : r.results),
      (e: unknown) => setBoards({ error: e instanceof Error ? e.message : String(e) }),
    );
  }, [user]);
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (!file) return;
    try {
      const doc = parseBoardFile(await file.text());
      const created = await callAction<{ name: string }>('board_create', { ...doc });
      navigate(`/ruang-kendali/papan/${encodeURIComponent(created.name)}`);
    } catch (err) {
      setImportError(
        err instanceof ApiError && Object.keys(err.fields).length > 0
          ? Object.entries(err.fields)
              .map(([k, v]) => `${k}: ${v.join(', ')}`)
              .join('; ')
          : err instanceof Error
            ? err.message
            : String(err),
      );
    }
  };
  return (
    <div className="page">
      <h1>{t('controlRoom.title')}</h1>
      <p>{t('wall.intro')}</p>
      {user ? (
        <p className="rk-board-actions">
          <Link to="/ruang-kendali/papan-baru">{t('wall.newBoard')}</Link>
          <label className="rk-import">
            {t('wall.importJson')}
            <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
          </label>
        </p>
      ) : null}
      {importError ? <p role="alert">{importError}</p> : null}
      {boards === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : 'error' in boards ? (
        <p role="alert">{boards.error}</p>
      ) : boards.length === 0 ? (
        <EmptyState title={t('controlRoom.emptyTitle')}>
          <p>{t('controlRoom.emptyText')}</p>
        </EmptyState>
      ) : (
        <ul className="rk-board-list">
          {boards.map((b) => (
            <li key={b.id}>
              <h2>
                <Link to={`/ruang-kendali/papan/${encodeURIComponent(b.name)}`}>
                  {lang === 'en' && b.title_en ? b.title_en : b.title}
                </Link>
              </h2>
              {b.description ? <p>{b.description}</p> : null}
              <p>
                <Link to={`/ruang-kendali/wall/${encodeURIComponent(b.name)}`}>{t('wall.wallMode')}</Link>
                {b.private ? ` · ${t('wall.private')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
