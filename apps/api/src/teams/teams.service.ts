import { Inject, Injectable } from '@nestjs/common';
import { TeamRepository, type TeamSettings } from '../../../../core/agents/team.repository';
import { isUniqueViolation } from '../../../../core/platform/db/unique-violation';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { nameTaken, notFound, throwNotFound } from '../../../../core/platform/errors/domain-error';
import { assertNotInPublishedPolicy } from '../routing/published-policy-usage';
import { QueueNotifier } from './queue-notifier';
import { TEAM_CHANGES, type TeamChanges } from './team-changes.transaction';
import type { TeamView, UpdateTeamDto } from './team.dto';

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamRepository,
    @Inject(TEAM_CHANGES) private readonly changes: TeamChanges,
    private readonly queue: QueueNotifier,
  ) {}

  list(caller: AuthenticatedAgent): Promise<TeamView[]> {
    return this.teams.list(caller.tenantId);
  }

  async get(caller: AuthenticatedAgent, id: string): Promise<TeamView> {
    return (await this.teams.findById(caller.tenantId, id)) ?? throwNotFound('team', id);
  }

  async create(admin: AuthenticatedAgent, name: string): Promise<TeamView> {
    await this.assertNameFree(admin.tenantId, name);
    try {
      const team = await this.teams.create(admin.tenantId, name);
      return await this.get(admin, team.id);
    } catch (error) {
      throw isUniqueViolation(error) ? nameTaken('A team', name, error) : error;
    }
  }

  /** Renames the team and/or changes how its queue is assigned; capacity weights merge with the current ones. */
  async update(admin: AuthenticatedAgent, id: string, dto: UpdateTeamDto): Promise<TeamView> {
    const before = await this.get(admin, id);
    const { name, assignmentStrategy, skillRelaxAfterSeconds, capacityWeights } = dto;
    if (name !== undefined) {
      await this.assertNameFree(admin.tenantId, name, id);
    }
    const changes: Partial<TeamSettings> = definedOnly({ assignmentStrategy, skillRelaxAfterSeconds });
    if (capacityWeights) {
      changes.capacityWeights = { ...before.capacityWeights, ...definedOnly(capacityWeights) };
    }
    try {
      await this.changes.run(async ({ teams }) => {
        if (name !== undefined) {
          await teams.rename(admin.tenantId, id, name);
        }
        await teams.updateSettings(admin.tenantId, id, changes);
      });
    } catch (error) {
      throw isUniqueViolation(error) && name !== undefined ? nameTaken('A team', name, error) : error;
    }
    if (Object.keys(changes).length > 0) {
      await this.queue.queueChanged(admin.tenantId);
    }
    return this.get(admin, id);
  }

  /** Refused (409) while the published routing policy sends conversations to the team. */
  async delete(admin: AuthenticatedAgent, id: string): Promise<void> {
    await this.changes.run(async ({ teams, policies }) => {
      const team = (await teams.findById(admin.tenantId, id)) ?? throwNotFound('team', id);
      await assertNotInPublishedPolicy(policies, admin.tenantId, { kind: 'team', id, label: `Team '${team.name}'` });
      await teams.delete(admin.tenantId, id);
    });
  }

  /** Checked up front for a clear answer; the unique index still decides a race (also mapped to 409). */
  private async assertNameFree(tenantId: string, name: string, exceptId?: string): Promise<void> {
    const holder = await this.teams.findByName(tenantId, name);
    if (holder && holder.id !== exceptId) {
      throw nameTaken('A team', name);
    }
  }

  /**
   * Replaces the membership; every id must be an agent of the caller's tenant (404 names the first that is not). A
   * changed membership wakes the assignment queue: a new member may take the team's waiting conversations.
   */
  async setMembers(admin: AuthenticatedAgent, id: string, agentIds: string[]): Promise<TeamView> {
    const before = await this.changes.run(async ({ teams, agents }) => {
      const team = (await teams.findById(admin.tenantId, id)) ?? throwNotFound('team', id);
      const known = new Set(await agents.existingIds(admin.tenantId, agentIds));
      const unknown = agentIds.find((agentId) => !known.has(agentId));
      if (unknown) {
        throw notFound('agent', unknown);
      }
      await teams.replaceMembers(admin.tenantId, id, agentIds);
      return team;
    });
    const after = await this.get(admin, id);
    if (after.memberIds.join() !== before.memberIds.join()) {
      await this.queue.queueChanged(admin.tenantId);
    }
    return after;
  }
}

/** Drops keys whose value is undefined, so a partial update never writes them. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
