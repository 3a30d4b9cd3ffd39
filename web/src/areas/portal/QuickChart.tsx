/**
 * A quick bar or line chart drawn as inline SVG (no chart library: the dataset page stays
 * small). The reader chooses the label and the value column; the rows are the preview's, as
 * filtered and sorted there.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callAction } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { type DatastoreField, type DatastoreResult, isNumericType, type Row } from './ckan.js';

export const CHART_MAX_ROWS = 60;
const WIDTH = 720;
const HEIGHT = 300;
const PAD = { top: 16, right: 16, bottom: 90, left: 64 };

export interface ChartQuery {
  readonly resourceId: string;
  readonly q: string;
  readonly filters: Readonly<Record<string, string | number>>;
  readonly sort: string;
}

interface Drawn {
  readonly label: string;
  readonly value: string;
  readonly kind: 'bar' | 'line';
  readonly points: readonly { readonly label: string; readonly value: number }[];
}

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function Svg({ drawn }: { drawn: Drawn }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const titleId = useId();
  const descId = useId();
  const values = drawn.points.map((p) => p.value);
  const min = Math.min(0, ...values);
  const top = niceMax(Math.max(...values));
  const w = WIDTH - PAD.left - PAD.right;
  const h = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + h - ((v - min) / (top - min || 1)) * h;
  const slot = w / Math.max(1, drawn.points.length);
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + (top - min) * f);
  const kind = drawn.kind === 'bar' ? t('portal.chart.bar') : t('portal.chart.line');
  return (
    <svg
      className="quick-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{`${drawn.value} / ${drawn.label}`}</title>
      <desc id={descId}>
        {t('portal.chart.description', {
          kind,
          value: drawn.value,
          label: drawn.label,
          rows: formatNumber(drawn.points.length, lang),
          min: formatNumber(Math.min(...values), lang),
          max: formatNumber(Math.max(...values), lang),
        })}
      </desc>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
            {formatNumber(v, lang)}
          </text>
        </g>
      ))}
      {drawn.kind === 'bar' ? (
        drawn.points.map((p, i) => (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; the place is the identity
            key={i}
            className="bar"
            x={x(i) - slot * 0.35}
            width={slot * 0.7}
            y={Math.min(y(p.value), y(0))}
            height={Math.abs(y(0) - y(p.value))}
          >
            <title>{`${p.label}: ${formatNumber(p.value, lang)}`}</title>
          </rect>
        ))
      ) : (
        <polyline
          className="line"
          fill="none"
          points={drawn.points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
        />
      )}
      {drawn.points.map((p, i) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; the place is the identity
          key={i}
          className="axis"
          textAnchor="end"
          transform={`translate(${x(i) + 3},${PAD.top + h + 8}) rotate(-60)`}
        >
          {p.label.length > 16 ? `${p.label.slice(0, 15)}…` : p.label}
        </text>
      ))}
    </svg>
  );
}

export function QuickChart({ fields, query }: { fields: readonly DatastoreField[]; query: ChartQuery }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const numeric = fields.filter((f) => isNumericType(f.type) && !f.id.startsWith('_'));
  const labels = fields.filter((f) => !f.id.startsWith('_'));
  const texts = labels.filter((f) => !isNumericType(f.type));
  // A name reads better under a bar than a code: skip kode_*/id columns when there is a choice.
  const [label, setLabel] = useState(
    texts.find((f) => !/^(kode|id)(_|$)/i.test(f.id))?.id ?? texts[0]?.id ?? labels[0]?.id ?? '',
  );
  const [value, setValue] = useState(numeric[numeric.length - 1]?.id ?? '');
  const [kind, setKind] = useState<'bar' | 'line'>('bar');
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { label: useId(), value: useId(), kind: useId() };

  if (numeric.length === 0) return <p>{t('portal.chart.noNumeric')}</p>;

  const draw = async () => {
    setError(null);
    try {
      const result = await callAction<DatastoreResult>('datastore_search', {
        resource_id: query.resourceId,
        limit: CHART_MAX_ROWS,
        ...(query.q ? { q: query.q } : {}),
        ...(Object.keys(query.filters).length ? { filters: JSON.stringify(query.filters) } : {}),
        ...(query.sort ? { sort: query.sort } : {}),
      });
      const points = result.records
        .map((r: Row) => ({ label: String(r[label] ?? ''), value: Number(r[value]) }))
        .filter((p) => Number.isFinite(p.value));
      setDrawn({ label, value, kind, points });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="quick-chart-block">
      <p>{t('portal.chart.intro', { max: formatNumber(CHART_MAX_ROWS, lang) })}</p>
      <div className="controls">
        <div>
          <label htmlFor={ids.label}>{t('portal.chart.label')}</label>
          <select id={ids.label} value={label} onChange={(e) => setLabel(e.target.value)}>
            {labels.map((f) => (
              <option key={f.id} value={f.id}>
                {f.id}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.value}>{t('portal.chart.value')}</label>
          <select id={ids.value} value={value} onChange={(e) => setValue(e.target.value)}>
            {numeric.map((f) => (
              <option key={f.id} value={f.id}>
                {f.id}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.kind}>{t('portal.chart.kind')}</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(e) => setKind(e.target.value === 'line' ? 'line' : 'bar')}
          >
            <option value="bar">{t('portal.chart.bar')}</option>
            <option value="line">{t('portal.chart.line')}</option>
          </select>
        </div>
        <button type="button" onClick={() => void draw()}>
          {t('portal.chart.draw')}
        </button>
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {t('portal.error.load', { message: error })}
        </p>
      ) : null}
      {drawn && drawn.points.length > 0 ? <Svg drawn={drawn} /> : null}
    </div>
  );
}
