import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../session.js';
import { NotificationBell } from './NotificationBell.js';

/** Signed out: the link to /masuk. Signed in: the bell, the workspace (queue, upload, …), the name and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  if (user === undefined) return null;
  if (!user)
    return (
      <Link className="user-menu" to="/masuk">
        {t('session.signIn')}
      </Link>
    );
  return (
    <div className="user-menu">
      <NotificationBell />
      <Link to="/ruang-kerja">{t('workspace.nav')}</Link>
      <span className="user-name">{user.fullname || user.name}</span>
      <button type="button" onClick={() => void signOut()}>
        {t('session.signOut')}
      </button>
    </div>
  );
}
