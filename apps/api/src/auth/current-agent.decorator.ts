import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import type { AuthenticatedRequest } from './authenticated-request';

/** The agent AgentAuthGuard authenticated; only valid on routes behind that guard. */
export const CurrentAgent = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedAgent =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().agent,
);
