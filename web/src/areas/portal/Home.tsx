import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { type SiteCounts, useStatus } from '../../status.js';
import { type Named, type SearchResult, useAction } from './ckan.js';
import { DatasetList, LoadState, SearchForm } from './parts.js';
import './portal.css';

function Stats({ counts }: { counts: SiteCounts }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const items = [
    { label: t('home.statsOrganizations'), value: counts.organizations },
    { label: t('home.statsDatasets'), value: counts.datasets },
    { label: t('home.statsRegions'), value: counts.regions },
  ];
  return (
    <section className="stats-section" aria-labelledby="stats-title">
      <h2 id="stats-title">{t('home.statsTitle')}</h2>
      <dl className="stats">
        {items.map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatNumber(value, lang)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Themes (groups) or institutions as a list of links with their dataset counts. */
function NamedLinks({
  kind,
  id,
  title,
  all,
}: {
  kind: 'group' | 'organization';
  id: string;
  title: string;
  all: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useAction<Named[]>(`${kind}_list`, { all_fields: true });
  return (
    <section aria-labelledby={id} className="home-block">
      <h2 id={id}>{title}</h2>
      <LoadState value={list} />
      {list.state === 'ready' ? (
        <ul className="chip-list">
          {list.data.map((item) => (
            <li key={item.name}>
              <Link to={`/${kind}/${item.name}`}>
                {item.title || item.name}
                {item.package_count === undefined ? null : (
                  <span className="chip-count">
                    {t('portal.home.datasetCount', { total: formatNumber(item.package_count, lang) })}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={`/${kind}`}>{all}</Link>
      </p>
    </section>
  );
}

function Latest({ id, title, sort }: { id: string; title: string; sort: string }) {
  const { t } = useTranslation();
  // "usage desc": package_popular (reads and downloads of the last 30 days); else package_search.
  const result = useAction<SearchResult>(
    sort === 'usage desc' ? 'package_popular' : 'package_search',
    sort === 'usage desc' ? { rows: 4 } : { sort, rows: 4, facet: false },
  );
  return (
    <section aria-labelledby={id} className="home-block">
      <h2 id={id}>{title}</h2>
      <LoadState value={result} />
      {result.state === 'ready' && result.data.results.length > 0 ? (
        <DatasetList datasets={result.data.results} />
      ) : null}
      {result.state === 'ready' && result.data.results.length === 0 && sort === 'usage desc' ? (
        <p>{t('portal.home.popularEmpty')}</p>
      ) : null}
    </section>
  );
}

export default function Home() {
  const { t } = useTranslation();
  const status = useStatus();
  usePageTitle();
  const counts = status.state === 'ready' ? status.status.counts : undefined;
  return (
    <div className="page home portal">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <SearchForm />
      </section>
      {status.state === 'error' ? (
        <p className="notice notice-error" role="alert">
          {t('status.error')}
        </p>
      ) : null}
      {counts ? <Stats counts={counts} /> : null}
      <div className="home-grid">
        <NamedLinks
          kind="group"
          id="themes-title"
          title={t('portal.home.themes')}
          all={t('portal.home.allGroups')}
        />
        <NamedLinks
          kind="organization"
          id="institutions-title"
          title={t('portal.home.institutions')}
          all={t('portal.home.allOrganizations')}
        />
      </div>
      <div className="home-grid">
        <Latest id="latest-title" title={t('portal.home.latest')} sort="metadata_modified desc" />
        <Latest id="best-title" title={t('portal.home.best')} sort="quality desc" />
      </div>
      <div className="home-grid">
        <Latest id="popular-title" title={t('portal.home.popular')} sort="usage desc" />
      </div>
      <p>
        <Link to="/dataset">{t('portal.home.allDatasets')}</Link>
      </p>
      <section aria-labelledby="features-title">
        <h2 id="features-title">{t('home.featuresTitle')}</h2>
        <ul className="features">
          <li>
            <h3>
              <Link to="/dataset">{t('home.catalogTitle')}</Link>
            </h3>
            <p>{t('home.catalogText')}</p>
          </li>
          <li>
            <h3>{t('home.integrationTitle')}</h3>
            <p>{t('home.integrationText')}</p>
          </li>
          <li>
            <h3>
              <Link to="/ruang-kendali">{t('home.controlRoomTitle')}</Link>
            </h3>
            <p>{t('home.controlRoomText')}</p>
          </li>
          <li>
            <h3>
              <Link to="/humas">{t('home.humasTitle')}</Link>
            </h3>
            <p>{t('home.humasText')}</p>
          </li>
          <li>
            <h3>
              <Link to="/wilayah">{t('portal.home.regions')}</Link>
            </h3>
            <p>{t('portal.home.regionsText')}</p>
          </li>
          <li>
            <h3>
              <Link to="/pengembang">{t('portal.home.apiTitle')}</Link>
            </h3>
            <p>{t('portal.home.apiText')}</p>
          </li>
        </ul>
      </section>
    </div>
  );
}
