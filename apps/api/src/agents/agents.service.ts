import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../../../core/auth/password';
import { AgentRepository, type AgentChanges } from '../../../../core/agents/agent.repository';
import { AgentTokenRepository } from '../../../../core/auth/agent-token.repository';
import { isUniqueViolation } from '../../../../core/platform/db/unique-violation';
import type { AgentEntity } from '../../../../core/agents/agent.entity';
import { DEFAULT_CAPACITY, type AgentStatus, type AuthenticatedAgent } from '../../../../core/agents/agent';
import { DomainError, invalidState, notFound } from '../../../../core/platform/errors/domain-error';
import { ConversationGateway } from '../temporal/conversation-gateway';
import type { CapacityDto, CreateAgentDto, UpdateAgentDto } from './agent.dto';
import { toAgentView, type AgentView } from './agent.view';
import { freesCapacity } from './frees-capacity';

@Injectable()
export class AgentsService {
  private readonly logger = new Logger('Agents');

  constructor(
    private readonly dataSource: DataSource,
    private readonly agents: AgentRepository,
    private readonly gateway: ConversationGateway,
  ) {}

  async create(admin: AuthenticatedAgent, dto: CreateAgentDto): Promise<AgentView> {
    await this.assertEmailFree(admin.tenantId, dto.email);
    const passwordHash = await hashPassword(dto.password);
    try {
      const agent = await this.agents.create(admin.tenantId, {
        email: dto.email,
        name: dto.name,
        role: dto.role,
        passwordHash,
        status: dto.status,
        skills: dto.skills,
        channels: dto.channels,
        capacity: { ...DEFAULT_CAPACITY, ...definedOnly(dto.capacity) },
      });
      await this.notifyIfCapacityFreed(undefined, agent);
      return toAgentView(agent);
    } catch (error) {
      throw isUniqueViolation(error) ? emailTaken(dto.email, error) : error;
    }
  }

  async list(admin: AuthenticatedAgent): Promise<AgentView[]> {
    return (await this.agents.list(admin.tenantId, { includeInactive: true })).map(toAgentView);
  }

  async get(caller: AuthenticatedAgent, id: string): Promise<AgentView> {
    return toAgentView(await this.find(caller.tenantId, id));
  }

  async update(admin: AuthenticatedAgent, id: string, dto: UpdateAgentDto): Promise<AgentView> {
    if (id === admin.id && (dto.active === false || (dto.role !== undefined && dto.role !== 'admin'))) {
      throw invalidState('Admins cannot deactivate or demote themselves; ask another admin');
    }
    if (dto.email !== undefined) {
      await this.assertEmailFree(admin.tenantId, dto.email, id);
    }
    const { password, capacity, ...fields } = dto;
    const changes: AgentChanges = definedOnly(fields);
    if (password !== undefined) {
      changes.passwordHash = await hashPassword(password);
    }
    try {
      const updated = await this.change(admin.tenantId, id, changes, capacity);
      if (changes.passwordHash !== undefined || dto.active === false) {
        // A reset password or a deactivation signs the agent out everywhere; reactivation does not bring tokens back.
        await new AgentTokenRepository(this.dataSource).revokeAllForAgent(admin.tenantId, id);
      }
      return updated;
    } catch (error) {
      throw isUniqueViolation(error) && dto.email ? emailTaken(dto.email, error) : error;
    }
  }

  /** Delete is deactivation: the agent keeps their history but can no longer sign in or take conversations. */
  async deactivate(admin: AuthenticatedAgent, id: string): Promise<AgentView> {
    if (id === admin.id) {
      throw invalidState('Admins cannot delete themselves; ask another admin');
    }
    const agent = await this.dataSource.transaction(async (manager) => {
      const agents = new AgentRepository(manager);
      const updated = await agents.update(admin.tenantId, id, { active: false, status: 'offline' });
      if (!updated) {
        throw notFound('agent', id);
      }
      await new AgentTokenRepository(manager).revokeAllForAgent(admin.tenantId, id);
      return updated;
    });
    return toAgentView(agent);
  }

  setOwnStatus(agent: AuthenticatedAgent, status: AgentStatus): Promise<AgentView> {
    return this.change(agent.tenantId, agent.id, { status });
  }

  setOwnCapacity(agent: AuthenticatedAgent, capacity: CapacityDto): Promise<AgentView> {
    return this.change(agent.tenantId, agent.id, {}, capacity);
  }

  private async change(
    tenantId: string,
    id: string,
    changes: AgentChanges,
    capacity?: CapacityDto,
  ): Promise<AgentView> {
    const before = await this.find(tenantId, id);
    if (capacity) {
      changes.capacity = { ...before.capacity, ...definedOnly(capacity) };
    }
    const after = await this.agents.update(tenantId, id, changes);
    if (!after) {
      throw notFound('agent', id);
    }
    await this.notifyIfCapacityFreed(before, after);
    return toAgentView(after);
  }

  /** Checked up front for a clear answer; the unique index still decides a race (also mapped to 409). */
  private async assertEmailFree(tenantId: string, email: string, exceptId?: string): Promise<void> {
    const holder = await this.agents.findByEmail(tenantId, email);
    if (holder && holder.id !== exceptId) {
      throw emailTaken(email, undefined);
    }
  }

  private async find(tenantId: string, id: string): Promise<AgentEntity> {
    const agent = await this.agents.findById(tenantId, id);
    if (!agent) {
      throw notFound('agent', id);
    }
    return agent;
  }

  /**
   * Wakes the tenant's assignment dispatcher so queued conversations can take the freed capacity. The change is
   * already stored and the dispatcher also sweeps periodically, so a failed signal is logged, not returned.
   */
  private async notifyIfCapacityFreed(before: AgentEntity | undefined, after: AgentEntity): Promise<void> {
    if (!freesCapacity(before, after)) {
      return;
    }
    try {
      await this.gateway.notifyQueueChanged(after.tenantId);
    } catch (error) {
      this.logger.warn(`Could not notify the assignment queue of tenant ${after.tenantId}: ${String(error)}`);
    }
  }
}

function emailTaken(email: string, cause: unknown): DomainError {
  return new DomainError('conflict', `An agent with email ${email.toLowerCase()} already exists`, undefined, { cause });
}

/** Drops keys whose value is undefined, so a partial update never writes them. */
function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
