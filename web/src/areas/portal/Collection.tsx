/**
 * Institutions (/organization, /organization/:name) and themes (/group, /group/:name): a list
 * with dataset counts, and one page per institution or theme with its datasets, searchable.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { type Named, type SearchResult, useAction } from './ckan.js';
import { DatasetList, LoadState, SearchForm } from './parts.js';
import './portal.css';

export type Kind = 'organization' | 'group';

const FACET: Record<Kind, string> = { organization: 'organization', group: 'groups' };

export function CollectionList({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const title = kind === 'organization' ? t('organizations.title') : t('portal.groups.title');
  usePageTitle(title);
  const list = useAction<Named[]>(`${kind}_list`, { all_fields: true });
  return (
    <div className="page portal">
      <h1>{title}</h1>
      <p className="lead">
        {kind === 'organization' ? t('portal.organizations.intro') : t('portal.groups.intro')}
      </p>
      <LoadState value={list} />
      {list.state === 'ready' ? (
        <ul className="collection-list">
          {list.data.map((item) => (
            <li key={item.name}>
              <h2>
                <Link to={`/${kind}/${item.name}`}>{item.title || item.name}</Link>
              </h2>
              {item.description ? <p>{item.description}</p> : null}
              {item.package_count === undefined ? null : (
                <p className="dataset-meta">
                  {t('portal.home.datasetCount', { total: formatNumber(item.package_count, lang) })}
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function CollectionPage({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { name = '' } = useParams();
  const item = useAction<Named>(`${kind}_show`, { id: name });
  const datasets = useAction<SearchResult>('package_search', {
    fq: `${FACET[kind]}:"${name.replace(/["\\]/g, '\\$&')}"`,
    rows: 50,
    sort: 'title_string asc',
    facet: false,
  });
  const notFound =
    item.state === 'error' && item.error instanceof ApiError && item.error.type === 'Not Found Error';
  const listTitle = kind === 'organization' ? t('organizations.title') : t('portal.groups.title');
  const missing = kind === 'organization' ? t('portal.organizations.notFound') : t('portal.groups.notFound');
  usePageTitle(item.state === 'ready' ? item.data.title : notFound ? missing : undefined);
  return (
    <div className="page portal">
      <nav aria-label={t('portal.dataset.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to={`/${kind}`}>{listTitle}</Link>
          </li>
        </ol>
      </nav>
      {notFound ? <h1>{missing}</h1> : <LoadState value={item} />}
      {item.state === 'ready' ? (
        <>
          <h1>{item.data.title || item.data.name}</h1>
          {item.data.description ? <p className="lead">{item.data.description}</p> : null}
          {item.data.region_code ? (
            <p>
              {t('portal.regions.title')}:{' '}
              <Link to={`/wilayah/${item.data.region_code}`}>{item.data.region_code}</Link>
            </p>
          ) : null}
          <SearchForm extra={{ [FACET[kind]]: name }} />
          <section aria-labelledby="collection-datasets">
            <h2 id="collection-datasets">
              {kind === 'organization' ? t('portal.organizations.datasets') : t('portal.groups.datasets')}
              {datasets.state === 'ready' ? ` (${formatNumber(datasets.data.count, lang)})` : ''}
            </h2>
            <LoadState value={datasets} />
            {datasets.state === 'ready' ? <DatasetList datasets={datasets.data.results} /> : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
