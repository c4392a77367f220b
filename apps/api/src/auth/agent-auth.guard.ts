import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, forbidden } from '../../../../core/platform/errors/domain-error';
import type { AgentRole } from '../../../../core/agents/agent';
import { hashToken } from '../../../../core/auth/agent-token';
import { AgentTokenRepository } from '../../../../core/auth/agent-token.repository';
import type { AuthenticatedRequest } from './authenticated-request';
import { ROLES_KEY } from './roles.decorator';

/**
 * Authenticates `Authorization: Bearer <token>` against agent_tokens (sha256 of the token, not expired, agent active)
 * and enforces @Roles(). Depends only on globally provided classes (the token repository comes from the core
 * module), so any module can use it without imports.
 */
@Injectable()
export class AgentAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: AgentTokenRepository,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new DomainError('unauthenticated', 'Missing bearer token: send Authorization: Bearer <token>');
    }
    const tokenHash = hashToken(token);
    const agent = await this.tokens.findAgentByTokenHash(tokenHash);
    if (!agent) {
      throw new DomainError('unauthenticated', 'Token is invalid, expired or revoked, or the agent is deactivated');
    }
    const roles = this.reflector.getAllAndOverride<AgentRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && roles.length > 0 && !roles.includes(agent.role)) {
      throw forbidden(`${roles.join(' or ')} role required`);
    }
    request.agent = agent;
    request.agentTokenHash = tokenHash;
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
