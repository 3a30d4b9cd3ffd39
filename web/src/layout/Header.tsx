import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useSiteStatus } from '../status.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { UserMenu } from './UserMenu.js';
import './header.css';

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
  // On phones the navigation is a disclosure menu (the button shows only there, header.css);
  // it closes on navigation and on Escape, which gives the focus back to the button.
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes when the page changes
  useEffect(() => setOpen(false), [pathname]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
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
      <nav className="site-nav" aria-label={t('nav.label')} data-open={open} onKeyDown={onKeyDown}>
        <button
          ref={toggle}
          type="button"
          className="nav-toggle"
          aria-expanded={open}
          aria-controls="site-nav-list"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true" className="nav-toggle-icon" />
          {t('portal.menu.label')}
        </button>
        {/* A chosen link closes the menu at once (the page may still be loading). */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: the links inside are the keyboard's way in */}
        <ul id="site-nav-list" onClick={() => setOpen(false)}>
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
