import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import './news.css';

interface Summary {
  id: string;
  slug: string;
  title: string;
  lead: string;
  publish_at: string | null;
  views: number;
  organization: { title: string };
}

type State = { count: number; results: Summary[] } | { error: string } | undefined;

/** /humas/berita: published articles of every institution, newest first, with their feeds. */
export default function News() {
  const { t } = useTranslation();
  const lang = useLanguage();
  usePageTitle(t('humasNews.title'));
  const [list, setList] = useState<State>(undefined);
  useEffect(() => {
    const abort = new AbortController();
    callAction<{ count: number; results: Summary[] }>('article_list', { limit: 50 }, { signal: abort.signal })
      .then(setList)
      .catch((e: Error) => abort.signal.aborted || setList({ error: e.message }));
    return () => abort.abort();
  }, []);
  return (
    <div className="page">
      <h1>{t('humasNews.title')}</h1>
      <p>
        {t('humasNews.intro')} <a href="/humas/berita.rss">RSS</a> · <a href="/humas/berita.atom">Atom</a>
      </p>
      {list === undefined && <p aria-live="polite">{t('humasNews.loading')}</p>}
      {list && 'error' in list && <p role="alert">{t('humasNews.error', { message: list.error })}</p>}
      {list && 'results' in list && list.results.length === 0 && <p>{t('humasNews.none')}</p>}
      {list && 'results' in list && (
        <ul className="news-list">
          {list.results.map((a) => (
            <li key={a.id} className="news-card">
              <h2>
                <Link to={`/humas/berita/${a.slug}`}>{a.title}</Link>
              </h2>
              <p className="news-meta">
                {a.organization.title} · {formatDate(a.publish_at, lang)} ·{' '}
                {t('humasNews.reads', { n: formatNumber(a.views, lang) })}
              </p>
              {a.lead && <p>{a.lead}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
