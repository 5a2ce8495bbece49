import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authPaths } from '@shared/auth/paths';
import type { Me, MeAnswer, SessionAnswer } from '@shared/auth/responses';
import type { Role } from '@shared/auth/roles';
import { ApiError, api, setCsrfToken } from './api';
import { Offline } from './ui/Offline';

interface AuthState {
  /** undefined while the first /auth/me is in flight, null when logged out. */
  me: Me | null | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** Who is logged in, and the CSRF token that goes with the session. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  /** the server could not be reached at all: not known who is logged in */
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    api
      .get<SessionAnswer>(authPaths.session)
      .then(({ user, csrfToken }) => {
        setCsrfToken(csrfToken ?? '');
        setMe(user);
      })
      .catch((err) => {
        if (err instanceof ApiError && err.code === 'network') return setOffline(true);
        if (!(err instanceof ApiError) || err.status !== 401) console.error(err);
        setMe(null);
      });
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const { user, csrfToken } = await api.post<MeAnswer>(authPaths.login, { username, password });
    setCsrfToken(csrfToken);
    setMe(user);
  }, []);

  const logout = useCallback(async () => {
    await api.post(authPaths.logout).catch(() => undefined);
    setCsrfToken('');
    setMe(null);
  }, []);

  const value = useMemo<AuthState>(
    () => ({ me, login, logout, hasRole: (...roles) => !!me && roles.some((r) => me.roles.includes(r)) }),
    [me, login, logout],
  );
  return <AuthContext.Provider value={value}>{offline ? <Offline /> : children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The logged-in user, for pages behind <RequireAuth/>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
}
