/**
 * /wilayah/:code — everything known about one province or regency: where it lies, what it is
 * part of and what lies within it, the indicators' latest values for it, the datasets whose
 * coverage lists it and the institutions based there.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, callAction } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { type SearchResult, useAction } from './ckan.js';
import { DatasetList, LoadState } from './parts.js';
import { RegionMap } from './RegionMap.js';
import './portal.css';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  readonly kind: string;
  readonly parent_code: string | null;
}

interface RegionDetail extends Region {
  readonly parent: Region | null;
  readonly children: readonly Region[];
  readonly organizations: readonly { readonly name: string; readonly title: string }[];
}

interface Indicator {
  readonly name: string;
  readonly title: string;
  readonly title_en: string;
  readonly unit: string;
  readonly region_level: 'province' | 'regency' | null;
  readonly last: { readonly period: string | null } | null;
}

interface IndicatorValues {
  readonly values: readonly {
    readonly region_code: string;
    readonly period: string;
    readonly value: number | null;
    readonly status: string | null;
  }[];
}

interface RegionValue {
  readonly indicator: Indicator;
  readonly period: string;
  readonly value: number | null;
  readonly status: string | null;
}

/** Each public indicator's latest value for the region (indicators at the region's level only). */
function useRegionValues(region: RegionDetail | null): RegionValue[] | null {
  const [values, setValues] = useState<RegionValue[] | null>(null);
  useEffect(() => {
    if (!region) return;
    const controller = new AbortController();
    const level = region.level === 1 ? 'province' : region.level === 2 ? 'regency' : null;
    setValues(null);
    (async () => {
      if (!level) return [];
      const indicators = await callAction<Indicator[]>('indicator_list', {}, { signal: controller.signal });
      const found = await Promise.all(
        indicators
          .filter((i) => i.region_level === level)
          .map(async (indicator): Promise<RegionValue | null> => {
            const answer = await callAction<IndicatorValues>(
              'indicator_values',
              {
                id: indicator.name,
                level,
                ...(level === 'regency' && region.parent_code ? { province: region.parent_code } : {}),
                ...(indicator.last?.period ? { period: indicator.last.period } : {}),
              },
              { signal: controller.signal },
            );
            const row = answer.values.find((v) => v.region_code === region.code);
            return row ? { indicator, period: row.period, value: row.value, status: row.status } : null;
          }),
      );
      return found.filter((v): v is RegionValue => v !== null);
    })().then(
      (v) => setValues(v),
      () => {
        if (!controller.signal.aborted) setValues([]);
      },
    );
    return () => controller.abort();
  }, [region]);
  return values;
}

const STATUSES = ['green', 'amber', 'red'] as const;

export default function RegionPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { code = '' } = useParams();
  const region = useAction<RegionDetail>('region_show', { id: code });
  const detail = region.state === 'ready' ? region.data : null;
  const datasets = useAction<SearchResult>('package_search', {
    fq: `region:"${code.replace(/["\\]/g, '')}"`,
    rows: 20,
    facet: false,
  });
  const values = useRegionValues(detail);
  const notFound =
    region.state === 'error' &&
    region.error instanceof ApiError &&
    (region.error.type === 'Not Found Error' || region.error.type === 'Validation Error');
  usePageTitle(detail ? detail.name : notFound ? t('portal.regions.notFound') : undefined);
  const levelName = (level: number) =>
    level >= 1 && level <= 4 ? t(`portal.regions.levels.l${level as 1 | 2 | 3 | 4}`) : String(level);
  const province = detail
    ? detail.level === 1
      ? detail.code
      : (detail.code.split('.')[0] ?? '')
    : undefined;
  const provinceName = detail?.level === 1 ? detail.name : detail?.parent?.name;

  return (
    <div className="page portal region-page">
      <nav aria-label={t('portal.dataset.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/wilayah">{t('portal.regions.title')}</Link>
          </li>
          {detail?.parent ? (
            <li>
              <Link to={`/wilayah/${detail.parent.code}`}>{detail.parent.name}</Link>
            </li>
          ) : null}
        </ol>
      </nav>
      {notFound ? <h1>{t('portal.regions.notFound')}</h1> : <LoadState value={region} />}
      {detail ? (
        <>
          <h1>{detail.name}</h1>
          <div className="region-head">
            <dl className="facts">
              <div>
                <dt>{t('portal.regions.code')}</dt>
                <dd>{detail.code}</dd>
              </div>
              <div>
                <dt>{t('portal.regions.kind')}</dt>
                <dd>{detail.kind || levelName(detail.level)}</dd>
              </div>
              {detail.parent ? (
                <div>
                  <dt>{t('portal.regions.parent')}</dt>
                  <dd>
                    <Link to={`/wilayah/${detail.parent.code}`}>{detail.parent.name}</Link>
                  </dd>
                </div>
              ) : null}
            </dl>
            <RegionMap
              {...(province ? { province } : {})}
              {...(provinceName ? { name: provinceName } : {})}
              label={t('portal.regions.mapOne', { name: detail.name })}
            />
          </div>

          <section aria-labelledby="region-indicators">
            <h2 id="region-indicators">{t('portal.regions.indicators')}</h2>
            {values === null ? <p role="status">{t('common.loading')}</p> : null}
            {values && values.length === 0 ? <p>{t('portal.regions.noIndicators')}</p> : null}
            {values && values.length > 0 ? (
              <div className="table-scroll">
                <table className="preview-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('portal.regions.indicator')}</th>
                      <th scope="col" className="num">
                        {t('portal.regions.value')}
                      </th>
                      <th scope="col">{t('portal.regions.period')}</th>
                      <th scope="col">{t('portal.regions.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {values.map((v) => {
                      const status = STATUSES.find((s) => s === v.status);
                      return (
                        <tr key={v.indicator.name}>
                          <th scope="row">
                            {lang === 'en' && v.indicator.title_en ? v.indicator.title_en : v.indicator.title}
                          </th>
                          <td className="num">
                            {formatNumber(v.value, lang)} {v.indicator.unit}
                          </td>
                          <td>{v.period}</td>
                          <td>{status ? t(`portal.regions.statuses.${status}`) : '—'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>

          <section aria-labelledby="region-datasets">
            <h2 id="region-datasets">{t('portal.regions.datasets')}</h2>
            <LoadState value={datasets} />
            {datasets.state === 'ready' ? (
              datasets.data.results.length ? (
                <DatasetList datasets={datasets.data.results} />
              ) : (
                <p>{t('portal.regions.noDatasets')}</p>
              )
            ) : null}
          </section>

          {detail.organizations.length ? (
            <section aria-labelledby="region-orgs">
              <h2 id="region-orgs">{t('portal.regions.organizations')}</h2>
              <ul>
                {detail.organizations.map((o) => (
                  <li key={o.name}>
                    <Link to={`/organization/${o.name}`}>{o.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {detail.children.length ? (
            <section aria-labelledby="region-children">
              <h2 id="region-children">
                {t('portal.regions.children', { total: formatNumber(detail.children.length, lang) })}
              </h2>
              <ul className="region-list">
                {detail.children.map((c) => (
                  <li key={c.code}>
                    <Link to={`/wilayah/${c.code}`}>{c.name}</Link>{' '}
                    <span className="region-code">{c.code}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
