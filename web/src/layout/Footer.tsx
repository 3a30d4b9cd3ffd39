import { useTranslation } from 'react-i18next';
import { useSiteStatus } from '../status.js';

export function Footer() {
  const { t } = useTranslation();
  const status = useSiteStatus();
  return (
    <footer className="site-footer">
      <div className="footer-inner">
        <p>{t('footer.about')}</p>
        {status ? (
          <p>{t('footer.version', { version: status.kendali_version, ckan: status.ckan_version })}</p>
        ) : null}
        <p>
          <a href="/api/docs">{t('common.apiDocs')}</a> · {t('footer.license')}
        </p>
      </div>
    </footer>
  );
}
