import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { EmptyState } from '../../pages/EmptyState.js';
import { useSiteStatus } from '../../status.js';

/** /dataset: the catalog's listing comes later (package_search); until then, say so plainly. */
export default function Datasets() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const total = useSiteStatus()?.counts?.datasets;
  usePageTitle(t('datasets.title'));
  return (
    <div className="page">
      <h1>{t('datasets.title')}</h1>
      <EmptyState title={t('datasets.emptyTitle')}>
        <p>{t('datasets.emptyText')}</p>
        {total === undefined ? null : <p>{t('datasets.count', { total: formatNumber(total, lang) })}</p>}
      </EmptyState>
    </div>
  );
}
