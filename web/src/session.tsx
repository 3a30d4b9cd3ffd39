/**
 * The signed-in user, from the server's cookie session: `/api/auth/me` once at start,
 * `/api/auth/login` and `/api/auth/logout`. The session's CSRF token is handed to the API
 * client, which sends it with every POST. The session cookie is HTTP-only, so a flag in
 * localStorage remembers that this browser signed in: without it `/api/auth/me` is not asked
 * (an anonymous visitor's page makes no request that answers 401).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, getHeaders, postHeaders, setCsrfToken } from './api.js';

export interface SessionUser {
  id: string;
  name: string;
  fullname?: string;
  sysadmin?: boolean;
}

interface AuthResult {
  user: SessionUser;
  csrf_token: string | null;
  memberships?: unknown;
}

export interface Session {
  /** undefined while the first check runs; null when signed out. */
  readonly user: SessionUser | null | undefined;
  signIn(name: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session>({
  user: null,
  signIn: async () => {},
  signOut: async () => {},
});

const SIGNED_IN_KEY = 'kendali.signedIn';

function remember(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_KEY, '1');
    else localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // storage disabled: the check at start is skipped, sign-in still works
  }
}

function remembered(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return false;
  }
}

async function auth(path: string, body?: unknown): Promise<AuthResult | null> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? getHeaders() : postHeaders(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => undefined)) as
    | { success?: boolean; result?: AuthResult; error?: { __type?: string; message?: string } }
    | undefined;
  if (res.ok && json?.success) return json.result ?? null;
  throw new ApiError(
    path,
    json?.error?.__type ?? 'Error',
    json?.error?.message ?? `HTTP ${res.status}`,
    res.status,
  );
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  useEffect(() => {
    if (!remembered()) {
      setUser(null);
      return;
    }
    auth('/api/auth/me').then(
      (me) => {
        setCsrfToken(me?.csrf_token ?? null);
        setUser(me?.user ?? null);
      },
      () => {
        remember(false);
        setUser(null);
      },
    );
  }, []);
  const signIn = useCallback(async (name: string, password: string) => {
    const result = await auth('/api/auth/login', { name, password });
    setCsrfToken(result?.csrf_token ?? null);
    remember(true);
    setUser(result?.user ?? null);
  }, []);
  const signOut = useCallback(async () => {
    await auth('/api/auth/logout', {}).catch(() => null);
    setCsrfToken(null);
    remember(false);
    setUser(null);
  }, []);
  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);
