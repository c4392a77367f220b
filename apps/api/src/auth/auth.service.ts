import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashToken, issueAgentToken } from '../../../../core/auth/agent-token';
import { hashPassword, verifyPassword } from '../../../../core/auth/password';
import { AgentRepository } from '../../../../core/db/repositories/agent.repository';
import { AgentTokenRepository } from '../../../../core/db/repositories/agent-token.repository';
import { TenantRepository } from '../../../../core/db/repositories/tenant.repository';
import type { AuthenticatedAgent } from '../../../../core/domain/agent';
import { DomainError, notFound } from '../../../../core/domain/domain-error';
import { toAgentView, type AgentView } from '../agents/agent.view';
import type { LoginDto, LoginResponse } from './login.dto';

/** How long a login token stays valid. */
export const AGENT_TOKEN_TTL_HOURS = 12;

@Injectable()
export class AuthService {
  /** Verified against when the tenant or agent does not exist, so a miss costs as much time as a wrong password. */
  private readonly decoyHash = hashPassword('threadline-decoy-password');

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantRepository,
    private readonly agents: AgentRepository,
    private readonly tokens: AgentTokenRepository,
  ) {}

  async login({ email, password, tenant: slug }: LoginDto): Promise<LoginResponse> {
    const tenant = await this.tenants.findBySlug(slug);
    const agent = tenant ? await this.agents.findByEmailWithPassword(tenant.id, email) : null;
    const matches = await verifyPassword(password, agent?.passwordHash ?? (await this.decoyHash));
    if (!tenant || !agent || !agent.active || !agent.passwordHash || !matches) {
      throw new DomainError('unauthenticated', 'Invalid tenant, email or password');
    }
    const token = await issueAgentToken(this.dataSource, tenant.id, agent.id, AGENT_TOKEN_TTL_HOURS);
    const stored = await this.tokens.findByHash(tenant.id, hashToken(token));
    return { token, expiresAt: stored!.expiresAt.toISOString(), agent: toAgentView(agent) };
  }

  async logout(agent: AuthenticatedAgent, tokenHash: string): Promise<void> {
    await this.tokens.revoke(agent.tenantId, tokenHash);
  }

  async me(caller: AuthenticatedAgent): Promise<AgentView> {
    const agent = await this.agents.findById(caller.tenantId, caller.id);
    if (!agent) {
      throw notFound('agent', caller.id);
    }
    return toAgentView(agent);
  }
}
