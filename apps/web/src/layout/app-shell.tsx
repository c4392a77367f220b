import type { ReactNode } from 'react';
import { ADMIN_ROUTES } from '../admin/admin-routes';
import { navigate } from '../router';
import { useSession } from '../session/session';
import { StatusPill } from './status-pill';

/** The frame around every signed-in screen: navigation, the agent's status and sign-out. */
export function AppShell({ children, live }: { children: ReactNode; live: boolean }) {
  const { agent, signOut } = useSession();
  return (
    <div className="shell">
      <header className="topbar">
        <a
          className="brand"
          href="/app/"
          onClick={(event) => {
            event.preventDefault();
            navigate('/');
          }}
        >
          Threadline
        </a>
        <nav aria-label="Main">
          <a href="/app/" onClick={(event) => (event.preventDefault(), navigate('/'))}>
            Inbox
          </a>
          {agent?.role === 'admin' &&
            ADMIN_ROUTES.map((route) => (
              <a
                key={route.path}
                href={`/app${route.path}`}
                onClick={(event) => (event.preventDefault(), navigate(route.path))}
              >
                {route.label}
              </a>
            ))}
          <a href="/docs" target="_blank" rel="noreferrer">
            API docs
          </a>
        </nav>
        <span className={`live-indicator ${live ? 'on' : 'off'}`} role="status">
          {live ? 'Live' : 'Reconnecting…'}
        </span>
        <StatusPill />
        <span className="who" title={agent?.email}>
          {agent?.name}
        </span>
        <button type="button" className="link" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      {children}
    </div>
  );
}
