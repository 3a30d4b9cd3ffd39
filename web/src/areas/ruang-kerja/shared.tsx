/**
 * What the workspace and admin pages share: the caller's memberships, the sign-in/sysadmin gate,
 * labelled fields whose server errors (ApiError.fields) are announced beside them, and the
 * form-level error or success line.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, type FieldErrors } from '../../api.js';
import { useSession } from '../../session.js';
import './workspace.css';

export type OrgRole = 'admin' | 'walidata' | 'produsen' | 'member';
export const ORG_ROLES: readonly OrgRole[] = ['admin', 'walidata', 'produsen', 'member'];

export interface Membership {
  organization_id: string;
  organization_name: string;
  organization_title: string;
  role: OrgRole;
}

/** The signed-in user's institutions and roles (from `/api/auth/me`); undefined while loading. */
export function useMemberships(): Membership[] | undefined {
  const { user } = useSession();
  const [memberships, setMemberships] = useState<Membership[]>();
  useEffect(() => {
    if (!user) return;
    fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => r.json() as Promise<{ result?: { memberships?: Membership[] } }>)
      .then(
        (me) => setMemberships(me.result?.memberships ?? []),
        () => setMemberships([]),
      );
  }, [user]);
  return memberships;
}

/** Renders `children` only for a signed-in user (and, with `sysadmin`, only for a sysadmin). */
export function Gate({ sysadmin = false, children }: { sysadmin?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user === undefined) return <p>{t('common.loading')}</p>;
  if (user === null)
    return (
      <p>
        <Link to="/masuk">{t('workspace.signInFirst')}</Link>
      </p>
    );
  if (sysadmin && !user.sysadmin)
    return (
      <p role="alert" className="ws-no-access">
        {t('workspace.noAccess', { who: t('workspace.sysadmins') })}
      </p>
    );
  return <>{children}</>;
}

/** A failed action: its message, and per-field messages of a Validation Error. */
export interface FormError {
  readonly message: string;
  readonly fields: FieldErrors;
}

export const toFormError = (e: unknown): FormError =>
  e instanceof ApiError
    ? { message: e.message, fields: e.fields }
    : { message: e instanceof Error ? e.message : String(e), fields: {} };

/** The messages for field `name`, including those of its sub-fields (`standar_data.konsep`). */
export function errorsOf(error: FormError | undefined, name: string): string[] {
  if (!error) return [];
  return Object.entries(error.fields)
    .filter(([key]) => key === name || key.startsWith(`${name}.`) || key.startsWith(`${name}/`))
    .flatMap(([, messages]) => messages);
}

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled control with an optional hint and its server errors beside it, announced
 * (role=alert) with the field's label. `children` gets the control's id and ARIA props.
 */
export function Field({
  id,
  label,
  hint,
  errors = [],
  children,
  className,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: ControlProps) => ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const described = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={className ?? 'ws-field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': errors.length ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p id={`${id}-error`} role="alert" className="form-error">
          {t('workspace.fieldError', { field: label, message: errors.join('; ') })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The form-level line: the error (pointing at the marked fields when there are any), or a success
 * note. `spelled`: the field messages themselves (a change made from a list has no fields beside
 * it to point at).
 */
export function FormStatus({
  error,
  done,
  labels = {},
  spelled = false,
}: {
  error?: FormError | undefined;
  done?: string | undefined;
  labels?: Record<string, string>;
  spelled?: boolean;
}) {
  const { t } = useTranslation();
  if (error) {
    const fields = Object.keys(error.fields);
    return (
      <p role="alert" className="form-error">
        {spelled
          ? t('workspace.actionError', {
              message: Object.values(error.fields).flat().join('; ') || error.message,
            })
          : fields.length
            ? t('workspace.checkFields', {
                fields: fields.map((f) => labels[f.split(/[./]/)[0] ?? f] ?? f).join(', '),
              })
            : t('workspace.actionError', { message: error.message })}
      </p>
    );
  }
  return done ? (
    <p role="status" className="ws-done">
      {done}
    </p>
  ) : null;
}

/** Runs a form action with busy/error/done state. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError>();
  const [done, setDone] = useState<string>();
  const run = async (work: () => Promise<string | undefined>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await work());
      return true;
    } catch (e) {
      setError(toFormError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run, setError };
}
