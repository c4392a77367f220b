// The admin console's screens, shown in the top bar for admins only (app.tsx and layout/app-shell.tsx check the role;
// the API refuses these routes' writes to anyone else anyway).
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import './admin.css';

/** Each screen is its own chunk, loaded when an admin opens it, so the inbox agents load carries none of them. */
function screen(load: () => Promise<ComponentType>): () => ReactElement {
  const Screen = lazy(async () => ({ default: await load() }));
  return () => (
    <Suspense fallback={<p className="muted centered">Loading…</p>}>
      <Screen />
    </Suspense>
  );
}

export interface AdminRoute {
  path: string;
  label: string;
  element: () => ReactElement;
}

export const ADMIN_ROUTES: AdminRoute[] = [
  {
    path: '/admin/agents',
    label: 'Agents',
    element: screen(async () => (await import('./agents/agents-page')).AgentsPage),
  },
  { path: '/admin/teams', label: 'Teams', element: screen(async () => (await import('./teams/teams-page')).TeamsPage) },
  {
    path: '/admin/knowledge',
    label: 'Knowledge',
    element: screen(async () => (await import('./knowledge/knowledge-page')).KnowledgePage),
  },
  {
    path: '/admin/topics',
    label: 'Topics',
    element: screen(async () => (await import('./topics/topics-page')).TopicsPage),
  },
  {
    path: '/admin/routing',
    label: 'Routing',
    element: screen(async () => (await import('./routing/routing-page')).RoutingPage),
  },
  { path: '/admin/sla', label: 'SLA', element: screen(async () => (await import('./sla/sla-page')).SlaPage) },
];
