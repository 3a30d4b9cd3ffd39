import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import type { Package } from './draft.js';

interface Version {
  version: number;
  row_count: number;
  source: string | null;
  note: string | null;
  created: string;
}
interface Diff {
  added: number;
  removed: number;
  changed: number;
}
/** Diffs of the newest versions with the one before each; older ones are not asked for. */
const DIFFS = 10;

/** A dataset's datastore versions (datastore_info) with what changed in each (datastore_diff). */
export function Versions({ pkg }: { pkg: Package }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const table = pkg.resources.find((r) => r.datastore_active);
  const [versions, setVersions] = useState<Version[] | { error: string }>();
  const [diffs, setDiffs] = useState<Record<number, Diff>>({});
  useEffect(() => {
    if (!table) return;
    callAction<{ versions: Version[] }>('datastore_info', { resource_id: table.id }).then(
      (info) => {
        setVersions(info.versions);
        for (const v of info.versions.filter((x) => x.version > 1).slice(0, DIFFS))
          callAction<Diff>('datastore_diff', {
            resource_id: table.id,
            from_version: v.version - 1,
            to_version: v.version,
            limit: 0,
          }).then(
            (d) => setDiffs((all) => ({ ...all, [v.version]: d })),
            () => undefined,
          );
      },
      (e: Error) => setVersions({ error: e.message }),
    );
  }, [table]);

  return (
    <section aria-labelledby="ds-versions">
      <h2 id="ds-versions">{t('workspace.versions.title')}</h2>
      {!table ? (
        <p>{t('workspace.versions.none')}</p>
      ) : !versions ? (
        <p>{t('common.loading')}</p>
      ) : 'error' in versions ? (
        <p role="alert">{t('workspace.loadError', { message: versions.error })}</p>
      ) : (
        <>
          <p>{t('workspace.versions.resource', { name: table.name || table.id })}</p>
          <div className="ws-table-scroll">
            <table className="ws-table" aria-labelledby="ds-versions">
              <thead>
                <tr>
                  <th scope="col">{t('workspace.versions.version')}</th>
                  <th scope="col">{t('workspace.versions.rows')}</th>
                  <th scope="col">{t('workspace.versions.created')}</th>
                  <th scope="col">{t('workspace.versions.changes')}</th>
                  <th scope="col">{t('workspace.versions.note')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => {
                  const d = diffs[v.version];
                  return (
                    <tr key={v.version}>
                      <th scope="row">{formatNumber(v.version, lang)}</th>
                      <td>{formatNumber(v.row_count, lang)}</td>
                      <td>{formatDate(v.created, lang)}</td>
                      <td>
                        {v.version === 1
                          ? t('workspace.versions.first')
                          : d
                            ? t('workspace.versions.diff', {
                                added: formatNumber(d.added, lang),
                                removed: formatNumber(d.removed, lang),
                                changed: formatNumber(d.changed, lang),
                              })
                            : '—'}
                      </td>
                      <td>{v.note ?? v.source ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
