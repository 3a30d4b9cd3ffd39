import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import './agenda-media.css';
import { useSession } from '../../session.js';
import { useOrganizations } from './useOrganizations.js';

interface Item {
  id: string;
  url: string;
  title: string;
  published: string;
  sentiment: 'positive' | 'neutral' | 'negative';
  score: number;
  duplicates: number;
  source_title: string;
  mentions: { kind: string; organization?: string; title?: string; programme?: string }[];
}
interface Trend {
  days: { day: string; positive: number; neutral: number; negative: number }[];
  spikes: {
    id: string;
    organization_title: string;
    day: string;
    negative_count: number;
    baseline: number;
    score: number;
  }[];
  mentioned: {
    kind: string;
    title?: string;
    programme?: string;
    count: number;
    previous: number;
    negative: number;
  }[];
}
type State = { items: { count: number; items: Item[] }; trend: Trend } | { error: string } | undefined;

/**
 * /humas/media: monitored news with sentiment and mentions (media_item_list), filters by
 * sentiment and institution, and a simple trend (media_trend): items per day by sentiment as
 * bars, the most mentioned, and negative spikes. Signed-in users.
 */
export default function Media() {
  const { t } = useTranslation();
  const lang = useLanguage();
  usePageTitle(t('humasMedia.title'));
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const sentiment = params.get('sentimen') ?? '';
  const org = params.get('instansi') ?? '';
  const [state, setState] = useState<State>(undefined);
  const orgs = useOrganizations();
  useEffect(() => {
    if (!user) return;
    setState(undefined);
    const filter = { ...(org ? { organization: org } : {}) };
    Promise.all([
      callAction<{ count: number; items: Item[] }>('media_item_list', {
        ...filter,
        ...(sentiment ? { sentiment } : {}),
        limit: 100,
      }),
      callAction<Trend>('media_trend', filter, { method: 'GET' }),
    ]).then(
      ([items, trend]) => setState({ items, trend }),
      (e: Error) => setState({ error: e.message }),
    );
  }, [user, sentiment, org]);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };

  return (
    <div className="page humas-media">
      <h1>{t('humasMedia.title')}</h1>
      <p className="hint">{t('humasMedia.intro')}</p>
      {user === null ? (
        <p>
          <Link to="/masuk">{t('humasMedia.signInFirst')}</Link>
        </p>
      ) : (
        <>
          <form className="filters" onSubmit={(e) => e.preventDefault()}>
            <label>
              {t('humasMedia.sentiment')}{' '}
              <select value={sentiment} onChange={(e) => set('sentimen', e.target.value)}>
                <option value="">{t('humasMedia.all')}</option>
                {(['positive', 'neutral', 'negative'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`humasMedia.sentiments.${s}`)}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('humasMedia.institution')}{' '}
              <select value={org} onChange={(e) => set('instansi', e.target.value)}>
                <option value="">{t('humasMedia.all')}</option>
                {orgs.map((o) => (
                  <option key={o.name} value={o.name}>
                    {o.title}
                  </option>
                ))}
              </select>
            </label>
          </form>
          {!state ? (
            <p>{t('common.loading')}</p>
          ) : 'error' in state ? (
            <p role="alert">{t('humasMedia.error', { message: state.error })}</p>
          ) : (
            <>
              <section aria-labelledby="media-trend">
                <h2 id="media-trend">{t('humasMedia.trend')}</h2>
                <TrendBars days={state.trend.days} />
                {state.trend.spikes.length ? (
                  <ul className="spikes">
                    {state.trend.spikes.map((s) => (
                      <li key={s.id}>
                        <span role="note">
                          ⚠{' '}
                          {t('humasMedia.spike', {
                            organization: s.organization_title,
                            day: formatDate(s.day, lang),
                            count: formatNumber(s.negative_count, lang),
                            baseline: formatNumber(s.baseline, lang),
                          })}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="hint">{t('humasMedia.noSpikes')}</p>
                )}
                {state.trend.mentioned.length ? (
                  <p>
                    {t('humasMedia.mostMentioned')}:{' '}
                    {state.trend.mentioned
                      .slice(0, 8)
                      .map((m) => `${m.title ?? m.programme} (${formatNumber(m.count, lang)})`)
                      .join(', ')}
                  </p>
                ) : null}
              </section>
              <section aria-labelledby="media-items">
                <h2 id="media-items">
                  {t('humasMedia.items', { count: formatNumber(state.items.count, lang) })}
                </h2>
                {state.items.items.length === 0 ? (
                  <p>{t('humasMedia.empty')}</p>
                ) : (
                  <table className="media-items" aria-labelledby="media-items">
                    <thead>
                      <tr>
                        <th scope="col">{t('humasMedia.published')}</th>
                        <th scope="col">{t('humasMedia.headline')}</th>
                        <th scope="col">{t('humasMedia.sentiment')}</th>
                        <th scope="col">{t('humasMedia.mentions')}</th>
                        <th scope="col">{t('humasMedia.source')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {state.items.items.map((i) => (
                        <tr key={i.id}>
                          <td>{formatDate(i.published, lang)}</td>
                          <th scope="row">
                            <a href={i.url} rel="noreferrer noopener" target="_blank">
                              {i.title}
                            </a>
                            {i.duplicates ? (
                              <span className="hint"> (+{formatNumber(i.duplicates, lang)})</span>
                            ) : null}
                          </th>
                          <td className={`sentiment-${i.sentiment}`}>
                            {t(`humasMedia.sentiments.${i.sentiment}`)} ({formatNumber(i.score, lang)})
                          </td>
                          <td>{i.mentions.map((m) => m.title ?? m.programme).join(', ')}</td>
                          <td>{i.source_title}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}

/** Items per day as stacked bars (positive, neutral, negative), with a text table for screen readers. */
function TrendBars({ days }: { days: Trend['days'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const max = Math.max(1, ...days.map((d) => d.positive + d.neutral + d.negative));
  return (
    <table className="trend-bars">
      <caption className="hint">{t('humasMedia.trendCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('humasMedia.day')}</th>
          <th scope="col">{t('humasMedia.sentiments.positive')}</th>
          <th scope="col">{t('humasMedia.sentiments.neutral')}</th>
          <th scope="col">{t('humasMedia.sentiments.negative')}</th>
          <th scope="col">{t('humasMedia.bars')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.day}>
            <th scope="row">{formatDate(d.day, lang)}</th>
            <td>{formatNumber(d.positive, lang)}</td>
            <td>{formatNumber(d.neutral, lang)}</td>
            <td>{formatNumber(d.negative, lang)}</td>
            <td aria-hidden="true">
              <span className="bar bar-positive" style={{ width: `${(d.positive / max) * 10}em` }} />
              <span className="bar bar-neutral" style={{ width: `${(d.neutral / max) * 10}em` }} />
              <span className="bar bar-negative" style={{ width: `${(d.negative / max) * 10}em` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
