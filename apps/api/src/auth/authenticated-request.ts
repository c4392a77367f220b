import type { Request } from 'express';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';

/** What AgentAuthGuard attaches to a request it lets through. */
export interface AuthenticatedRequest extends Request {
  agent: AuthenticatedAgent;
  agentTokenHash: string;
}
