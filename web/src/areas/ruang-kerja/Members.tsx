import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { callAction } from '../../api.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useSession } from '../../session.js';
import {
  errorsOf,
  Field,
  FormStatus,
  Gate,
  ORG_ROLES,
  type OrgRole,
  useAction,
  useMemberships,
} from './shared.js';

interface Institution {
  name: string;
  title: string;
}
interface User {
  id: string;
  name: string;
  display_name: string;
}
interface Member {
  id: string;
  name: string;
  display_name: string;
  role: OrgRole;
}

/**
 * /ruang-kerja/anggota: members of the institutions where the caller is admin (every institution
 * for a sysadmin): roles (member_list), adding by user name, changing the role (member_create)
 * and removing (member_delete).
 */
export default function Members() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.members.title'));
  return (
    <div className="page">
      <h1>{t('workspace.members.title')}</h1>
      <Gate>
        <p>
          <Link to="/ruang-kerja">{t('workspace.back')}</Link>
        </p>
        <AdminInstitutions />
      </Gate>
    </div>
  );
}

function AdminInstitutions() {
  const { t } = useTranslation();
  const { user } = useSession();
  const memberships = useMemberships();
  const [orgs, setOrgs] = useState<Institution[]>();
  const [org, setOrg] = useState('');
  useEffect(() => {
    if (!memberships) return;
    if (user?.sysadmin) {
      callAction<Institution[]>('organization_list', { all_fields: true }).then(setOrgs, () => setOrgs([]));
      return;
    }
    setOrgs(
      memberships
        .filter((m) => m.role === 'admin')
        .map((m) => ({ name: m.organization_name, title: m.organization_title })),
    );
  }, [memberships, user]);
  useEffect(() => {
    if (orgs?.[0] && !orgs.some((o) => o.name === org)) setOrg(orgs[0].name);
  }, [orgs, org]);

  if (!orgs) return <p>{t('common.loading')}</p>;
  if (orgs.length === 0)
    return (
      <p role="alert" className="ws-no-access">
        {t('workspace.noAccess', { who: t('workspace.orgAdmins') })}
      </p>
    );
  return (
    <>
      <Field id="members-org" label={t('workspace.members.institution')}>
        {(p) => (
          <select {...p} value={org} onChange={(e) => setOrg(e.target.value)}>
            {orgs.map((o) => (
              <option key={o.name} value={o.name}>
                {o.title || o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {org ? <MemberTable key={org} org={org} /> : null}
    </>
  );
}

function MemberTable({ org }: { org: string }) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<Member[] | { error: string }>();
  const [newUser, setNewUser] = useState('');
  const [newRole, setNewRole] = useState<OrgRole>('produsen');
  const { busy, error, done, run } = useAction();
  const roleName = (role: OrgRole) => t(`workspace.roles.${role}`);

  const load = useCallback(() => {
    Promise.all([
      callAction<[string, string, OrgRole][]>('member_list', { id: org }),
      callAction<User[]>('user_list', { limit: 1000 }),
    ]).then(
      ([triples, users]) => {
        const byId = new Map(users.map((u) => [u.id, u]));
        setMembers(
          triples.map(([id, , role]) => {
            const u = byId.get(id);
            return { id, name: u?.name ?? id, display_name: u?.display_name ?? id, role };
          }),
        );
      },
      (e: Error) => setMembers({ error: e.message }),
    );
  }, [org]);
  useEffect(load, [load]);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const name = newUser.trim();
    void run(async () => {
      await callAction('member_create', { id: org, object: name, object_type: 'user', capacity: newRole });
      setNewUser('');
      load();
      return t('workspace.members.added', { name, role: roleName(newRole) });
    });
  };
  const change = (m: Member, role: OrgRole) =>
    void run(async () => {
      await callAction('member_create', { id: org, object: m.name, object_type: 'user', capacity: role });
      load();
      return t('workspace.members.changed', { name: m.name, role: roleName(role) });
    });
  const remove = (m: Member) =>
    void run(async () => {
      await callAction('member_delete', { id: org, object: m.name, object_type: 'user' });
      load();
      return t('workspace.members.removed', { name: m.name });
    });
  const labels = { object: t('workspace.members.user'), capacity: t('workspace.members.role') };

  return (
    <>
      <section aria-labelledby="members-list">
        <h2 id="members-list">{t('workspace.members.title')}</h2>
        {!members ? (
          <p>{t('common.loading')}</p>
        ) : 'error' in members ? (
          <p role="alert">{t('workspace.loadError', { message: members.error })}</p>
        ) : members.length === 0 ? (
          <p>{t('workspace.members.empty')}</p>
        ) : (
          <div className="ws-table-scroll">
            <table className="ws-table" aria-labelledby="members-list">
              <thead>
                <tr>
                  <th scope="col">{t('workspace.members.user')}</th>
                  <th scope="col">{t('workspace.members.role')}</th>
                  <th scope="col">{t('workspace.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.display_name} <span className="hint">({m.name})</span>
                    </th>
                    <td>
                      <select
                        aria-label={t('workspace.members.roleOf', { name: m.name })}
                        value={m.role}
                        disabled={busy}
                        onChange={(e) => change(m, e.target.value as OrgRole)}
                      >
                        {ORG_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roleName(r)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button type="button" disabled={busy} onClick={() => remove(m)}>
                        {t('workspace.members.remove', { name: m.name })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <form className="ws-form" onSubmit={add} noValidate aria-labelledby="members-add">
        <h2 id="members-add">{t('workspace.members.add')}</h2>
        <Field
          id="member-user"
          label={labels.object}
          hint={t('workspace.members.userHint')}
          errors={errorsOf(error, 'object')}
        >
          {(p) => (
            <input
              {...p}
              name="object"
              required
              autoComplete="off"
              value={newUser}
              onChange={(e) => setNewUser(e.target.value)}
            />
          )}
        </Field>
        <Field id="member-role" label={labels.capacity} errors={errorsOf(error, 'capacity')}>
          {(p) => (
            <select
              {...p}
              name="capacity"
              value={newRole}
              onChange={(e) => setNewRole(e.target.value as OrgRole)}
            >
              {ORG_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormStatus error={error} done={done} labels={labels} />
        <button type="submit" disabled={busy}>
          {t('workspace.members.addButton')}
        </button>
      </form>
    </>
  );
}
