import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { errorsOf, Field, FormStatus, Gate, useAction } from '../ruang-kerja/shared.js';

interface Source {
  id: string;
  name: string;
  title: string | null;
  type: 'ckan' | 'dcat';
  url: string;
  organization: string;
  schedule: string | null;
}
interface Run {
  id: string;
  state: string;
  started: string;
  finished: string | null;
  counts: Record<string, number>;
  errors: { dataset: string; message: string }[];
  message: string | null;
}
const blank = { name: '', title: '', type: 'ckan' as 'ckan' | 'dcat', url: '', owner_org: '', schedule: '' };

/**
 * /admin/panen (sysadmins): harvest sources (harvest_source_list), adding one
 * (harvest_source_create), running it now (harvest_run) and its runs with counts (harvest_log).
 */
export default function Harvest() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.admin.harvest.title'));
  return (
    <div className="page">
      <h1>{t('workspace.admin.harvest.title')}</h1>
      <Gate sysadmin>
        <p>
          <Link to="/ruang-kerja">{t('workspace.back')}</Link>
        </p>
        <HarvestAdmin />
      </Gate>
    </div>
  );
}

function HarvestAdmin() {
  const { t } = useTranslation();
  const [sources, setSources] = useState<Source[] | { error: string }>();
  const [orgs, setOrgs] = useState<{ name: string; title: string }[]>([]);
  const [draft, setDraft] = useState(blank);
  const [logOf, setLogOf] = useState<Source>();
  const { busy, error, done, run } = useAction();
  const load = useCallback(() => {
    callAction<Source[]>('harvest_source_list', {}).then(setSources, (e: Error) =>
      setSources({ error: e.message }),
    );
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    callAction<{ name: string; title: string }[]>('organization_list', {
      all_fields: true,
      limit: 1000,
    }).then(
      (list) => {
        setOrgs(list);
        setDraft((d) => (d.owner_org ? d : { ...d, owner_org: list[0]?.name ?? '' }));
      },
      () => setOrgs([]),
    );
  }, []);

  const labels = {
    name: t('workspace.admin.harvest.name'),
    title: t('workspace.admin.harvest.titleField'),
    type: t('workspace.admin.harvest.type'),
    url: t('workspace.admin.harvest.url'),
    owner_org: t('workspace.admin.harvest.org'),
    schedule: t('workspace.admin.harvest.schedule'),
  };
  const set = (key: keyof typeof blank, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const name = draft.name.trim();
      await callAction('harvest_source_create', {
        name,
        type: draft.type,
        url: draft.url.trim(),
        owner_org: draft.owner_org,
        ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
        ...(draft.schedule.trim() ? { schedule: draft.schedule.trim() } : {}),
      });
      setDraft((d) => ({ ...blank, owner_org: d.owner_org }));
      load();
      return t('workspace.admin.harvest.created', { name });
    });
  };
  const harvestNow = (s: Source) =>
    void run(async () => {
      const job = await callAction<{ id: string }>('harvest_run', { id: s.name });
      setLogOf(s);
      return t('workspace.admin.harvest.queued', { name: s.name, job: job.id });
    });
  const text = (key: 'name' | 'title' | 'url' | 'schedule', hint?: string) => (
    <Field id={`harvest-${key}`} label={labels[key]} hint={hint} errors={errorsOf(error, key)}>
      {(p) => (
        <input
          {...p}
          name={key}
          type={key === 'url' ? 'url' : 'text'}
          value={draft[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <>
      <form className="ws-form" onSubmit={submit} noValidate aria-labelledby="harvest-form">
        <h2 id="harvest-form">{t('workspace.admin.harvest.create')}</h2>
        {text('name', t('workspace.form.nameHint'))}
        {text('title')}
        <Field id="harvest-type" label={labels.type} errors={errorsOf(error, 'type')}>
          {(p) => (
            <select {...p} value={draft.type} onChange={(e) => set('type', e.target.value)}>
              <option value="ckan">{t('workspace.admin.harvest.types.ckan')}</option>
              <option value="dcat">{t('workspace.admin.harvest.types.dcat')}</option>
            </select>
          )}
        </Field>
        {text('url', t('workspace.admin.harvest.urlHint'))}
        <Field id="harvest-owner_org" label={labels.owner_org} errors={errorsOf(error, 'owner_org')}>
          {(p) => (
            <select {...p} value={draft.owner_org} onChange={(e) => set('owner_org', e.target.value)}>
              {orgs.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.title || o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('schedule', t('workspace.admin.harvest.scheduleHint'))}
        <FormStatus error={error} done={done} labels={labels} />
        <button type="submit" disabled={busy}>
          {t('workspace.admin.harvest.create')}
        </button>
      </form>
      <section aria-labelledby="harvest-list">
        <h2 id="harvest-list">{t('workspace.admin.harvest.title')}</h2>
        {!sources ? (
          <p>{t('common.loading')}</p>
        ) : 'error' in sources ? (
          <p role="alert">{t('workspace.loadError', { message: sources.error })}</p>
        ) : sources.length === 0 ? (
          <p>{t('workspace.none')}</p>
        ) : (
          <div className="ws-table-scroll">
            <table className="ws-table" aria-labelledby="harvest-list">
              <thead>
                <tr>
                  <th scope="col">{labels.name}</th>
                  <th scope="col">{labels.url}</th>
                  <th scope="col">{labels.owner_org}</th>
                  <th scope="col">{labels.schedule}</th>
                  <th scope="col">{t('workspace.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.title || s.name}</th>
                    <td>{s.url}</td>
                    <td>{s.organization}</td>
                    <td>{s.schedule ?? '—'}</td>
                    <td>
                      <div className="ws-row-actions">
                        <button type="button" disabled={busy} onClick={() => harvestNow(s)}>
                          {t('workspace.admin.harvest.run', { name: s.name })}
                        </button>
                        <button type="button" onClick={() => setLogOf(s)}>
                          {t('workspace.admin.harvest.showLog', { name: s.name })}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {logOf ? <HarvestLog key={logOf.id} source={logOf} /> : null}
    </>
  );
}

function HarvestLog({ source }: { source: Source }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [runs, setRuns] = useState<Run[] | { error: string }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(() => {
    callAction<Run[]>('harvest_log', { id: source.name }, { method: 'GET' }).then(setRuns, (e: Error) =>
      setRuns({ error: e.message }),
    );
  }, [source.name]);
  useEffect(load, [load]);
  useEffect(() => heading.current?.focus(), []);
  const n = (r: Run, key: string) => formatNumber(r.counts[key] ?? 0, lang);

  return (
    <section aria-labelledby="harvest-log">
      <h2 id="harvest-log" ref={heading} tabIndex={-1}>
        {t('workspace.admin.harvest.log', { name: source.name })}
      </h2>
      <button type="button" onClick={load}>
        {t('workspace.admin.harvest.refresh')}
      </button>
      {!runs ? (
        <p>{t('common.loading')}</p>
      ) : 'error' in runs ? (
        <p role="alert">{t('workspace.loadError', { message: runs.error })}</p>
      ) : runs.length === 0 ? (
        <p>{t('workspace.admin.harvest.noRuns')}</p>
      ) : (
        <div className="ws-table-scroll">
          <table className="ws-table" aria-labelledby="harvest-log">
            <thead>
              <tr>
                <th scope="col">{t('workspace.admin.harvest.started')}</th>
                <th scope="col">{t('workspace.admin.harvest.state')}</th>
                <th scope="col">{t('workspace.admin.harvest.counts')}</th>
                <th scope="col">{t('workspace.admin.harvest.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {formatDate(r.started, lang)}{' '}
                    {new Date(r.started).toLocaleTimeString(lang === 'id' ? 'id-ID' : 'en-GB', {
                      timeZone: 'Asia/Jakarta',
                    })}
                  </th>
                  <td>{r.state}</td>
                  <td>
                    {t('workspace.admin.harvest.countsText', {
                      created: n(r, 'created'),
                      updated: n(r, 'updated'),
                      unchanged: n(r, 'unchanged'),
                      deleted: n(r, 'deleted'),
                      failed: n(r, 'failed'),
                    })}
                  </td>
                  <td>
                    {r.message ? <p>{r.message}</p> : null}
                    {r.errors.length ? (
                      <ul>
                        {r.errors.slice(0, 20).map((e) => (
                          <li key={e.dataset}>
                            {e.dataset}: {e.message}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
