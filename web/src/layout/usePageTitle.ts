import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSiteStatus } from '../status.js';

/** Sets `document.title` to "<page> · <site>" (or just the site's name on the home page). */
export function usePageTitle(title?: string): void {
  const { t } = useTranslation();
  const site = useSiteStatus()?.site_title || t('common.siteFallback');
  useEffect(() => {
    document.title = title ? `${title} · ${site}` : site;
  }, [title, site]);
}
