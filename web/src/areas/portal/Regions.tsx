/** /wilayah: the provinces, each linking to its region page. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useAction } from './ckan.js';
import { LoadState } from './parts.js';
import type { Region } from './Region.js';
import { RegionMap } from './RegionMap.js';
import './portal.css';

export default function Regions() {
  const { t } = useTranslation();
  usePageTitle(t('portal.regions.title'));
  const list = useAction<Region[]>('region_list', {});
  return (
    <div className="page portal">
      <h1>{t('portal.regions.title')}</h1>
      <p className="lead">{t('portal.regions.intro')}</p>
      <RegionMap label={t('portal.regions.mapAll')} />
      <LoadState value={list} />
      {list.state === 'ready' ? (
        <ul className="region-list">
          {list.data.map((r) => (
            <li key={r.code}>
              <Link to={`/wilayah/${r.code}`}>{r.name}</Link> <span className="region-code">{r.code}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
