import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { callAction } from '../../api.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { errorsOf, Field, FormStatus, Gate, useAction } from '../ruang-kerja/shared.js';

interface User {
  id: string;
  name: string;
  display_name: string;
  email?: string;
  sysadmin: boolean;
  state: 'active' | 'deleted';
  created: string;
}
const blank = { name: '', fullname: '', email: '', password: '', sysadmin: false };

/**
 * /admin/pengguna (sysadmins): every user (user_list, deactivated ones too), creating one
 * (user_create), and deactivating or reactivating one (user_update state).
 */
export default function Users() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.admin.users.title'));
  return (
    <div className="page">
      <h1>{t('workspace.admin.users.title')}</h1>
      <Gate sysadmin>
        <p>
          <Link to="/ruang-kerja">{t('workspace.back')}</Link>
        </p>
        <UserAdmin />
      </Gate>
    </div>
  );
}

function UserAdmin() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [users, setUsers] = useState<User[] | { error: string }>();
  const [draft, setDraft] = useState(blank);
  const { busy, error, done, run } = useAction();
  const change = useAction();
  const load = useCallback(() => {
    callAction<User[]>('user_list', { state: 'any', limit: 1000 }).then(setUsers, (e: Error) =>
      setUsers({ error: e.message }),
    );
  }, []);
  /** Deactivates (after a confirmation) or reactivates `u`. */
  const setState = (u: User, state: User['state']) => {
    if (
      state === 'deleted' &&
      !window.confirm(t('workspace.admin.users.confirmDeactivate', { name: u.name }))
    )
      return;
    void change.run(async () => {
      await callAction('user_update', { id: u.id, state });
      load();
      return t(
        state === 'deleted' ? 'workspace.admin.users.deactivated' : 'workspace.admin.users.reactivated',
        { name: u.name },
      );
    });
  };
  useEffect(load, [load]);

  const labels = {
    name: t('workspace.admin.users.name'),
    fullname: t('workspace.admin.users.fullname'),
    email: t('workspace.admin.users.email'),
    password: t('workspace.admin.users.password'),
    sysadmin: t('workspace.admin.users.sysadmin'),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const name = draft.name.trim();
      await callAction('user_create', {
        name,
        password: draft.password,
        sysadmin: draft.sysadmin,
        ...(draft.fullname.trim() ? { fullname: draft.fullname.trim() } : {}),
        ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
      });
      setDraft(blank);
      load();
      return t('workspace.admin.users.created', { name });
    });
  };
  const text = (
    key: 'name' | 'fullname' | 'email' | 'password',
    type: string,
    auto: string,
    hint?: string,
  ) => (
    <Field id={`user-${key}`} label={labels[key]} hint={hint} errors={errorsOf(error, key)}>
      {(p) => (
        <input
          {...p}
          name={key}
          type={type}
          autoComplete={auto}
          value={draft[key]}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <>
      <form className="ws-form" onSubmit={submit} noValidate aria-labelledby="user-form">
        <h2 id="user-form">{t('workspace.admin.users.create')}</h2>
        {text('name', 'text', 'off', t('workspace.admin.users.nameHint'))}
        {text('fullname', 'text', 'off')}
        {text('email', 'email', 'off')}
        {text('password', 'password', 'new-password', t('workspace.admin.users.passwordHint'))}
        <div className="ws-check">
          <input
            id="user-sysadmin"
            type="checkbox"
            checked={draft.sysadmin}
            onChange={(e) => setDraft((d) => ({ ...d, sysadmin: e.target.checked }))}
          />
          <label htmlFor="user-sysadmin">{labels.sysadmin}</label>
        </div>
        <FormStatus error={error} done={done} labels={labels} />
        <button type="submit" disabled={busy}>
          {t('workspace.admin.users.create')}
        </button>
      </form>
      <section aria-labelledby="user-list">
        <h2 id="user-list">{t('workspace.admin.users.list')}</h2>
        <FormStatus error={change.error} done={change.done} spelled />
        {!users ? (
          <p>{t('common.loading')}</p>
        ) : 'error' in users ? (
          <p role="alert">{t('workspace.loadError', { message: users.error })}</p>
        ) : (
          <div className="ws-table-scroll">
            <table className="ws-table" aria-labelledby="user-list">
              <thead>
                <tr>
                  <th scope="col">{labels.name}</th>
                  <th scope="col">{labels.fullname}</th>
                  <th scope="col">{labels.email}</th>
                  <th scope="col">{t('workspace.versions.created')}</th>
                  <th scope="col">{t('workspace.admin.users.state')}</th>
                  <th scope="col">{t('workspace.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">
                      {u.name}
                      {u.sysadmin ? (
                        <span className="hint"> ({t('workspace.admin.users.isSysadmin')})</span>
                      ) : null}
                    </th>
                    <td>{u.display_name}</td>
                    <td>{u.email ?? ''}</td>
                    <td>{formatDate(u.created, lang)}</td>
                    <td data-state={u.state}>{t(`workspace.admin.users.${u.state}`)}</td>
                    <td>
                      <button
                        type="button"
                        disabled={change.busy}
                        onClick={() => setState(u, u.state === 'active' ? 'deleted' : 'active')}
                      >
                        {u.state === 'active'
                          ? t('workspace.admin.users.deactivate')
                          : t('workspace.admin.users.reactivate')}{' '}
                        <span className="visually-hidden">{u.name}</span>
                      </button>
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
