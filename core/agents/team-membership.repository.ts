import { In, type DataSource, type EntityManager } from 'typeorm';
import { TeamMemberEntity } from './team-member.entity';

/** Which teams an agent belongs to, for the conversation permissions (core/auth/conversation-permissions.ts). */
export class TeamMembershipRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async teamIdsOf(tenantId: string, agentId: string): Promise<string[]> {
    const rows = await this.db.getRepository(TeamMemberEntity).find({
      select: { teamId: true },
      where: { tenantId, agentId },
    });
    return rows.map((row) => row.teamId);
  }

  /** The teams of each of these agents of the tenant, in one query; an agent of no team maps to []. */
  async teamIdsByAgent(tenantId: string, agentIds: readonly string[]): Promise<Map<string, string[]>> {
    const teams = new Map(agentIds.map((agentId) => [agentId, [] as string[]]));
    if (agentIds.length === 0) {
      return teams;
    }
    const rows = await this.db.getRepository(TeamMemberEntity).find({
      select: { teamId: true, agentId: true },
      where: { tenantId, agentId: In([...agentIds]) },
    });
    rows.forEach((row) => teams.get(row.agentId)?.push(row.teamId));
    return teams;
  }
}
