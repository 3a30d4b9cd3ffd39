/**
 * /dataset: search with facets and sorting. The URL is the state, with CKAN's query names
 * (`?q=kemiskinan&organization=bps&groups=…&res_format=CSV&tags=…&sort=…&page=2`), so any
 * result page can be shared or bookmarked.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { type FacetItem, type SearchResult, useAction } from './ckan.js';
import { DatasetList, LoadState, SearchForm } from './parts.js';
import { FACET_SHOWN, FACETS, type Facet, pageOf, ROWS, SORTS, searchInput } from './search-params.js';
import './portal.css';

function FacetBlock({
  facet,
  items,
  params,
  toggle,
}: {
  facet: Facet;
  items: readonly FacetItem[];
  params: URLSearchParams;
  toggle: (facet: Facet, value: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  if (items.length === 0) return null;
  const chosen = params.getAll(facet);
  const sorted = [...items].sort((a, b) => b.count - a.count || a.display_name.localeCompare(b.display_name));
  const shown = open ? sorted : sorted.slice(0, FACET_SHOWN);
  const id = `facet-${facet}`;
  return (
    <section className="facet" aria-labelledby={id}>
      <h3 id={id}>{t(`portal.facets.${facet}`)}</h3>
      <ul>
        {shown.map((item) => {
          const active = chosen.includes(item.name);
          return (
            <li key={item.name}>
              <Link
                to={`?${toggle(facet, item.name)}`}
                aria-current={active ? 'true' : undefined}
                className={active ? 'active' : undefined}
              >
                <span>{item.display_name || item.name}</span>{' '}
                <span className="facet-count">{formatNumber(item.count, lang)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {sorted.length > FACET_SHOWN ? (
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open
            ? t('portal.list.showLess')
            : t('portal.list.showMore', { total: formatNumber(sorted.length, lang) })}
        </button>
      ) : null}
    </section>
  );
}

export default function Datasets() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params, setParams] = useSearchParams();
  usePageTitle(t('datasets.title'));
  const result = useAction<SearchResult>('package_search', searchInput(params));
  const q = params.get('q') ?? '';
  const page = pageOf(params);

  const toggle = (facet: Facet, value: string): string => {
    const next = new URLSearchParams(params);
    const values = next.getAll(facet);
    next.delete(facet);
    for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value])
      next.append(facet, v);
    next.delete('page');
    return next.toString();
  };
  const withPage = (n: number): string => {
    const next = new URLSearchParams(params);
    if (n <= 1) next.delete('page');
    else next.set('page', String(n));
    return next.toString();
  };
  const active = FACETS.flatMap((f) => params.getAll(f).map((v) => ({ facet: f, value: v })));
  const [filtersOpen, setFiltersOpen] = useState(false);
  const facetLabel = (facet: Facet, value: string): string =>
    (result.state === 'ready'
      ? result.data.search_facets[facet]?.items.find((i) => i.name === value)?.display_name
      : undefined) ?? value;
  const clearAll = (): string => {
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    const sort = params.get('sort');
    if (sort) next.set('sort', sort);
    return next.toString();
  };
  const pages = result.state === 'ready' ? Math.max(1, Math.ceil(result.data.count / ROWS)) : 1;

  return (
    <div className="page portal search-page">
      <h1>{t('datasets.title')}</h1>
      <SearchForm key={q} initial={q} extra={Object.fromEntries(active.map((a) => [a.facet, a.value]))} />
      <div className="search-layout">
        <aside className="facets" aria-labelledby="facets-title">
          <h2 id="facets-title">{t('portal.list.filters')}</h2>
          {/* On phones the facets are a collapsible section above the results (portal.css). */}
          <button
            type="button"
            className="facets-toggle"
            aria-expanded={filtersOpen}
            aria-controls="facet-blocks"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {active.length > 0
              ? t('portal.list.showFiltersActive', { count: active.length })
              : t('portal.list.showFilters')}
          </button>
          <div id="facet-blocks" className="facet-blocks" data-open={filtersOpen}>
            {result.state === 'ready'
              ? FACETS.map((f) => (
                  <FacetBlock
                    key={f}
                    facet={f}
                    items={result.data.search_facets[f]?.items ?? []}
                    params={params}
                    toggle={toggle}
                  />
                ))
              : null}
          </div>
        </aside>
        <div className="search-results">
          <div className="results-bar">
            <p role="status" className="results-count">
              {result.state === 'ready'
                ? q
                  ? t('portal.list.resultsFor', { total: formatNumber(result.data.count, lang), q })
                  : t('portal.list.results', { total: formatNumber(result.data.count, lang) })
                : null}
            </p>
            <label className="sort-control">
              {t('portal.list.sort')}{' '}
              <select
                value={params.get('sort') ?? ''}
                onChange={(event) => {
                  const next = new URLSearchParams(params);
                  if (event.target.value) next.set('sort', event.target.value);
                  else next.delete('sort');
                  next.delete('page');
                  setParams(next);
                }}
              >
                {SORTS.map((s) => (
                  <option key={s.key} value={s.value}>
                    {t(`portal.list.${s.key}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {active.length > 0 ? (
            <div className="active-filters">
              <h2 className="visually-hidden">{t('portal.list.activeFilters')}</h2>
              <ul>
                {active.map(({ facet, value }) => (
                  <li key={`${facet}:${value}`}>
                    <Link to={`?${toggle(facet, value)}`}>
                      <span className="visually-hidden">{t('portal.list.removeFilter')} </span>
                      {t(`portal.facets.${facet}`)}: {facetLabel(facet, value)}{' '}
                      <span aria-hidden="true">×</span>
                    </Link>
                  </li>
                ))}
                <li>
                  <Link to={`?${clearAll()}`}>{t('portal.list.clearFilters')}</Link>
                </li>
              </ul>
            </div>
          ) : null}
          <LoadState value={result} />
          {result.state === 'ready' ? (
            result.data.results.length === 0 ? (
              <p>{t('portal.list.none')}</p>
            ) : (
              <DatasetList datasets={result.data.results} headingLevel={2} />
            )
          ) : null}
          {pages > 1 ? (
            <nav className="pager" aria-label={t('portal.list.pagination')}>
              {page > 1 ? <Link to={`?${withPage(page - 1)}`}>{t('portal.list.prev')}</Link> : null}
              <span>
                {t('portal.list.page', { page: formatNumber(page, lang), pages: formatNumber(pages, lang) })}
              </span>
              {page < pages ? <Link to={`?${withPage(page + 1)}`}>{t('portal.list.next')}</Link> : null}
            </nav>
          ) : null}
        </div>
      </div>
    </div>
  );
}
