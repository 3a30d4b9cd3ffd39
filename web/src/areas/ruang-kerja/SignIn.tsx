import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useSession } from '../../session.js';

/** /masuk: sign in with the server's cookie session, then go to the work queue. */
export default function SignIn() {
  const { t } = useTranslation();
  usePageTitle(t('session.title'));
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('name') ?? ''), String(form.get('password') ?? ''));
      navigate('/ruang-kerja/antrian');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <h1>{t('session.title')}</h1>
      {user ? (
        <p>
          {t('session.already', { name: user.fullname || user.name })}{' '}
          <Link to="/ruang-kerja/antrian">{t('session.toQueue')}</Link>
        </p>
      ) : (
        <form className="sign-in" onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
          <p>{t('session.lead')}</p>
          <label htmlFor="sign-in-name">{t('session.name')}</label>
          <input id="sign-in-name" name="name" autoComplete="username" required />
          <label htmlFor="sign-in-password">{t('session.password')}</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          {error ? (
            <p id="sign-in-error" role="alert" className="form-error">
              {t('session.failed', { message: error })}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {busy ? t('session.submitting') : t('session.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
