import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { callAction } from '../../api.js';
import { formatDate } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useSession } from '../../session.js';
import { errorsOf, Field, FormStatus, Gate, useAction } from './shared.js';

interface Token {
  id: string;
  name: string;
  created_at: string;
  last_access: string | null;
  expires_at: string | null;
}
interface Issued {
  token: string;
  id: string;
  name: string;
}

/**
 * /ruang-kerja/token: the signed-in user's API tokens (api_token_list), a new one (api_token_create,
 * shown once with a copy button) and revoking (api_token_revoke by its id).
 */
export default function Tokens() {
  const { t } = useTranslation();
  usePageTitle(t('workspace.tokens.title'));
  return (
    <div className="page">
      <h1>{t('workspace.tokens.title')}</h1>
      <Gate>
        <p>{t('workspace.tokens.lead')}</p>
        <p>
          <Link to="/ruang-kerja">{t('workspace.back')}</Link>
        </p>
        <TokenManager />
      </Gate>
    </div>
  );
}

function TokenManager() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { user } = useSession();
  const [tokens, setTokens] = useState<Token[] | { error: string }>();
  const [issued, setIssued] = useState<Issued>();
  const [copied, setCopied] = useState<string>();
  const [tokenName, setTokenName] = useState('');
  const [days, setDays] = useState('');
  const issuedRef = useRef<HTMLHeadingElement>(null);
  const { busy, error, done, run } = useAction();

  const load = useCallback(() => {
    callAction<Token[]>('api_token_list', {}).then(setTokens, (e: Error) => setTokens({ error: e.message }));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    if (issued) issuedRef.current?.focus();
  }, [issued]);

  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const made = await callAction<Issued>('api_token_create', {
        user: user?.name ?? '',
        name: tokenName.trim(),
        ...(days.trim() ? { expires_in: Number(days) } : {}),
      });
      setIssued(made);
      setCopied(undefined);
      setTokenName('');
      setDays('');
      load();
      return undefined;
    });
  };
  const revoke = (token: Token) =>
    void run(async () => {
      await callAction('api_token_revoke', { jti: token.id });
      if (issued?.id === token.id) setIssued(undefined);
      load();
      return t('workspace.tokens.revoked', { name: token.name });
    });
  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied(t('workspace.tokens.copied'));
    } catch {
      setCopied(t('workspace.tokens.copyFailed'));
    }
  };
  const labels = { name: t('workspace.tokens.name'), expires_in: t('workspace.tokens.expires') };

  return (
    <>
      <form className="ws-form" onSubmit={create} noValidate>
        <Field
          id="token-name"
          label={labels.name}
          hint={t('workspace.tokens.nameHint')}
          errors={errorsOf(error, 'name')}
        >
          {(p) => (
            <input
              {...p}
              name="name"
              required
              value={tokenName}
              onChange={(e) => setTokenName(e.target.value)}
            />
          )}
        </Field>
        <Field id="token-expires" label={labels.expires_in} errors={errorsOf(error, 'expires_in')}>
          {(p) => (
            <input
              {...p}
              name="expires_in"
              type="number"
              min={1}
              max={3650}
              inputMode="numeric"
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          )}
        </Field>
        <FormStatus error={error} done={done} labels={labels} />
        <button type="submit" disabled={busy}>
          {t('workspace.tokens.create')}
        </button>
      </form>
      {issued ? (
        <section aria-labelledby="token-issued" className="ws-form">
          <h2 id="token-issued" ref={issuedRef} tabIndex={-1}>
            {t('workspace.tokens.createdHeading', { name: issued.name })}
          </h2>
          <p>{t('workspace.tokens.createdLead')}</p>
          <label htmlFor="token-value">{t('workspace.tokens.value')}</label>
          <output id="token-value" className="ws-token" data-token={issued.token}>
            {issued.token}
          </output>
          <p className="ws-actions">
            <button type="button" onClick={() => void copy()}>
              {t('workspace.tokens.copy')}
            </button>
            {copied ? <span role="status">{copied}</span> : null}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="token-list">
        <h2 id="token-list">{t('workspace.tokens.list')}</h2>
        {!tokens ? (
          <p>{t('common.loading')}</p>
        ) : 'error' in tokens ? (
          <p role="alert">{t('workspace.loadError', { message: tokens.error })}</p>
        ) : tokens.length === 0 ? (
          <p>{t('workspace.tokens.empty')}</p>
        ) : (
          <div className="ws-table-scroll">
            <table className="ws-table" aria-labelledby="token-list">
              <thead>
                <tr>
                  <th scope="col">{t('workspace.tokens.name')}</th>
                  <th scope="col">{t('workspace.tokens.created')}</th>
                  <th scope="col">{t('workspace.tokens.lastUsed')}</th>
                  <th scope="col">{t('workspace.tokens.expiresAt')}</th>
                  <th scope="col">{t('workspace.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tk) => (
                  <tr key={tk.id}>
                    <th scope="row">{tk.name}</th>
                    <td>{formatDate(tk.created_at, lang)}</td>
                    <td>{formatDate(tk.last_access, lang)}</td>
                    <td>{formatDate(tk.expires_at, lang)}</td>
                    <td>
                      <button type="button" onClick={() => revoke(tk)} disabled={busy}>
                        {t('workspace.tokens.revoke', { name: tk.name })}
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
