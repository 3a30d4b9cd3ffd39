import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lineage } from '../../../../src/ruang-kendali/board-format.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

export interface LineageTarget {
  readonly lineage: Lineage;
  readonly label: string;
  readonly value: number | null;
}

/**
 * Where a number comes from: the indicator's definition, the dataset version, the institution,
 * the as-of date and a link to the dataset page. A modal dialog, closed by Esc or its button.
 */
export function LineagePanel({ target, onClose }: { target: LineageTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (target && !d.open) d.showModal();
    if (!target && d.open) d.close();
  }, [target]);
  const l = target?.lineage;
  return (
    <dialog
      ref={dialog}
      className="rk-lineage"
      aria-labelledby="rk-lineage-title"
      onClose={onClose}
      data-version={l?.version ?? undefined}
      data-dataset={l?.dataset_name}
    >
      {l && target ? (
        <>
          <h2 id="rk-lineage-title">{t('wall.lineageTitle')}</h2>
          <p className="rk-lineage-value">
            {target.label}: <strong>{formatNumber(target.value, lang)}</strong>
            {l.unit ? ` ${l.unit}` : ''}
          </p>
          <dl>
            <dt>{t('wall.lineageIndicator')}</dt>
            <dd>
              {l.indicator_title} <code>{l.indicator_name}</code>
            </dd>
            <dt>{t('wall.lineageDefinition')}</dt>
            <dd>
              {l.aggregation}({l.measure})
            </dd>
            <dt>{t('wall.lineageDataset')}</dt>
            <dd>
              <a href={`/dataset/${encodeURIComponent(l.dataset_name)}`}>{l.dataset_title}</a>
            </dd>
            <dt>{t('wall.lineageVersion')}</dt>
            <dd data-lineage="version">{l.version ?? '—'}</dd>
            <dt>{t('wall.lineageInstitution')}</dt>
            <dd>{l.institution.title}</dd>
            <dt>{t('wall.lineageAsOf')}</dt>
            <dd>{l.as_of ? formatDate(l.as_of, lang) : '—'}</dd>
          </dl>
          <form method="dialog">
            <button type="submit">{t('wall.close')}</button>
          </form>
        </>
      ) : null}
    </dialog>
  );
}
