import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { type SiteCounts, useStatus } from '../../status.js';

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

export default function Home() {
  const { t } = useTranslation();
  const status = useStatus();
  usePageTitle();
  const counts = status.state === 'ready' ? status.status.counts : undefined;
  return (
    <div className="page home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </section>
      {status.state === 'error' ? (
        <p className="notice notice-error" role="alert">
          {t('status.error')}
        </p>
      ) : null}
      {counts ? <Stats counts={counts} /> : null}
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
        </ul>
      </section>
    </div>
  );
}
