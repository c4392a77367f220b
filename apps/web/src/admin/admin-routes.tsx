// The admin console's screens, shown in the top bar for admins only (app.tsx and layout/app-shell.tsx check the role;
// the API refuses these routes' writes to anyone else anyway).
import type { ReactElement } from 'react';
import { AgentsPage } from './agents/agents-page';
import { KnowledgePage } from './knowledge/knowledge-page';
import { RoutingPage } from './routing/routing-page';
import { SlaPage } from './sla/sla-page';
import { TeamsPage } from './teams/teams-page';
import { TopicsPage } from './topics/topics-page';
import './admin.css';

export interface AdminRoute {
  path: string;
  label: string;
  element: () => ReactElement;
}

export const ADMIN_ROUTES: AdminRoute[] = [
  { path: '/admin/agents', label: 'Agents', element: () => <AgentsPage /> },
  { path: '/admin/teams', label: 'Teams', element: () => <TeamsPage /> },
  { path: '/admin/knowledge', label: 'Knowledge', element: () => <KnowledgePage /> },
  { path: '/admin/topics', label: 'Topics', element: () => <TopicsPage /> },
  { path: '/admin/routing', label: 'Routing', element: () => <RoutingPage /> },
  { path: '/admin/sla', label: 'SLA', element: () => <SlaPage /> },
];
