/** Pieces several portal pages share: the search box, a dataset list, loading and error lines. */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import type { Loaded, Package } from './ckan.js';

/** A search box that goes to `/dataset?q=…` (keeping `extra` filters, e.g. an institution). */
export function SearchForm({
  initial = '',
  extra = {},
}: {
  initial?: string;
  extra?: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams(extra);
    if (q.trim()) params.set('q', q.trim());
    const query = params.toString();
    void navigate(`/dataset${query ? `?${query}` : ''}`);
  };
  return (
    <search className="portal-search">
      <form onSubmit={submit}>
        <label htmlFor={id}>{t('portal.search.label')}</label>
        <div className="portal-search-row">
          <input
            id={id}
            type="search"
            name="q"
            value={q}
            placeholder={t('portal.search.placeholder')}
            onChange={(event) => setQ(event.target.value)}
          />
          <button type="submit">{t('portal.search.button')}</button>
        </div>
      </form>
    </search>
  );
}

/** "Loading…" while loading, the error in an alert after a failure, else nothing. */
export function LoadState({ value }: { value: Loaded<unknown> }) {
  const { t } = useTranslation();
  if (value.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (value.state === 'error')
    return (
      <p className="notice notice-error" role="alert">
        {t('portal.error.load', { message: value.error.message })}
      </p>
    );
  return null;
}

/** Markdown-light: paragraphs, **bold** and line breaks; everything else as plain text. */
export function Notes({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity beyond their place
        <p key={i}>
          {p.split(/(\*\*[^*]+\*\*)/).map((part, j) =>
            part.startsWith('**') && part.endsWith('**') ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one paragraph, in order
              <strong key={j}>{part.slice(2, -2)}</strong>
            ) : (
              part
            ),
          )}
        </p>
      ))}
    </>
  );
}

/** The first paragraph of a dataset's notes, without Markdown marks, cut at `max` characters. */
export function summary(notes: string, max = 220): string {
  const plain = notes
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[*_#`>]/g, '').trim())
    .filter(Boolean);
  const text = plain.find((p) => !/^data demo sintetis/i.test(p)) ?? plain[0] ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function DatasetList({
  datasets,
  headingLevel = 3,
}: {
  datasets: readonly Package[];
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="dataset-list">
      {datasets.map((d) => (
        <li key={d.id}>
          <Heading>
            <Link to={`/dataset/${d.name}`}>{d.title || d.name}</Link>
          </Heading>
          <p className="dataset-meta">
            {d.organization ? <span>{d.organization.title}</span> : null}
            <span>{t('portal.list.updated', { date: formatDate(d.metadata_modified, lang) })}</span>
            {d.quality ? (
              <span>{t('portal.list.quality', { score: formatNumber(d.quality.score, lang) })}</span>
            ) : null}
            {d.usage ? (
              <span>
                {t('portal.list.usage', {
                  views: formatNumber(d.usage.views_30d, lang),
                  downloads: formatNumber(d.usage.downloads_30d, lang),
                })}
              </span>
            ) : null}
          </p>
          {d.notes ? <p>{summary(d.notes)}</p> : null}
          <ul className="format-list" aria-label={t('portal.facets.res_format')}>
            {[...new Set(d.resources.map((r) => r.format.toUpperCase()).filter(Boolean))].map((f) => (
              <li key={f} className="format">
                {f}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
