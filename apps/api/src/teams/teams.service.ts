import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgentRepository } from '../../../../core/db/repositories/agent.repository';
import { TeamRepository, type TeamWithMembers } from '../../../../core/db/repositories/team.repository';
import { isUniqueViolation } from '../../../../core/db/unique-violation';
import type { AuthenticatedAgent } from '../../../../core/domain/agent';
import { DomainError, notFound } from '../../../../core/domain/domain-error';

@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamRepository,
  ) {}

  list(caller: AuthenticatedAgent): Promise<TeamWithMembers[]> {
    return this.teams.list(caller.tenantId);
  }

  async get(caller: AuthenticatedAgent, id: string): Promise<TeamWithMembers> {
    return (await this.teams.findById(caller.tenantId, id)) ?? throwNotFound(id);
  }

  async create(admin: AuthenticatedAgent, name: string): Promise<TeamWithMembers> {
    await this.assertNameFree(admin.tenantId, name);
    try {
      return await this.teams.create(admin.tenantId, name);
    } catch (error) {
      throw isUniqueViolation(error) ? nameTaken(name, error) : error;
    }
  }

  async rename(admin: AuthenticatedAgent, id: string, name: string): Promise<TeamWithMembers> {
    await this.get(admin, id);
    await this.assertNameFree(admin.tenantId, name, id);
    try {
      await this.teams.rename(admin.tenantId, id, name);
    } catch (error) {
      throw isUniqueViolation(error) ? nameTaken(name, error) : error;
    }
    return this.get(admin, id);
  }

  async delete(admin: AuthenticatedAgent, id: string): Promise<void> {
    if (!(await this.teams.delete(admin.tenantId, id))) {
      throwNotFound(id);
    }
  }

  /** Checked up front for a clear answer; the unique index still decides a race (also mapped to 409). */
  private async assertNameFree(tenantId: string, name: string, exceptId?: string): Promise<void> {
    const holder = await this.teams.findByName(tenantId, name);
    if (holder && holder.id !== exceptId) {
      throw nameTaken(name, undefined);
    }
  }

  /** Replaces the membership; every id must be an agent of the caller's tenant (404 names the first that is not). */
  async setMembers(admin: AuthenticatedAgent, id: string, agentIds: string[]): Promise<TeamWithMembers> {
    await this.dataSource.transaction(async (manager) => {
      const teams = new TeamRepository(manager);
      if (!(await teams.findById(admin.tenantId, id))) {
        throwNotFound(id);
      }
      const known = new Set(await new AgentRepository(manager).existingIds(admin.tenantId, agentIds));
      const unknown = agentIds.find((agentId) => !known.has(agentId));
      if (unknown) {
        throw notFound('agent', unknown);
      }
      await teams.replaceMembers(admin.tenantId, id, agentIds);
    });
    return this.get(admin, id);
  }
}

function throwNotFound(id: string): never {
  throw notFound('team', id);
}

function nameTaken(name: string, cause: unknown): DomainError {
  return new DomainError('conflict', `A team named ${name} already exists`, undefined, { cause });
}
