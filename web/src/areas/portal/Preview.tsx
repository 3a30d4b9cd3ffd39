/**
 * The table behind a resource, a page at a time through datastore_search: free-text search,
 * one "column equals value" filter, sorting by any column (click its header) and paging.
 * The same query feeds the quick chart below it.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { type DatastoreField, type DatastoreResult, isNumericType, useAction } from './ckan.js';
import { LoadState } from './parts.js';
import { type ChartQuery, QuickChart } from './QuickChart.js';

const PAGE_SIZES = [10, 25, 50, 100];

interface Sort {
  readonly column: string;
  readonly desc: boolean;
}

export function Preview({ resourceId, name }: { resourceId: string; name: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const ids = { q: useId(), column: useId(), value: useId(), size: useId(), chart: useId() };
  const [q, setQ] = useState('');
  const [draftQ, setDraftQ] = useState('');
  const [filter, setFilter] = useState<{ column: string; value: string } | null>(null);
  const [draftColumn, setDraftColumn] = useState('');
  const [draftValue, setDraftValue] = useState('');
  const [sort, setSort] = useState<Sort | null>(null);
  const [limit, setLimit] = useState(10);
  const [offset, setOffset] = useState(0);
  const [fields, setFields] = useState<readonly DatastoreField[]>([]);

  const numeric = (column: string) => isNumericType(fields.find((f) => f.id === column)?.type ?? '');
  const filterValue = (column: string, value: string): string | number =>
    numeric(column) && value.trim() !== '' && Number.isFinite(Number(value.replace(',', '.')))
      ? Number(value.replace(',', '.'))
      : value;
  const filters = filter ? { [filter.column]: filterValue(filter.column, filter.value) } : null;
  const sortText = sort ? `${sort.column} ${sort.desc ? 'desc' : 'asc'}` : '';
  const result = useAction<DatastoreResult>('datastore_search', {
    resource_id: resourceId,
    limit,
    offset,
    ...(q ? { q } : {}),
    ...(filters ? { filters: JSON.stringify(filters) } : {}),
    ...(sortText ? { sort: sortText } : {}),
  });
  const data = result.state === 'ready' ? result.data : null;
  if (data && fields.length === 0 && data.fields.length > 0) setFields(data.fields);
  const columns = fields.filter((f) => !f.id.startsWith('_'));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setQ(draftQ.trim());
    setFilter(draftColumn && draftValue.trim() ? { column: draftColumn, value: draftValue.trim() } : null);
    setOffset(0);
  };
  const reset = () => {
    setDraftQ('');
    setDraftColumn('');
    setDraftValue('');
    setQ('');
    setFilter(null);
    setSort(null);
    setOffset(0);
  };
  const toggleSort = (column: string) => {
    setSort(sort?.column === column ? { column, desc: !sort.desc } : { column, desc: false });
    setOffset(0);
  };
  const chartQuery: ChartQuery = {
    resourceId,
    q,
    filters: filters ?? {},
    sort: sortText,
  };
  const total = data?.total ?? 0;

  return (
    <>
      <form className="preview-controls" onSubmit={apply}>
        <div>
          <label htmlFor={ids.q}>{t('portal.preview.search')}</label>
          <input id={ids.q} type="search" value={draftQ} onChange={(e) => setDraftQ(e.target.value)} />
        </div>
        <div>
          <label htmlFor={ids.column}>{t('portal.preview.column')}</label>
          <select id={ids.column} value={draftColumn} onChange={(e) => setDraftColumn(e.target.value)}>
            <option value="">{t('portal.preview.anyColumn')}</option>
            {columns.map((f) => (
              <option key={f.id} value={f.id}>
                {f.id}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.value}>{t('portal.preview.value')}</label>
          <input
            id={ids.value}
            type="text"
            value={draftValue}
            onChange={(e) => setDraftValue(e.target.value)}
          />
        </div>
        <div className="buttons">
          <button type="submit">{t('portal.preview.apply')}</button>
          <button type="button" className="secondary" onClick={reset}>
            {t('portal.preview.reset')}
          </button>
        </div>
      </form>
      <LoadState value={result} />
      {data ? (
        <>
          <div className="table-scroll">
            <table className="preview-table">
              <caption id={`${ids.q}-caption`}>{t('portal.preview.caption', { name })}</caption>
              <thead>
                <tr>
                  {columns.map((f) => {
                    const sorted =
                      sort?.column === f.id ? (sort.desc ? 'descending' : 'ascending') : undefined;
                    return (
                      <th
                        key={f.id}
                        scope="col"
                        aria-sort={sorted}
                        className={numeric(f.id) ? 'num' : undefined}
                      >
                        <button
                          type="button"
                          onClick={() => toggleSort(f.id)}
                          aria-label={t('portal.preview.sortBy', { column: f.id })}
                        >
                          {f.id}
                          <span aria-hidden="true">
                            {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {data.records.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows of one page, in order
                  <tr key={i}>
                    {columns.map((f) => {
                      const v = row[f.id];
                      return (
                        <td key={f.id} className={numeric(f.id) ? 'num' : undefined}>
                          {typeof v === 'number' && !/^(int|int8|integer|bigint)/.test(f.type)
                            ? formatNumber(v, lang)
                            : String(v ?? '')}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.records.length === 0 ? <p>{t('portal.preview.noRows')}</p> : null}
          <div className="preview-pager">
            <p role="status">
              {total > 0
                ? t('portal.preview.rows', {
                    from: formatNumber(offset + 1, lang),
                    to: formatNumber(Math.min(offset + limit, total), lang),
                    total: formatNumber(total, lang),
                  })
                : null}
            </p>
            <label htmlFor={ids.size}>{t('portal.preview.rowsPerPage')}</label>
            <select
              id={ids.size}
              value={limit}
              onChange={(e) => {
                setLimit(Number(e.target.value));
                setOffset(0);
              }}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - limit))}
            >
              {t('portal.list.prev')}
            </button>
            <button
              type="button"
              disabled={offset + limit >= total}
              onClick={() => setOffset(offset + limit)}
            >
              {t('portal.list.next')}
            </button>
          </div>
        </>
      ) : null}
      {columns.length > 0 ? (
        <section aria-labelledby={ids.chart}>
          <h3 id={ids.chart}>{t('portal.chart.title')}</h3>
          <QuickChart fields={columns} query={chartQuery} />
        </section>
      ) : null}
    </>
  );
}
