/**
 * /dataset/:name — everything about one dataset: description, Satu Data metadata, the quality
 * score with each check, resources with every download format, versions and what changed,
 * a preview of the table with a quick chart, API examples, DCAT links and a citation.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useSiteStatus } from '../../status.js';
import { type DatastoreInfo, type DiffResult, type Package, type Resource, useAction } from './ckan.js';
import { Preview } from './Preview.js';
import { LoadState, Notes } from './parts.js';
import './portal.css';

/** The dump formats the server offers (/datastore/dump/{id}?format=…). */
export const DUMP_FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'json', label: 'JSON' },
  { format: 'tsv', label: 'TSV' },
  { format: 'parquet', label: 'Parquet' },
] as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Quality({ quality }: { quality: NonNullable<Package['quality']> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section aria-labelledby="quality-title" className="dataset-block">
      <h2 id="quality-title">{t('portal.dataset.quality')}</h2>
      <p className="quality-score">
        <meter
          min={0}
          max={100}
          low={50}
          high={80}
          optimum={100}
          value={quality.score}
          aria-labelledby="quality-title"
        />{' '}
        {t('portal.dataset.qualityScore', { score: formatNumber(quality.score, lang) })}
      </p>
      <ul className="quality-checks">
        {quality.checks.map((c) => {
          const verdict =
            c.verdict === 'pass' || c.verdict === 'warn' || c.verdict === 'fail' ? c.verdict : 'warn';
          return (
            <li key={c.id} className={`verdict-${verdict}`}>
              <span className="verdict">{t(`portal.dataset.verdicts.${verdict}`)}</span>
              <span>{c.label[lang] ?? c.label.id}</span>
              {c.detail ? <span className="detail">{c.detail}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Downloads({ resource, name }: { resource: Resource; name: string }) {
  const { t } = useTranslation();
  return (
    <ul className="download-list">
      {DUMP_FORMATS.map(({ format, label }) => (
        <li key={format}>
          <a
            href={`/datastore/dump/${resource.id}?format=${format}`}
            download={`${name}.${format}`}
            aria-label={t('portal.dataset.downloadAs', { name: resource.name || name, format: label })}
          >
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Versions({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const info = useAction<DatastoreInfo>('datastore_info', { id: resourceId });
  const versions = info.state === 'ready' ? info.data.versions : [];
  const diff = useAction<DiffResult>(
    'datastore_diff',
    versions.length > 1 ? { resource_id: resourceId, limit: 0 } : null,
  );
  const latest = versions[versions.length - 1];
  return (
    <section aria-labelledby="versions-title" className="dataset-block">
      <h2 id="versions-title">{t('portal.dataset.versions')}</h2>
      <LoadState value={info} />
      <ol className="version-list" reversed>
        {[...versions].reverse().map((v) => (
          <li key={v.version}>
            <strong>{t('portal.dataset.version', { version: formatNumber(v.version, lang) })}</strong> ·{' '}
            {formatDate(v.created, lang)} ·{' '}
            {t('portal.dataset.versionRows', { rows: formatNumber(v.row_count, lang) })}
            {v.note ? ` · ${v.note}` : ''}
          </li>
        ))}
      </ol>
      {info.state === 'ready' && versions.length <= 1 ? <p>{t('portal.dataset.oneVersion')}</p> : null}
      {latest && diff.state === 'ready' ? (
        <p>
          {t('portal.dataset.changes', {
            from: formatNumber(latest.version - 1, lang),
            added: formatNumber(diff.data.added ?? 0, lang),
            removed: formatNumber(diff.data.removed ?? 0, lang),
            changed: formatNumber(diff.data.changed ?? 0, lang),
          })}
        </p>
      ) : null}
    </section>
  );
}

function CopyBlock({ id, label, code }: { id: string; label: string; code: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="code-block">
      <div className="code-head">
        <h3 id={id}>{label}</h3>
        <button
          type="button"
          aria-describedby={id}
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(
              () => setCopied(true),
              () => {},
            );
          }}
        >
          {copied ? t('portal.dataset.copied') : t('portal.dataset.copy')}
        </button>
      </div>
      <pre>
        <code>{code}</code>
      </pre>
    </div>
  );
}

export function apiExamples(
  origin: string,
  resourceId: string,
): { curl: string; js: string; python: string } {
  const url = `${origin}/api/3/action/datastore_search?resource_id=${resourceId}&limit=5`;
  return {
    curl: `curl -s '${url}'`,
    js: `const response = await fetch('${url}');\nconst { result } = await response.json();\nconsole.table(result.records);`,
    python: `import requests\n\nresult = requests.get('${origin}/api/3/action/datastore_search',\n    params={'resource_id': '${resourceId}', 'limit': 5}).json()['result']\nfor row in result['records']:\n    print(row)`,
  };
}

function Body({ d }: { d: Package }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const site = useSiteStatus();
  const origin = window.location.origin;
  const table = d.resources.find((r) => r.datastore_active);
  const examples = table ? apiExamples(origin, table.id) : null;
  const temporal = [d.cakupan_waktu_mulai, d.cakupan_waktu_selesai].filter(Boolean).join('–');
  const producer = d.produsen_data || d.organization?.title || '';
  const citation = t('portal.dataset.citationText', {
    producer,
    year: (d.cakupan_waktu_selesai || d.metadata_modified).slice(0, 4),
    title: d.title,
    site: site?.site_title || t('common.siteFallback'),
    url: `${origin}/dataset/${d.name}`,
    date: formatDate(new Date(), lang),
  });
  return (
    <>
      <div className="dataset-head">
        <h1>{d.title || d.name}</h1>
        {d.organization ? (
          <p className="dataset-org">
            <Link to={`/organization/${d.organization.name}`}>{d.organization.title}</Link>
          </p>
        ) : null}
      </div>
      <div className="dataset-layout">
        <div className="dataset-main">
          <section aria-labelledby="about-title" className="dataset-block">
            <h2 id="about-title">{t('portal.dataset.about')}</h2>
            <Notes text={d.notes ?? ''} />
          </section>
          <section aria-labelledby="resources-title" className="dataset-block">
            <h2 id="resources-title">{t('portal.dataset.resources')}</h2>
            {d.resources.length === 0 ? <p>{t('portal.dataset.noResources')}</p> : null}
            <ul className="resource-list">
              {d.resources.map((r) => (
                <li key={r.id}>
                  <h3>
                    {r.name || r.url} <span className="format">{r.format}</span>
                  </h3>
                  {r.description ? <p>{r.description}</p> : null}
                  {r.datastore_active ? (
                    <>
                      <p className="download-label">{t('portal.dataset.download')}</p>
                      <Downloads resource={r} name={d.name} />
                    </>
                  ) : r.url ? (
                    <a href={r.url}>{t('portal.dataset.openResource')}</a>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          {table ? (
            <section aria-labelledby="preview-title" className="dataset-block">
              <h2 id="preview-title">{t('portal.preview.title')}</h2>
              <Preview resourceId={table.id} name={table.name || d.name} />
            </section>
          ) : null}
          {table ? <Versions resourceId={table.id} /> : null}
          {examples ? (
            <section aria-labelledby="api-title" className="dataset-block">
              <h2 id="api-title">{t('portal.dataset.api')}</h2>
              <p>{t('portal.dataset.apiIntro')}</p>
              <CopyBlock id="api-curl" label="curl" code={examples.curl} />
              <CopyBlock id="api-js" label="JavaScript" code={examples.js} />
              <CopyBlock id="api-python" label="Python" code={examples.python} />
            </section>
          ) : null}
          <section aria-labelledby="citation-title" className="dataset-block">
            <h2 id="citation-title">{t('portal.dataset.citation')}</h2>
            <p className="citation">{citation}</p>
          </section>
        </div>
        <aside className="dataset-side" aria-label={t('portal.dataset.sdi')}>
          {d.quality ? <Quality quality={d.quality} /> : null}
          <section aria-labelledby="sdi-title" className="dataset-block">
            <h2 id="sdi-title">{t('portal.dataset.sdi')}</h2>
            <dl className="facts">
              <Fact label={t('portal.dataset.institution')}>
                {d.organization ? (
                  <Link to={`/organization/${d.organization.name}`}>{d.organization.title}</Link>
                ) : null}
              </Fact>
              <Fact label={t('portal.dataset.producer')}>{d.produsen_data}</Fact>
              <Fact label={t('portal.dataset.walidata')}>{d.walidata}</Fact>
              <Fact label={t('portal.dataset.frequency')}>{d.frekuensi_pemutakhiran}</Fact>
              <Fact label={t('portal.dataset.temporal')}>{temporal}</Fact>
              <Fact label={t('portal.dataset.spatialLevel')}>{d.cakupan_wilayah_tingkat}</Fact>
              <Fact label={t('portal.dataset.regions')}>
                {d.cakupan_wilayah?.length ? (
                  <ul className="inline-list">
                    {d.cakupan_wilayah.map((code) => (
                      <li key={code}>
                        <Link to={`/wilayah/${code}`}>{code}</Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Fact>
              <Fact label={t('portal.dataset.unit')}>{d.standar_data?.satuan}</Fact>
              <Fact label={t('portal.dataset.measure')}>{d.standar_data?.ukuran}</Fact>
              <Fact label={t('portal.dataset.priority')}>
                {d.data_prioritas ? t('portal.dataset.yes') : null}
              </Fact>
              <Fact label={t('portal.dataset.license')}>
                {d.license_title ? (
                  d.license_url ? (
                    <a href={d.license_url}>{d.license_title}</a>
                  ) : (
                    d.license_title
                  )
                ) : null}
              </Fact>
              <Fact label={t('portal.dataset.created')}>{formatDate(d.metadata_created, lang)}</Fact>
              <Fact label={t('portal.dataset.modified')}>{formatDate(d.metadata_modified, lang)}</Fact>
              <Fact label={t('portal.dataset.themes')}>
                {d.groups.length ? (
                  <ul className="inline-list">
                    {d.groups.map((g) => (
                      <li key={g.name}>
                        <Link to={`/group/${g.name}`}>{g.title || g.display_name || g.name}</Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Fact>
              <Fact label={t('portal.dataset.tags')}>
                {d.tags.length ? (
                  <ul className="inline-list">
                    {d.tags.map((tag) => (
                      <li key={tag.name}>
                        <Link to={`/dataset?tags=${encodeURIComponent(tag.name)}`}>
                          {tag.display_name || tag.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Fact>
            </dl>
          </section>
          <section aria-labelledby="dcat-title" className="dataset-block">
            <h2 id="dcat-title">{t('portal.dataset.linked')}</h2>
            <ul>
              <li>
                <a href={`/dataset/${d.name}.jsonld`}>JSON-LD</a>
              </li>
              <li>
                <a href={`/dataset/${d.name}.ttl`}>Turtle</a>
              </li>
              <li>
                <a href={`/dataset/${d.name}.rdf`}>RDF/XML</a>
              </li>
              <li>
                <a href={`/api/3/action/package_show?id=${d.name}`}>package_show (JSON)</a>
              </li>
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}

export default function Dataset() {
  const { t } = useTranslation();
  const { name = '' } = useParams();
  const result = useAction<Package>('package_show', { id: name });
  // One read is counted once the page is shown (package_view: once per visitor and day; bots
  // and prefetches that run no script never get here). Feeds the home page's "most used".
  const viewed = useRef('');
  const shownId = result.state === 'ready' ? result.data.id : '';
  useEffect(() => {
    if (!shownId || viewed.current === shownId) return;
    viewed.current = shownId;
    callAction('package_view', { id: shownId }).catch(() => {});
  }, [shownId]);
  const notFound =
    result.state === 'error' && result.error instanceof ApiError && result.error.type === 'Not Found Error';
  usePageTitle(
    result.state === 'ready' ? result.data.title : notFound ? t('portal.dataset.notFound') : undefined,
  );
  return (
    <div className="page portal dataset-page">
      <nav aria-label={t('portal.dataset.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/dataset">{t('nav.datasets')}</Link>
          </li>
          {result.state === 'ready' ? (
            <li>
              <span aria-current="page">{result.data.title}</span>
            </li>
          ) : null}
        </ol>
      </nav>
      {notFound ? (
        <>
          <h1>{t('portal.dataset.notFound')}</h1>
          <p>{t('portal.dataset.notFoundText', { name })}</p>
        </>
      ) : (
        <LoadState value={result} />
      )}
      {result.state === 'ready' ? <Body d={result.data} /> : null}
    </div>
  );
}
