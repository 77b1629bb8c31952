import type { LoginResponse, SessionResponse, SessionUser } from '@remed/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, isAuthLost, onAuthLost, onPasswordChangeRequired } from './api.ts';
import { SessionLoading, SessionUnavailable } from './errors/SessionStates.tsx';

const SESSION_KEY = ['session'] as const;
/** Remembers across reloads that this tab was signed in, so a dead session reads as «expired», not «never». */
const WAS_SIGNED_IN = 'remed.signedIn';

interface SessionContextValue {
  user: SessionUser | null;
  expired: boolean;
  /** `second_factor`: the password was right and the code from the authenticator is still to come. */
  signIn: (login: string, password: string) => Promise<'signed_in' | 'second_factor'>;
  /** The second step of signing in: a code from the app or a recovery code. */
  completeSecondFactor: (code: string) => Promise<SessionUser>;
  /** Adopts a session the server has just opened by another route (registration). */
  signedIn: (user: SessionUser) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

async function loadSession(): Promise<SessionUser | null> {
  try {
    return (await api.get<SessionResponse>('/api/auth/session')).user;
  } catch (e) {
    if (isAuthLost(e)) return null;
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: loadSession,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const user = session.data ?? null;

  useEffect(() => {
    if (session.isSuccess && !session.data && sessionStorage.getItem(WAS_SIGNED_IN)) {
      sessionStorage.removeItem(WAS_SIGNED_IN);
      setExpired(true);
    }
  }, [session.isSuccess, session.data]);

  useEffect(() => {
    onAuthLost(() => {
      if (!queryClient.getQueryData(SESSION_KEY)) return;
      setExpired(true);
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    });
    return () => onAuthLost(null);
  }, [queryClient]);

  // The server refuses a call for a temporary password that the session read earlier did not show: once the
  // session says so, the guard sends the person to the change form.
  useEffect(() => {
    onPasswordChangeRequired(() => {
      const current = queryClient.getQueryData<SessionUser | null>(SESSION_KEY);
      if (current && !current.mustChangePassword)
        queryClient.setQueryData(SESSION_KEY, { ...current, mustChangePassword: true });
    });
    return () => onPasswordChangeRequired(null);
  }, [queryClient]);

  const adopt = useCallback(
    (user: SessionUser) => {
      sessionStorage.setItem(WAS_SIGNED_IN, '1');
      setExpired(false);
      queryClient.setQueryData(SESSION_KEY, user);
    },
    [queryClient],
  );

  const signIn = useCallback(
    async (login: string, password: string) => {
      const res = await api.post<LoginResponse>('/api/auth/login', { login, password });
      if (!('user' in res)) return 'second_factor' as const;
      adopt(res.user);
      return 'signed_in' as const;
    },
    [adopt],
  );

  const completeSecondFactor = useCallback(
    async (code: string) => {
      const res = await api.post<SessionResponse>('/api/auth/login/second-factor', { code });
      adopt(res.user);
      return res.user;
    },
    [adopt],
  );

  const signedIn = adopt;

  const signOut = useCallback(async () => {
    sessionStorage.removeItem(WAS_SIGNED_IN);
    try {
      await api.post('/api/auth/logout');
    } finally {
      // Clearing the whole cache would detach the mounted session observer, which then kept the old user.
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    }
  }, [queryClient]);

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }, [queryClient]);

  const value = useMemo(
    () => ({ user, expired, signIn, completeSecondFactor, signedIn, signOut, refresh }),
    [user, expired, signIn, completeSecondFactor, signedIn, signOut, refresh],
  );

  if (session.isPending) return <SessionLoading />;
  if (session.isError) return <SessionUnavailable retry={() => session.refetch()} />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession is used outside SessionProvider');
  return ctx;
}

export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a signed-in user');
  return user;
}
