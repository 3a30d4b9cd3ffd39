import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useSiteStatus } from '../status.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { UserMenu } from './UserMenu.js';

const AREAS = [
  { to: '/', key: 'nav.home' },
  { to: '/dataset', key: 'nav.datasets' },
  { to: '/organization', key: 'nav.organizations' },
  { to: '/wilayah', key: 'portal.regions.title' },
  { to: '/ruang-kendali', key: 'nav.controlRoom' },
  { to: '/humas', key: 'nav.humas' },
] as const;

export function Header() {
  const { t } = useTranslation();
  const status = useSiteStatus();
  return (
    <header className="site-header">
      <div className="header-bar">
        <Link to="/" className="brand">
          <span className="brand-name">{status?.site_title || t('common.siteFallback')}</span>
          <span className="brand-tagline">{t('common.tagline')}</span>
        </Link>
        <UserMenu />
        <LanguageSwitch />
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul>
          {AREAS.map(({ to, key }) => (
            <li key={to}>
              <NavLink to={to} end={to === '/'}>
                {t(key)}
              </NavLink>
            </li>
          ))}
          <li>
            {/* Served by the server (OpenAPI UI), not by this app: a full page load. */}
            <a href="/api/docs">{t('nav.api')}</a>
          </li>
        </ul>
      </nav>
      {status?.demo ? (
        <p className="demo-banner">
          <span aria-hidden="true">⚠ </span>
          {t('demo.banner')}
        </p>
      ) : null}
    </header>
  );
}
