import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import './agenda-media.css';
import { useOrganizations } from './useOrganizations.js';

interface Item {
  id: string;
  title: string;
  kind: 'press_conference' | 'release' | 'campaign' | 'event' | 'other';
  topic: string;
  hashtag: string;
  audience: string;
  starts_at: string;
  ends_at: string;
  organization: string;
  organization_title: string;
  clashes: {
    id: string;
    title: string;
    organization: string;
    reasons: ('same_topic' | 'same_hashtag' | 'overlap')[];
  }[];
}

interface Week {
  week_start: string;
  week_end: string;
  count: number;
  clashing: number;
  days: { day: string; items: Item[] }[];
  topics: { topic: string; items: number; organizations: string[] }[];
}

type State = Week | { error: string } | undefined;

const shift = (day: string, n: number) =>
  new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * /humas/agenda: the joint PR agenda by week (agenda_week) — each day's activities with clash
 * flags, the week's topics with the institutions speaking on each, a filter by institution, and
 * the iCalendar feeds.
 */
export default function Agenda() {
  const { t } = useTranslation();
  const lang = useLanguage();
  usePageTitle(t('humasAgenda.title'));
  const [params, setParams] = useSearchParams();
  const date = params.get('minggu') ?? undefined;
  const org = params.get('instansi') ?? '';
  const [week, setWeek] = useState<State>(undefined);
  const orgs = useOrganizations();
  useEffect(() => {
    setWeek(undefined);
    callAction<Week>(
      'agenda_week',
      { ...(date ? { date } : {}), ...(org ? { owner_org: org } : {}) },
      { method: 'GET' },
    ).then(setWeek, (e: Error) => setWeek({ error: e.message }));
  }, [date, org]);
  const go = (next: Record<string, string>) =>
    setParams({ ...(date ? { minggu: date } : {}), ...(org ? { instansi: org } : {}), ...next });
  const time = (s: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Jakarta',
    }).format(new Date(s));

  return (
    <div className="page humas-agenda">
      <h1>{t('humasAgenda.title')}</h1>
      <p className="hint">{t('humasAgenda.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('humasAgenda.institution')}{' '}
          <select value={org} onChange={(e) => go({ instansi: e.target.value })}>
            <option value="">{t('humasAgenda.allInstitutions')}</option>
            {orgs.map((o) => (
              <option key={o.name} value={o.name}>
                {o.title}
              </option>
            ))}
          </select>
        </label>{' '}
        <a href={org ? `/humas/agenda/${org}.ics` : '/humas/agenda.ics'}>{t('humasAgenda.ical')}</a>
      </form>
      {!week ? (
        <p>{t('common.loading')}</p>
      ) : 'error' in week ? (
        <p role="alert">{t('humasAgenda.error', { message: week.error })}</p>
      ) : (
        <>
          <nav className="week-nav" aria-label={t('humasAgenda.weekNav')}>
            <button type="button" onClick={() => go({ minggu: shift(week.week_start, -7) })}>
              ← {t('humasAgenda.previous')}
            </button>{' '}
            <strong>
              {formatDate(week.week_start, lang)} – {formatDate(week.week_end, lang)}
            </strong>{' '}
            <button type="button" onClick={() => go({ minggu: shift(week.week_start, 7) })}>
              {t('humasAgenda.next')} →
            </button>
          </nav>
          <p>
            {t('humasAgenda.summary', {
              count: formatNumber(week.count, lang),
              clashing: formatNumber(week.clashing, lang),
            })}
          </p>
          {week.topics.length ? (
            <section aria-labelledby="agenda-topics">
              <h2 id="agenda-topics">{t('humasAgenda.topics')}</h2>
              <ul>
                {week.topics.map((tp) => (
                  <li key={tp.topic}>
                    <strong>{tp.topic}</strong>: {tp.organizations.join(', ')} ({formatNumber(tp.items, lang)}
                    )
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {week.days.map((d) => (
            <section key={d.day} aria-labelledby={`hari-${d.day}`}>
              <h2 id={`hari-${d.day}`}>{formatDate(d.day, lang)}</h2>
              {d.items.length === 0 ? (
                <p className="hint">{t('humasAgenda.none')}</p>
              ) : (
                <ul className="agenda-day">
                  {d.items.map((i) => (
                    <li key={i.id} id={i.id} className={i.clashes.length ? 'clash' : undefined}>
                      <span>
                        {time(i.starts_at)}–{time(i.ends_at)}
                      </span>{' '}
                      <strong>{i.title}</strong> — {i.organization_title} · {t(`humasAgenda.kinds.${i.kind}`)}
                      {i.topic ? ` · ${i.topic}` : ''}{' '}
                      {i.hashtag ? <span className="tag">{i.hashtag}</span> : null}
                      {i.clashes.length ? (
                        <p role="note" className="clash-note">
                          ⚠ {t('humasAgenda.clash')}:{' '}
                          {i.clashes
                            .map(
                              (c) =>
                                `${c.title} (${c.organization}; ${c.reasons.map((r) => t(`humasAgenda.reasons.${r}`)).join(', ')})`,
                            )
                            .join('; ')}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
