import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An honest "not there yet" panel: says what will be here, never shows invented data. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{title}</h2>
      {children}
      <p>
        <a href="/api/docs">{t('common.apiDocs')}</a>
      </p>
    </section>
  );
}
