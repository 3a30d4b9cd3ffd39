import { type ChangeEvent, type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  BOARD_COLUMNS,
  BOARD_FORMAT,
  type BoardDocument,
  TILE_KINDS,
  type TileKind,
  type TileSpec,
} from '../../../../src/ruang-kendali/board-format.js';
import { ApiError, callAction } from '../../api.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useOrganizations } from '../humas/useOrganizations.js';
import { parseBoardFile } from './boardFile.js';
import { downloadJson } from './download.js';
import './wall.css';

interface IndicatorOption {
  readonly id: string;
  readonly name: string;
  readonly title: string;
}

type Draft = Omit<BoardDocument, 'tiles'> & { tiles: TileSpec[] };

const EMPTY: Draft = {
  format: BOARD_FORMAT,
  name: '',
  title: '',
  organization: '',
  private: false,
  province: null,
  tiles: [],
};
const NEEDS_INDICATOR: ReadonlySet<TileKind> = new Set(['kpi', 'trend', 'map', 'ranking', 'table']);

/**
 * The board editor (/ruang-kendali/papan-baru and /ruang-kendali/papan/:name/sunting): the
 * board's fields, its tiles as rows (kind, indicator, position and size on the 12-column grid,
 * options), a layout preview, and the board as a JSON file both ways.
 */
export default function Editor() {
  const { t } = useTranslation();
  const { name } = useParams();
  const navigate = useNavigate();
  const orgs = useOrganizations();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [id, setId] = useState<string>();
  const [indicators, setIndicators] = useState<IndicatorOption[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string>();
  usePageTitle(name ? t('wall.editBoard') : t('wall.newBoard'));

  useEffect(() => {
    callAction<IndicatorOption[]>('indicator_list').then(setIndicators, () => {});
    if (!name) return;
    Promise.all([
      callAction<BoardDocument>('board_show', { id: name, format: 'document' }),
      callAction<{ board: { id: string } }>('board_show', { id: name }),
    ]).then(
      ([doc, shown]) => {
        setDraft({ ...doc, tiles: [...doc.tiles] });
        setId(shown.board?.id ?? (shown as unknown as { id: string }).id);
      },
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    );
  }, [name]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setTile = (i: number, patch: Partial<TileSpec>) =>
    setDraft((d) => ({ ...d, tiles: d.tiles.map((tile, j) => (j === i ? { ...tile, ...patch } : tile)) }));
  const setOption = (i: number, key: string, value: string | number | undefined) =>
    setDraft((d) => ({
      ...d,
      tiles: d.tiles.map((tile, j) => {
        if (j !== i) return tile;
        const options: Record<string, unknown> = { ...(tile.options ?? {}) };
        if (value === undefined || value === '') delete options[key];
        else options[key] = value;
        return { ...tile, options };
      }),
    }));
  const addTile = () =>
    setDraft((d) => {
      const y = Math.max(0, ...d.tiles.map((tile) => tile.y + tile.h));
      return {
        ...d,
        tiles: [...d.tiles, { id: `tile-${d.tiles.length + 1}`, kind: 'kpi', x: 0, y, w: 3, h: 2 }],
      };
    });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage(undefined);
    const tiles = draft.tiles.map((tile) =>
      NEEDS_INDICATOR.has(tile.kind) ? tile : (({ indicator: _drop, ...rest }) => rest)(tile),
    );
    try {
      const saved = id
        ? await callAction<{ name: string }>('board_update', { ...draft, tiles, id })
        : await callAction<{ name: string }>('board_create', { ...draft, tiles });
      navigate(`/ruang-kendali/papan/${encodeURIComponent(saved.name ?? draft.name)}`);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fields);
        setMessage(err.message);
      } else setMessage(String(err));
    }
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (!file) return;
    try {
      const doc = parseBoardFile(await file.text());
      setDraft({ ...doc, tiles: [...doc.tiles], ...(id ? { name: draft.name } : {}) });
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  const fieldError = (key: string) =>
    errors[key] ? (
      <span className="field-error" id={`err-${key}`}>
        {errors[key]?.join(', ')}
      </span>
    ) : null;
  const rows = Math.max(1, ...draft.tiles.map((tile) => tile.y + tile.h));

  return (
    <div className="page rk-editor">
      <p className="rk-crumb">
        <Link to="/ruang-kendali">{t('nav.controlRoom')}</Link>
      </p>
      <h1>{name ? t('wall.editBoard') : t('wall.newBoard')}</h1>
      {message ? <p role="alert">{message}</p> : null}
      <form onSubmit={(e) => void save(e)}>
        <fieldset>
          <legend>{t('wall.boardFields')}</legend>
          <label>
            {t('wall.fieldName')}
            <input
              value={draft.name}
              required
              pattern="[a-z0-9\-_]{2,100}"
              disabled={Boolean(id)}
              onChange={(e) => set('name', e.target.value)}
            />
            {fieldError('name')}
          </label>
          <label>
            {t('wall.fieldTitle')}
            <input value={draft.title} required onChange={(e) => set('title', e.target.value)} />
            {fieldError('title')}
          </label>
          <label>
            {t('wall.fieldTitleEn')}
            <input value={draft.title_en ?? ''} onChange={(e) => set('title_en', e.target.value)} />
          </label>
          <label>
            {t('wall.fieldDescription')}
            <textarea value={draft.description ?? ''} onChange={(e) => set('description', e.target.value)} />
          </label>
          <label>
            {t('wall.fieldOrganization')}
            <select value={draft.organization} required onChange={(e) => set('organization', e.target.value)}>
              <option value="">—</option>
              {orgs.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.title}
                </option>
              ))}
            </select>
            {fieldError('organization')}
          </label>
          <label>
            {t('wall.fieldProvince')}
            <input
              value={draft.province ?? ''}
              inputMode="numeric"
              pattern="[0-9]{2}"
              onChange={(e) => set('province', e.target.value || null)}
            />
          </label>
          <label className="rk-check">
            <input
              type="checkbox"
              checked={Boolean(draft.private)}
              onChange={(e) => set('private', e.target.checked)}
            />
            {t('wall.private')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('wall.tiles')}</legend>
          {fieldError('tiles')}
          <table className="rk-tile-table">
            <thead>
              <tr>
                <th scope="col">{t('wall.tileId')}</th>
                <th scope="col">{t('wall.tileKind')}</th>
                <th scope="col">{t('wall.tileIndicator')}</th>
                <th scope="col">{t('wall.tileTitle')}</th>
                <th scope="col">x</th>
                <th scope="col">y</th>
                <th scope="col">w</th>
                <th scope="col">h</th>
                <th scope="col">{t('wall.tileOptions')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('wall.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.tiles.map((tile, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position (the id is being edited in it)
                <tr key={i}>
                  <td>
                    <input
                      aria-label={`${t('wall.tileId')} ${i + 1}`}
                      value={tile.id}
                      onChange={(e) => setTile(i, { id: e.target.value })}
                      size={8}
                    />
                    {fieldError(`tiles[${i}].id`)}
                  </td>
                  <td>
                    <select
                      aria-label={`${t('wall.tileKind')} ${i + 1}`}
                      value={tile.kind}
                      onChange={(e) => setTile(i, { kind: e.target.value as TileKind })}
                    >
                      {TILE_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`wall.kind.${k}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {NEEDS_INDICATOR.has(tile.kind) ? (
                      <select
                        aria-label={`${t('wall.tileIndicator')} ${i + 1}`}
                        value={tile.indicator ?? ''}
                        onChange={(e) => setTile(i, { indicator: e.target.value })}
                      >
                        <option value="">—</option>
                        {indicators.map((ind) => (
                          <option key={ind.id} value={ind.name}>
                            {ind.title}
                          </option>
                        ))}
                      </select>
                    ) : (
                      '—'
                    )}
                    {fieldError(`tiles[${i}].indicator`)}
                  </td>
                  <td>
                    <input
                      aria-label={`${t('wall.tileTitle')} ${i + 1}`}
                      value={tile.title ?? ''}
                      onChange={(e) => setTile(i, { title: e.target.value || undefined })}
                    />
                  </td>
                  {(['x', 'y', 'w', 'h'] as const).map((k) => (
                    <td key={k}>
                      <input
                        aria-label={`${k} ${i + 1}`}
                        type="number"
                        min={k === 'w' || k === 'h' ? 1 : 0}
                        max={k === 'x' ? BOARD_COLUMNS - 1 : k === 'w' ? BOARD_COLUMNS : undefined}
                        value={tile[k]}
                        onChange={(e) => setTile(i, { [k]: Number(e.target.value) })}
                        className="rk-num-input"
                      />
                    </td>
                  ))}
                  <td>
                    {tile.kind === 'map' ? (
                      <input
                        aria-label={`${t('wall.optionMap')} ${i + 1}`}
                        placeholder="tilegrid"
                        value={tile.options?.map ?? ''}
                        onChange={(e) => setOption(i, 'map', e.target.value)}
                        size={8}
                      />
                    ) : null}
                    {['map', 'ranking', 'table'].includes(tile.kind) ? (
                      <select
                        aria-label={`${t('wall.optionLevel')} ${i + 1}`}
                        value={tile.options?.level ?? 'province'}
                        onChange={(e) => setOption(i, 'level', e.target.value)}
                      >
                        <option value="province">{t('wall.levelProvince')}</option>
                        <option value="regency">{t('wall.levelRegency')}</option>
                      </select>
                    ) : null}
                    {['ranking', 'table', 'alerts', 'media'].includes(tile.kind) ? (
                      <input
                        aria-label={`${t('wall.optionLimit')} ${i + 1}`}
                        type="number"
                        min={1}
                        max={100}
                        value={tile.options?.limit ?? ''}
                        onChange={(e) =>
                          setOption(i, 'limit', e.target.value ? Number(e.target.value) : undefined)
                        }
                        className="rk-num-input"
                      />
                    ) : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setDraft((d) => ({ ...d, tiles: d.tiles.filter((_, j) => j !== i) }))}
                    >
                      {t('wall.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={addTile}>
            {t('wall.addTile')}
          </button>
        </fieldset>
        <section aria-label={t('wall.layoutPreview')}>
          <h2>{t('wall.layoutPreview')}</h2>
          <div
            className="rk-preview"
            style={{
              gridTemplateColumns: `repeat(${BOARD_COLUMNS}, 1fr)`,
              gridTemplateRows: `repeat(${rows}, 2rem)`,
            }}
          >
            {draft.tiles.map((tile, i) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: a preview box is its row's position
                key={i}
                className="rk-preview-tile"
                style={{
                  gridColumn: `${tile.x + 1} / span ${tile.w}`,
                  gridRow: `${tile.y + 1} / span ${tile.h}`,
                }}
              >
                {tile.title || tile.id}
              </div>
            ))}
          </div>
        </section>
        <p className="rk-board-actions">
          <button type="submit" className="primary">
            {t('wall.save')}
          </button>
          <button type="button" onClick={() => downloadJson(`${draft.name || 'papan'}.board.json`, draft)}>
            {t('wall.exportJson')}
          </button>
          <label className="rk-import">
            {t('wall.importJson')}
            <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
          </label>
        </p>
      </form>
    </div>
  );
}
