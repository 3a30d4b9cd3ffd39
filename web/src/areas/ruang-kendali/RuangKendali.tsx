import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { EmptyState } from '../../pages/EmptyState.js';

/** /ruang-kendali: the control-room wall. Its own chunk, so the portal never loads it. */
export default function RuangKendali() {
  const { t } = useTranslation();
  usePageTitle(t('controlRoom.title'));
  return (
    <div className="page">
      <h1>{t('controlRoom.title')}</h1>
      <EmptyState title={t('controlRoom.emptyTitle')}>
        <p>{t('controlRoom.emptyText')}</p>
      </EmptyState>
    </div>
  );
}
