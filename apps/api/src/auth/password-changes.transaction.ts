import type { UnitOfWork } from '../../../../core/platform/db/unit-of-work';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { AgentTokenRepository } from '../../../../core/auth/agent-token.repository';
import { unitOfWorkProvider } from '../core/unit-of-work.provider';

/** A password change and the revocation of the agent's other sessions commit together. */
export interface PasswordChangeRepositories {
  agents: Pick<AgentRepository, 'update'>;
  tokens: Pick<AgentTokenRepository, 'revokeAllButOne'>;
}

export type PasswordChanges = UnitOfWork<PasswordChangeRepositories>;
export const PASSWORD_CHANGES = Symbol('PasswordChanges');

export const passwordChangesProvider = unitOfWorkProvider<PasswordChangeRepositories>(PASSWORD_CHANGES, (tx) => ({
  agents: new AgentRepository(tx),
  tokens: new AgentTokenRepository(tx),
}));
