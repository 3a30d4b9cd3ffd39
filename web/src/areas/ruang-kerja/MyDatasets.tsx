import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useSession } from '../../session.js';
import { Gate, useMemberships } from './shared.js';

interface Institution {
  name: string;
  title: string;
}
interface DatasetRow {
  name: string;
  title: string;
  private: boolean;
  metadata_modified: string;
}
type Loaded = { org: Institution; count: number; results: DatasetRow[] }[] | { error: string } | undefined;

/** The institutions whose datasets the caller works on: their memberships, or every institution for a sysadmin. */
export function useInstitutions(): Institution[] | undefined {
  const { user } = useSession();
  const memberships = useMemberships();
  const [all, setAll] = useState<Institution[]>();
  useEffect(() => {
    if (!memberships) return;
    if (memberships.length > 0 || !user?.sysadmin)
      return setAll(memberships.map((m) => ({ name: m.organization_name, title: m.organization_title })));
    callAction<Institution[]>('organization_list', { all_fields: true }).then(setAll, () => setAll([]));
  }, [memberships, user]);
  return all;
}

/**
 * /ruang-kerja/dataset: the datasets of the officer's institutions, private ones included
 * (package_search with fq organization:NAME), each linking to its edit form.
 */
export default function MyDatasets() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.datasets.title'));
  return (
    <div className="page">
      <h1>{t('workspace.datasets.title')}</h1>
      <Gate>
        <p className="ws-actions">
          <Link to="/ruang-kerja/dataset/baru">{t('workspace.datasets.create')}</Link>
          <Link to="/ruang-kerja">{t('workspace.back')}</Link>
        </p>
        <DatasetLists />
      </Gate>
    </div>
  );
}

function DatasetLists() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const institutions = useInstitutions();
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    if (!institutions) return;
    Promise.all(
      institutions.map((org) =>
        callAction<{ count: number; results: DatasetRow[] }>('package_search', {
          fq: `organization:${org.name}`,
          rows: 1000,
          sort: 'metadata_modified desc',
          include_private: true,
        }).then((r) => ({ org, ...r })),
      ),
    ).then(setLoaded, (e: Error) => setLoaded({ error: e.message }));
  }, [institutions]);

  if (!loaded) return <p>{t('common.loading')}</p>;
  if ('error' in loaded) return <p role="alert">{t('workspace.loadError', { message: loaded.error })}</p>;
  if (loaded.length === 0) return <p>{t('workspace.hub.noInstitutions')}</p>;
  return (
    <>
      {loaded.map(({ org, count, results }) => (
        <section key={org.name} aria-labelledby={`org-${org.name}`}>
          <h2 id={`org-${org.name}`}>
            {org.title || org.name}{' '}
            <span className="hint">({t('workspace.datasets.count', { n: formatNumber(count, lang) })})</span>
          </h2>
          {results.length === 0 ? (
            <p>{t('workspace.datasets.empty')}</p>
          ) : (
            <div className="ws-table-scroll">
              <table className="ws-table" aria-labelledby={`org-${org.name}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('workspace.datasets.dataset')}</th>
                    <th scope="col">{t('workspace.datasets.visibility')}</th>
                    <th scope="col">{t('workspace.datasets.modified')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((d) => (
                    <tr key={d.name}>
                      <th scope="row">
                        <Link to={`/ruang-kerja/dataset/${encodeURIComponent(d.name)}`}>
                          {d.title || d.name}
                        </Link>
                      </th>
                      <td>{d.private ? t('workspace.datasets.private') : t('workspace.datasets.public')}</td>
                      <td>{formatDate(d.metadata_modified, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
