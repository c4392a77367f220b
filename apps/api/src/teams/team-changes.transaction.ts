import type { UnitOfWork } from '../../../../core/platform/db/unit-of-work';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { TeamRepository } from '../../../../core/agents/team.repository';
import { RoutingPolicyRepository } from '../../../../core/routing/routing-policy.repository';
import { unitOfWorkProvider } from '../core/unit-of-work.provider';
import type { PublishedPolicyLock } from '../routing/published-policy-usage';

/** What a change to a team commits together: the team, the agents it names, the routing policy that may use it. */
export interface TeamChangeRepositories {
  teams: Pick<TeamRepository, 'findById' | 'rename' | 'updateSettings' | 'delete' | 'replaceMembers'>;
  agents: Pick<AgentRepository, 'existingIds'>;
  policies: PublishedPolicyLock;
}

export type TeamChanges = UnitOfWork<TeamChangeRepositories>;
export const TEAM_CHANGES = Symbol('TeamChanges');

export const teamChangesProvider = unitOfWorkProvider<TeamChangeRepositories>(TEAM_CHANGES, (tx) => ({
  teams: new TeamRepository(tx),
  agents: new AgentRepository(tx),
  policies: new RoutingPolicyRepository(tx),
}));
