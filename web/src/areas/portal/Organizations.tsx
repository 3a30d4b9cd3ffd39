import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { EmptyState } from '../../pages/EmptyState.js';
import { useSiteStatus } from '../../status.js';

/** /organization: publishing agencies; the listing comes later. */
export default function Organizations() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const total = useSiteStatus()?.counts?.organizations;
  usePageTitle(t('organizations.title'));
  return (
    <div className="page">
      <h1>{t('organizations.title')}</h1>
      <EmptyState title={t('organizations.emptyTitle')}>
        <p>{t('organizations.emptyText')}</p>
        {total === undefined ? null : <p>{t('organizations.count', { total: formatNumber(total, lang) })}</p>}
      </EmptyState>
    </div>
  );
}
