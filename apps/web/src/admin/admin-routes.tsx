// The admin console's screens, shown under "Admin" in the sidebar for admins. Planned: agents, teams, knowledge base,
// topics, routing policies, SLA. Until they exist, admins use the API (see /docs).
import type { ReactElement } from 'react';

export interface AdminRoute {
  path: string;
  label: string;
  element: () => ReactElement;
}

export const ADMIN_ROUTES: AdminRoute[] = [];
