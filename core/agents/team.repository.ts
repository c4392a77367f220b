import type { DataSource, EntityManager } from 'typeorm';
import type { AssignmentStrategy, ChannelWeights } from '../assignment/assignment.types';
import { TeamEntity } from './team.entity';
import { TeamMemberEntity } from './team-member.entity';

/** How a team's queue is handed out (teams.assignment_strategy and friends). */
export interface TeamSettings {
  assignmentStrategy: AssignmentStrategy;
  skillRelaxAfterSeconds: number;
  capacityWeights: ChannelWeights;
}

export interface TeamWithMembers extends TeamSettings {
  id: string;
  name: string;
  createdAt: Date;
  memberIds: string[];
}

export class TeamRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async list(tenantId: string): Promise<TeamWithMembers[]> {
    const teams = await this.db.getRepository(TeamEntity).find({ where: { tenantId }, order: { name: 'ASC' } });
    const members = await this.db.getRepository(TeamMemberEntity).findBy({ tenantId });
    return teams.map((team) => withMembers(team, members));
  }

  async findById(tenantId: string, id: string): Promise<TeamWithMembers | null> {
    const team = await this.db.getRepository(TeamEntity).findOneBy({ tenantId, id });
    if (!team) {
      return null;
    }
    const members = await this.db.getRepository(TeamMemberEntity).findBy({ tenantId, teamId: id });
    return withMembers(team, members);
  }

  findByName(tenantId: string, name: string): Promise<TeamEntity | null> {
    return this.db.getRepository(TeamEntity).findOneBy({ tenantId, name });
  }

  async create(tenantId: string, name: string): Promise<TeamWithMembers> {
    const result = await this.db.getRepository(TeamEntity).insert({ tenantId, name });
    const id = (result.identifiers[0] as { id: string }).id;
    return (await this.findById(tenantId, id))!;
  }

  async rename(tenantId: string, id: string, name: string): Promise<void> {
    await this.db.getRepository(TeamEntity).update({ tenantId, id }, { name });
  }

  async updateSettings(tenantId: string, id: string, changes: Partial<TeamSettings>): Promise<void> {
    if (Object.keys(changes).length > 0) {
      await this.db.getRepository(TeamEntity).update({ tenantId, id }, changes);
    }
  }

  /** Deletes the team; memberships cascade. Returns false when no such team exists in this tenant. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(TeamEntity).delete({ tenantId, id });
    return (result.affected ?? 0) > 0;
  }

  /** Replaces the whole membership; run inside a transaction so readers never see a half-written team. */
  async replaceMembers(tenantId: string, teamId: string, agentIds: string[]): Promise<void> {
    const repository = this.db.getRepository(TeamMemberEntity);
    await repository.delete({ tenantId, teamId });
    if (agentIds.length > 0) {
      await repository.insert(agentIds.map((agentId) => ({ tenantId, teamId, agentId })));
    }
  }
}

function withMembers(team: TeamEntity, members: TeamMemberEntity[]): TeamWithMembers {
  const memberIds = members.filter((member) => member.teamId === team.id).map((member) => member.agentId);
  const { id, name, createdAt, assignmentStrategy, skillRelaxAfterSeconds, capacityWeights } = team;
  return {
    id,
    name,
    createdAt,
    memberIds: memberIds.sort(),
    assignmentStrategy,
    skillRelaxAfterSeconds,
    capacityWeights,
  };
}
