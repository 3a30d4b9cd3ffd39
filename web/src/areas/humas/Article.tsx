import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import './news.css';

const REACTIONS = ['senang', 'terinspirasi', 'bangga', 'sedih', 'marah'] as const;
type Reaction = (typeof REACTIONS)[number];
const EMOJI: Record<Reaction, string> = {
  senang: '😊',
  terinspirasi: '💡',
  bangga: '👏',
  sedih: '😢',
  marah: '😠',
};
const CHANNELS = ['whatsapp', 'facebook', 'x', 'telegram', 'linkedin', 'email'] as const;

interface Shown {
  id: string;
  title: string;
  lead: string;
  body_html: string;
  cover_url: string | null;
  cover_alt: string;
  tags: string[];
  hashtags: string[];
  author: string;
  publish_at: string | null;
  organization: { title: string };
  views: number;
  reactions: Record<Reaction, number>;
  my_reaction: Reaction | null;
  share_links: Record<string, string>;
  page_token: string;
}

/**
 * /humas/berita/{slug}: one article with its cover, lead and sanitised body, "Dibaca N kali"
 * (the read is counted by article_view once the page is shown), share buttons (clicks counted by
 * article_share) and the five reactions with their counts (article_react with the page token).
 */
export default function Article() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { slug = '' } = useParams();
  const [article, setArticle] = useState<Shown | { error: string } | undefined>(undefined);
  const [status, setStatus] = useState('');
  const viewed = useRef('');
  usePageTitle(article && 'title' in article ? article.title : t('humasNews.title'));

  useEffect(() => {
    const abort = new AbortController();
    setArticle(undefined);
    callAction<Shown>('article_show', { id: slug }, { signal: abort.signal })
      .then((a) => {
        setArticle(a);
        if (viewed.current === a.id) return;
        viewed.current = a.id;
        // Counted once the page is shown: prefetches and crawlers that run no script never get here.
        callAction<{ counted: boolean }>('article_view', { id: a.id })
          .then(
            (r) =>
              r.counted && setArticle((cur) => (cur && 'id' in cur ? { ...cur, views: cur.views + 1 } : cur)),
          )
          .catch(() => {});
      })
      .catch((e: Error) => abort.signal.aborted || setArticle({ error: e.message }));
    return () => abort.abort();
  }, [slug]);

  if (article === undefined)
    return (
      <div className="page">
        <p aria-live="polite">{t('humasNews.loading')}</p>
      </div>
    );
  if ('error' in article)
    return (
      <div className="page">
        <p role="alert">{t('humasNews.error', { message: article.error })}</p>
        <Link to="/humas/berita">{t('humasNews.back')}</Link>
      </div>
    );

  const react = async (reaction: Reaction) => {
    try {
      const r = await callAction<{ reactions: Record<Reaction, number>; my_reaction: Reaction }>(
        'article_react',
        {
          id: article.id,
          reaction,
          token: article.page_token,
        },
      );
      setArticle({ ...article, reactions: r.reactions, my_reaction: r.my_reaction });
      setStatus(t('humasNews.reacted', { reaction: t(`humasNews.reactions.${reaction}`) }));
    } catch (e) {
      setStatus(
        e instanceof ApiError && e.status === 429 ? t('humasNews.tooMany') : t('humasNews.reactFailed'),
      );
    }
  };
  const shared = (channel: string) => {
    callAction('article_share', { id: article.id, channel }).catch(() => {});
  };
  const copy = async () => {
    shared('copy');
    try {
      await navigator.clipboard.writeText(article.share_links.copy ?? window.location.href);
      setStatus(t('humasNews.copied'));
    } catch {
      setStatus(article.share_links.copy ?? '');
    }
  };

  return (
    <article className="page">
      <p>
        <Link to="/humas/berita">{t('humasNews.back')}</Link>
      </p>
      <h1>{article.title}</h1>
      <p className="news-meta">
        {article.organization.title} · {formatDate(article.publish_at, lang)}
        {article.author ? ` · ${article.author}` : ''} ·{' '}
        <span className="news-count" data-testid="reads">
          {t('humasNews.reads', { n: formatNumber(article.views, lang) })}
        </span>
      </p>
      {article.cover_url && (
        <img className="news-cover" src={article.cover_url} alt={article.cover_alt || ''} />
      )}
      {article.lead && <p className="news-lead">{article.lead}</p>}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: body_html is rendered by the server from Markdown with raw HTML escaped and script links dropped */}
      <div className="news-body" dangerouslySetInnerHTML={{ __html: article.body_html }} />
      {article.tags.length + article.hashtags.length > 0 && (
        <ul className="news-tags" aria-label={t('humasNews.tags')}>
          {[...article.tags, ...article.hashtags].map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="share-heading">
        <h2 id="share-heading">{t('humasNews.share')}</h2>
        <ul className="news-share">
          {CHANNELS.map((c) => (
            <li key={c}>
              <a
                href={article.share_links[c]}
                target={c === 'email' ? undefined : '_blank'}
                rel="noopener noreferrer"
                data-channel={c}
                onClick={() => shared(c)}
              >
                {t(`humasNews.channels.${c}`)}
              </a>
            </li>
          ))}
          <li>
            <button type="button" onClick={copy} data-channel="copy">
              {t('humasNews.channels.copy')}
            </button>
          </li>
        </ul>
      </section>
      <section aria-labelledby="reaction-heading">
        <h2 id="reaction-heading">{t('humasNews.question')}</h2>
        <ul className="news-reactions">
          {REACTIONS.map((r) => (
            <li key={r}>
              <button
                type="button"
                aria-pressed={article.my_reaction === r}
                data-reaction={r}
                onClick={() => react(r)}
              >
                <span aria-hidden="true">{EMOJI[r]}</span>
                {t(`humasNews.reactions.${r}`)}
                <span className="news-count" data-testid={`count-${r}`}>
                  {formatNumber(article.reactions[r], lang)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <p aria-live="polite" role="status">
        {status}
      </p>
    </article>
  );
}
