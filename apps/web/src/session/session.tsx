// The signed-in agent: sign-in, sign-out and the bearer token every API call sends. The token lives in sessionStorage,
// so it survives a reload but not the closing of the tab.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setBearerToken } from '../api/http';
import type { Agent, AgentStatus, LoginResult } from '../api/types';

const TOKEN_KEY = 'threadline.token';

interface Session {
  agent: Agent | null;
  loading: boolean;
  signIn(tenant: string, email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  setStatus(status: AgentStatus): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [agent, setAgent] = useState<Agent | null>(null);
  const [loading, setLoading] = useState(Boolean(token));

  const forget = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setAgent(null);
  }, []);
  setBearerToken(token, forget);

  useEffect(() => {
    if (!token) return;
    let live = true;
    api<Agent>('GET', '/auth/me')
      .then((me) => live && setAgent(me))
      .catch(() => live && forget())
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [token, forget]);

  const session = useMemo<Session>(
    () => ({
      agent,
      loading,
      async signIn(tenant, email, password) {
        const result = await api<LoginResult>('POST', '/auth/login', { tenant, email, password });
        sessionStorage.setItem(TOKEN_KEY, result.token);
        setBearerToken(result.token, forget);
        setToken(result.token);
        setAgent(result.agent);
      },
      async signOut() {
        await api('POST', '/auth/logout').catch(() => undefined);
        forget();
      },
      async setStatus(status) {
        setAgent(await api<Agent>('PATCH', '/agents/me/status', { status }));
      },
    }),
    [agent, loading, forget],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
