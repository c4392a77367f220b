import { Inject, Injectable } from '@nestjs/common';
import { hashToken } from '../../../../core/auth/agent-token';
import { hashPassword, verifyPassword } from '../../../../core/auth/password';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { AgentTokenRepository } from '../../../../core/auth/agent-token.repository';
import { TenantRepository } from '../../../../core/tenants/tenant.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { DomainError, forbidden, notFound } from '../../../../core/platform/errors/domain-error';
import { toAgentView, type AgentView } from '../agents/agent.view';
import type { LoginDto, LoginResponse } from './login.dto';
import { LoginThrottle } from './login-throttle';
import type { ChangePasswordDto } from './change-password.dto';
import { PASSWORD_CHANGES, type PasswordChanges } from './password-changes.transaction';

/** How long a login token stays valid. */
export const AGENT_TOKEN_TTL_HOURS = 12;

@Injectable()
export class AuthService {
  /** Verified against when the tenant or agent does not exist, so a miss costs as much time as a wrong password. */
  private readonly decoyHash = hashPassword('threadline-decoy-password');

  constructor(
    private readonly tenants: TenantRepository,
    private readonly agents: AgentRepository,
    private readonly tokens: AgentTokenRepository,
    private readonly throttle: LoginThrottle,
    @Inject(PASSWORD_CHANGES) private readonly passwordChanges: PasswordChanges,
  ) {}

  /** Throttled per account and per IP before any password work (429 with Retry-After over the limit). */
  async login({ email, password, tenant: slug }: LoginDto, ip: string): Promise<LoginResponse> {
    const admitted = await this.throttle.admit({ tenant: slug, email, ip: ip || 'unknown' });
    const tenant = await this.tenants.findBySlug(slug);
    const agent = tenant ? await this.agents.findByEmailWithPassword(tenant.id, email) : null;
    const matches = await verifyPassword(password, agent?.passwordHash ?? (await this.decoyHash));
    if (!tenant || !agent || !agent.active || !agent.passwordHash || !matches) {
      throw new DomainError('unauthenticated', 'Invalid tenant, email or password');
    }
    await this.throttle.succeeded(admitted);
    const token = await this.tokens.issue(tenant.id, agent.id, AGENT_TOKEN_TTL_HOURS);
    const stored = await this.tokens.findByHash(tenant.id, hashToken(token));
    return { token, expiresAt: stored!.expiresAt.toISOString(), agent: toAgentView(agent) };
  }

  async logout(agent: AuthenticatedAgent, tokenHash: string): Promise<void> {
    await this.tokens.revoke(agent.tenantId, tokenHash);
  }

  /**
   * Changes the caller's own password and revokes every other token of theirs; the token this request came with
   * stays valid. A wrong current password is a 403 and changes nothing; repeated ones are throttled (429).
   */
  async changePassword(
    caller: AuthenticatedAgent,
    tokenHash: string,
    dto: ChangePasswordDto,
    ip: string,
  ): Promise<void> {
    // Throttled like logins, so a stolen token cannot be used to guess the current password at hashing speed.
    const admitted = await this.throttle.admit({ agentId: caller.id, ip: ip || 'unknown' });
    const agent = await this.agents.findByEmailWithPassword(caller.tenantId, (await this.ownProfile(caller)).email);
    if (!agent || !(await verifyPassword(dto.currentPassword, agent.passwordHash))) {
      throw forbidden('Current password is incorrect');
    }
    await this.throttle.succeeded(admitted);
    const passwordHash = await hashPassword(dto.newPassword);
    await this.passwordChanges.run(async ({ agents, tokens }) => {
      await agents.update(caller.tenantId, caller.id, { passwordHash });
      await tokens.revokeAllButOne(caller.tenantId, caller.id, tokenHash);
    });
  }

  async me(caller: AuthenticatedAgent): Promise<AgentView> {
    return toAgentView(await this.ownProfile(caller));
  }

  private async ownProfile(caller: AuthenticatedAgent) {
    const agent = await this.agents.findById(caller.tenantId, caller.id);
    if (!agent) {
      throw notFound('agent', caller.id);
    }
    return agent;
  }
}
