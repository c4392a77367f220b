import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request';

/** The SHA-256 of the bearer token AgentAuthGuard accepted (what logout revokes). */
export const CurrentTokenHash = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().agentTokenHash,
);
