import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { callAction } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useSession } from '../../session.js';
import { Gate, useMemberships } from './shared.js';

interface Counts {
  awaiting?: number;
  datasets?: number;
}

/**
 * /ruang-kerja: the data officer's hub. Links to the queue, the upload wizard, their datasets,
 * API tokens, members (for institution admins) and, for sysadmins, the admin pages; with the
 * counts that cost one request each (review_list, package_search rows=0 per institution).
 */
export default function Hub() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.hub.title'));
  return (
    <div className="page">
      <h1>{t('workspace.hub.title')}</h1>
      <Gate>
        <HubLinks />
      </Gate>
    </div>
  );
}

function HubLinks() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { user } = useSession();
  const memberships = useMemberships();
  const [counts, setCounts] = useState<Counts>({});
  useEffect(() => {
    if (!memberships) return;
    callAction<unknown[]>('review_list', {}).then(
      (rows) => setCounts((c) => ({ ...c, awaiting: rows.length })),
      () => undefined,
    );
    Promise.all(
      memberships.map((m) =>
        callAction<{ count: number }>('package_search', {
          fq: `organization:${m.organization_name}`,
          rows: 0,
          include_private: true,
        }).then((r) => r.count),
      ),
    ).then(
      (n) => setCounts((c) => ({ ...c, datasets: n.reduce((a, b) => a + b, 0) })),
      () => undefined,
    );
  }, [memberships]);
  const isOrgAdmin = Boolean(user?.sysadmin || memberships?.some((m) => m.role === 'admin'));
  const count = (key: 'workspace.hub.queueCount' | 'workspace.hub.datasetsCount', n?: number) =>
    n === undefined ? null : <p>{t(key, { n: formatNumber(n, lang) })}</p>;

  return (
    <>
      <p>{t('workspace.hub.lead', { name: user?.fullname || user?.name })}</p>
      <nav aria-labelledby="hub-work">
        <h2 id="hub-work" className="visually-hidden">
          {t('workspace.hub.title')}
        </h2>
        <ul className="ws-hub">
          <li>
            <Link to="/ruang-kerja/antrian">{t('workspace.hub.queue')}</Link>
            <p>{t('workspace.hub.queueHint')}</p>
            {count('workspace.hub.queueCount', counts.awaiting)}
          </li>
          <li>
            <Link to="/ruang-kerja/unggah">{t('workspace.hub.upload')}</Link>
            <p>{t('workspace.hub.uploadHint')}</p>
          </li>
          <li>
            <Link to="/ruang-kerja/dataset">{t('workspace.hub.datasets')}</Link>
            <p>{t('workspace.hub.datasetsHint')}</p>
            {count('workspace.hub.datasetsCount', counts.datasets)}
          </li>
          <li>
            <Link to="/ruang-kerja/token">{t('workspace.hub.tokens')}</Link>
            <p>{t('workspace.hub.tokensHint')}</p>
          </li>
          {isOrgAdmin ? (
            <li>
              <Link to="/ruang-kerja/anggota">{t('workspace.hub.members')}</Link>
              <p>{t('workspace.hub.membersHint')}</p>
            </li>
          ) : null}
        </ul>
      </nav>
      <section aria-labelledby="hub-orgs">
        <h2 id="hub-orgs">{t('workspace.hub.institutions')}</h2>
        {memberships === undefined ? (
          <p>{t('common.loading')}</p>
        ) : memberships.length === 0 ? (
          <p>{t('workspace.hub.noInstitutions')}</p>
        ) : (
          <ul>
            {memberships.map((m) => (
              <li key={m.organization_name}>
                <Link to={`/organization/${encodeURIComponent(m.organization_name)}`}>
                  {m.organization_title || m.organization_name}
                </Link>{' '}
                — {t(`workspace.roles.${m.role}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {user?.sysadmin ? (
        <nav aria-labelledby="hub-admin">
          <h2 id="hub-admin">{t('workspace.hub.admin')}</h2>
          <ul className="ws-hub">
            <li>
              <Link to="/admin/instansi">{t('workspace.hub.orgs')}</Link>
            </li>
            <li>
              <Link to="/admin/pengguna">{t('workspace.hub.users')}</Link>
            </li>
            <li>
              <Link to="/admin/panen">{t('workspace.hub.harvest')}</Link>
            </li>
            <li>
              <Link to="/admin/peta">{t('workspace.hub.maps')}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
    </>
  );
}
