import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { callAction } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { errorsOf, Field, FormStatus, Gate, useAction } from '../ruang-kerja/shared.js';

const ORG_TYPES = ['ministry', 'agency', 'province', 'regency', 'city', 'other'] as const;
const LEVELS = ['central', 'province', 'regency'] as const;

interface Organization {
  id: string;
  name: string;
  title: string;
  description?: string;
  org_type?: string | null;
  level?: string | null;
  region_code?: string | null;
  package_count?: number;
}
const blank = { name: '', title: '', description: '', org_type: '', level: '', region_code: '' };
type Draft = typeof blank;

/** /admin/instansi (sysadmins): institutions (organization_list) and creating or editing one. */
export default function Organizations() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.admin.orgs.title'));
  return (
    <div className="page">
      <h1>{t('workspace.admin.orgs.title')}</h1>
      <Gate sysadmin>
        <p>
          <Link to="/ruang-kerja">{t('workspace.back')}</Link>
        </p>
        <OrganizationAdmin />
      </Gate>
    </div>
  );
}

function OrganizationAdmin() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [orgs, setOrgs] = useState<Organization[] | { error: string }>();
  const [editing, setEditing] = useState<Organization>();
  const [draft, setDraft] = useState<Draft>(blank);
  const heading = useRef<HTMLHeadingElement>(null);
  const { busy, error, done, run } = useAction();
  const removal = useAction();
  const load = useCallback(() => {
    callAction<Organization[]>('organization_list', { all_fields: true, limit: 1000 }).then(
      setOrgs,
      (e: Error) => setOrgs({ error: e.message }),
    );
  }, []);
  useEffect(load, [load]);

  /** Deletes `o` after a confirmation; the server refuses while it has datasets, and says so. */
  const remove = (o: Organization) => {
    if (!window.confirm(t('workspace.admin.orgs.confirmDelete', { name: o.title || o.name }))) return;
    void removal.run(async () => {
      await callAction('organization_delete', { id: o.id });
      if (editing?.id === o.id) {
        setEditing(undefined);
        setDraft(blank);
      }
      load();
      return t('workspace.admin.orgs.deleted', { name: o.title || o.name });
    });
  };

  const edit = (o: Organization) => {
    setEditing(o);
    setDraft({
      name: o.name,
      title: o.title ?? '',
      description: o.description ?? '',
      org_type: o.org_type ?? '',
      level: o.level ?? '',
      region_code: o.region_code ?? '',
    });
    heading.current?.focus();
  };
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const labels: Record<keyof Draft, string> = {
    name: t('workspace.admin.orgs.name'),
    title: t('workspace.admin.orgs.titleField'),
    description: t('workspace.admin.orgs.description'),
    org_type: t('workspace.admin.orgs.orgType'),
    level: t('workspace.admin.orgs.level'),
    region_code: t('workspace.admin.orgs.regionCode'),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const input = {
        name: draft.name.trim(),
        title: draft.title.trim(),
        description: draft.description,
        ...(draft.org_type ? { org_type: draft.org_type } : {}),
        ...(draft.level ? { level: draft.level } : {}),
        ...(draft.region_code.trim()
          ? { region_code: draft.region_code.trim() }
          : editing
            ? { region_code: null }
            : {}),
      };
      if (editing) await callAction('organization_update', { id: editing.id, ...input });
      else await callAction('organization_create', input);
      setEditing(undefined);
      setDraft(blank);
      load();
      return t(editing ? 'workspace.admin.orgs.updated' : 'workspace.admin.orgs.created', {
        name: input.name,
      });
    });
  };
  const text = (key: 'name' | 'title' | 'region_code', hint?: string) => (
    <Field id={`org-${key}`} label={labels[key]} hint={hint} errors={errorsOf(error, key)}>
      {(p) => <input {...p} name={key} value={draft[key]} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  );

  return (
    <>
      <form className="ws-form" onSubmit={submit} noValidate aria-labelledby="org-form">
        <h2 id="org-form" ref={heading} tabIndex={-1}>
          {editing
            ? t('workspace.admin.orgs.editing', { title: editing.title || editing.name })
            : t('workspace.admin.orgs.create')}
        </h2>
        {text('name', t('workspace.form.nameHint'))}
        {text('title')}
        <Field id="org-description" label={labels.description} errors={errorsOf(error, 'description')}>
          {(p) => (
            <textarea
              {...p}
              name="description"
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
        <Field id="org-org_type" label={labels.org_type} errors={errorsOf(error, 'org_type')}>
          {(p) => (
            <select {...p} value={draft.org_type} onChange={(e) => set('org_type', e.target.value)}>
              <option value="">{t('workspace.form.notChosen')}</option>
              {ORG_TYPES.map((o) => (
                <option key={o} value={o}>
                  {t(`workspace.admin.orgs.types.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="org-level" label={labels.level} errors={errorsOf(error, 'level')}>
          {(p) => (
            <select {...p} value={draft.level} onChange={(e) => set('level', e.target.value)}>
              <option value="">{t('workspace.form.notChosen')}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`workspace.admin.orgs.levels.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('region_code', t('workspace.admin.orgs.regionHint'))}
        <FormStatus error={error} done={done} labels={labels} />
        <p className="ws-actions">
          <button type="submit" disabled={busy}>
            {editing ? t('workspace.save') : t('workspace.admin.orgs.create')}
          </button>
          {editing ? (
            <button
              type="button"
              onClick={() => {
                setEditing(undefined);
                setDraft(blank);
              }}
            >
              {t('workspace.cancel')}
            </button>
          ) : null}
        </p>
      </form>
      <section aria-labelledby="org-list">
        <h2 id="org-list">{t('workspace.admin.orgs.title')}</h2>
        <FormStatus error={removal.error} done={removal.done} spelled />
        {!orgs ? (
          <p>{t('common.loading')}</p>
        ) : 'error' in orgs ? (
          <p role="alert">{t('workspace.loadError', { message: orgs.error })}</p>
        ) : orgs.length === 0 ? (
          <p>{t('workspace.none')}</p>
        ) : (
          <div className="ws-table-scroll">
            <table className="ws-table" aria-labelledby="org-list">
              <thead>
                <tr>
                  <th scope="col">{labels.title}</th>
                  <th scope="col">{labels.org_type}</th>
                  <th scope="col">{t('workspace.admin.orgs.datasets')}</th>
                  <th scope="col">{t('workspace.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {orgs.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <Link to={`/organization/${encodeURIComponent(o.name)}`}>{o.title || o.name}</Link>
                    </th>
                    <td>
                      {o.org_type
                        ? t(`workspace.admin.orgs.types.${o.org_type as (typeof ORG_TYPES)[number]}`)
                        : '—'}
                    </td>
                    <td>{formatNumber(o.package_count, lang)}</td>
                    <td>
                      <span className="ws-actions">
                        <button type="button" onClick={() => edit(o)}>
                          {t('workspace.edit')} <span className="visually-hidden">{o.title || o.name}</span>
                        </button>
                        <button type="button" disabled={removal.busy} onClick={() => remove(o)}>
                          {t('workspace.admin.orgs.delete')}{' '}
                          <span className="visually-hidden">{o.title || o.name}</span>
                        </button>
                      </span>
                    </td>
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
