import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { EmptyState } from '../../pages/EmptyState.js';

/** /humas: news, agenda and media monitoring. Its own chunk. */
export default function Humas() {
  const { t } = useTranslation();
  usePageTitle(t('humas.title'));
  return (
    <div className="page">
      <h1>{t('humas.title')}</h1>
      <EmptyState title={t('humas.emptyTitle')}>
        <p>{t('humas.emptyText')}</p>
      </EmptyState>
    </div>
  );
}
