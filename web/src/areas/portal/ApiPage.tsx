/** /pengembang: how to reach the data from code, with the OpenAPI document and examples. */
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../layout/usePageTitle.js';
import './portal.css';

export default function ApiPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.apiPage.title'));
  const origin = window.location.origin;
  const examples = [
    { key: 'searchExample', code: `curl -s '${origin}/api/3/action/package_search?q=kemiskinan&rows=5'` },
    { key: 'showExample', code: `curl -s '${origin}/api/3/action/package_show?id=NAMA-DATASET'` },
    {
      key: 'rowsExample',
      code: `curl -s '${origin}/api/3/action/datastore_search?resource_id=ID&q=jawa&sort=tahun%20desc&limit=10'`,
    },
    { key: 'dumpExample', code: `curl -sOJ '${origin}/datastore/dump/ID?format=xlsx'` },
    { key: 'dcatExample', code: `curl -s '${origin}/catalog.ttl'` },
  ] as const;
  return (
    <div className="page portal">
      <h1>{t('portal.apiPage.title')}</h1>
      <p className="lead">{t('portal.apiPage.intro')}</p>
      <ul>
        <li>
          <a href="/api/docs">{t('portal.apiPage.docs')}</a>
        </li>
        <li>
          <a href="/api/openapi.json">{t('portal.apiPage.document')}</a>
        </li>
      </ul>
      <h2>{t('portal.apiPage.examples')}</h2>
      {examples.map(({ key, code }) => (
        <div key={key} className="code-block">
          <h3 id={`example-${key}`}>{t(`portal.apiPage.${key}`)}</h3>
          <pre>
            <code>{code}</code>
          </pre>
        </div>
      ))}
    </div>
  );
}
