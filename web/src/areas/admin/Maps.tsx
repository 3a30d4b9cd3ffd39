import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, callAction, postHeaders } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { errorsOf, Field, FormStatus, Gate, useAction } from '../ruang-kerja/shared.js';

interface RegionMap {
  id: string;
  name: string;
  title: string;
  level: 'province' | 'regency';
  code_property: string;
  feature_count: number;
  created: string;
  url: string;
}
const blank = { name: '', title: '', level: 'regency' as 'province' | 'regency', code_property: '' };

/** Sends the file to `/api/uploads`; a refusal names the `upload_id` field so it shows beside the file input. */
async function uploadFile(file: File): Promise<string> {
  const body = new FormData();
  body.append('file', file);
  const { 'Content-Type': _json, ...headers } = postHeaders();
  const res = await fetch('/api/uploads', { method: 'POST', body, headers, credentials: 'same-origin' });
  const json = (await res.json().catch(() => undefined)) as
    | { success: boolean; result?: { upload_id: string }; error?: { message?: string } }
    | undefined;
  if (!res.ok || !json?.success || !json.result) {
    const message = json?.error?.message ?? `HTTP ${res.status}`;
    throw new ApiError('upload', 'Validation Error', message, res.status, { upload_id: [message] });
  }
  return json.result.upload_id;
}

/** /admin/peta (sysadmins): registered region maps (map_list) and registering a GeoJSON file (map_create). */
export default function Maps() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.admin.maps.title'));
  return (
    <div className="page">
      <h1>{t('workspace.admin.maps.title')}</h1>
      <Gate sysadmin>
        <p>
          <Link to="/ruang-kerja">{t('workspace.back')}</Link>
        </p>
        <MapAdmin />
      </Gate>
    </div>
  );
}

function MapAdmin() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [maps, setMaps] = useState<RegionMap[] | { error: string }>();
  const [draft, setDraft] = useState(blank);
  const [file, setFile] = useState<File>();
  const { busy, error, done, run } = useAction();
  const load = useCallback(() => {
    callAction<RegionMap[]>('map_list', {}).then(setMaps, (e: Error) => setMaps({ error: e.message }));
  }, []);
  useEffect(load, [load]);

  const labels = {
    name: t('workspace.admin.maps.name'),
    title: t('workspace.admin.maps.titleField'),
    level: t('workspace.admin.maps.level'),
    code_property: t('workspace.admin.maps.codeProperty'),
    upload_id: t('workspace.admin.maps.file'),
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    void run(async () => {
      if (!file) {
        const missing = t('workspace.admin.maps.fileMissing');
        throw new ApiError('map_create', 'Validation Error', missing, 400, { upload_id: [missing] });
      }
      const upload_id = await uploadFile(file);
      const made = await callAction<{ name: string; matched: number; unmatched_count: number }>(
        'map_create',
        {
          name: draft.name.trim(),
          level: draft.level,
          code_property: draft.code_property.trim(),
          upload_id,
          ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
        },
      );
      setDraft(blank);
      setFile(undefined);
      form.reset();
      load();
      return t('workspace.admin.maps.created', {
        name: made.name,
        matched: formatNumber(made.matched, lang),
        unmatched: formatNumber(made.unmatched_count, lang),
      });
    });
  };
  const text = (key: 'name' | 'title' | 'code_property', hint?: string) => (
    <Field id={`map-${key}`} label={labels[key]} hint={hint} errors={errorsOf(error, key)}>
      {(p) => (
        <input
          {...p}
          name={key}
          value={draft[key]}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <>
      <form className="ws-form" onSubmit={submit} noValidate aria-labelledby="map-form">
        <h2 id="map-form">{t('workspace.admin.maps.create')}</h2>
        {text('name', t('workspace.form.nameHint'))}
        {text('title')}
        <Field id="map-level" label={labels.level} errors={errorsOf(error, 'level')}>
          {(p) => (
            <select
              {...p}
              value={draft.level}
              onChange={(e) => setDraft((d) => ({ ...d, level: e.target.value as 'province' | 'regency' }))}
            >
              <option value="province">{t('workspace.admin.maps.levels.province')}</option>
              <option value="regency">{t('workspace.admin.maps.levels.regency')}</option>
            </select>
          )}
        </Field>
        {text('code_property', t('workspace.admin.maps.codeHint'))}
        <Field id="map-file" label={labels.upload_id} errors={errorsOf(error, 'upload_id')}>
          {(p) => (
            <input
              {...p}
              name="file"
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              onChange={(e) => setFile(e.target.files?.[0])}
            />
          )}
        </Field>
        <FormStatus error={error} done={done} labels={labels} />
        <button type="submit" disabled={busy}>
          {busy ? t('workspace.saving') : t('workspace.admin.maps.create')}
        </button>
      </form>
      <section aria-labelledby="map-list">
        <h2 id="map-list">{t('workspace.admin.maps.title')}</h2>
        <p className="hint">{t('workspace.admin.maps.builtin')}</p>
        {!maps ? (
          <p>{t('common.loading')}</p>
        ) : 'error' in maps ? (
          <p role="alert">{t('workspace.loadError', { message: maps.error })}</p>
        ) : maps.length === 0 ? (
          <p>{t('workspace.none')}</p>
        ) : (
          <div className="ws-table-scroll">
            <table className="ws-table" aria-labelledby="map-list">
              <thead>
                <tr>
                  <th scope="col">{labels.title}</th>
                  <th scope="col">{labels.level}</th>
                  <th scope="col">{labels.code_property}</th>
                  <th scope="col">{t('workspace.admin.maps.features')}</th>
                  <th scope="col">{t('workspace.versions.created')}</th>
                </tr>
              </thead>
              <tbody>
                {maps.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <a href={m.url}>{m.title || m.name}</a>
                    </th>
                    <td>{t(`workspace.admin.maps.levels.${m.level}`)}</td>
                    <td>{m.code_property}</td>
                    <td>{formatNumber(m.feature_count, lang)}</td>
                    <td>{formatDate(m.created, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
