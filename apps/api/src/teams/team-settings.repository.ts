import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AssignmentStrategy, ChannelWeights } from '../../../../core/assignment/assignment.types';
import { TeamEntity, TenantEntity } from '../../../../core/db/entities';

/** How a team's queue is handed out (teams.assignment_strategy and friends). */
export interface TeamSettings {
  assignmentStrategy: AssignmentStrategy;
  skillRelaxAfterSeconds: number;
  capacityWeights: ChannelWeights;
}

/**
 * Assignment settings of teams and of the tenant-wide queue. Kept apart from TeamRepository, which the assignment
 * worker shares, so the admin API can evolve them without touching the worker's reads.
 */
export class TeamSettingsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Settings of the given teams (all of the tenant's when `ids` is absent), keyed by team id. */
  async forTeams(tenantId: string, ids?: string[]): Promise<Map<string, TeamSettings>> {
    const rows = await this.db.getRepository(TeamEntity).find({
      select: { id: true, assignmentStrategy: true, skillRelaxAfterSeconds: true, capacityWeights: true },
      where: ids === undefined ? { tenantId } : { tenantId, id: In(ids) },
    });
    return new Map(
      rows.map((row) => [
        row.id,
        {
          assignmentStrategy: row.assignmentStrategy,
          skillRelaxAfterSeconds: row.skillRelaxAfterSeconds,
          capacityWeights: row.capacityWeights,
        },
      ]),
    );
  }

  async update(tenantId: string, teamId: string, changes: Partial<TeamSettings>): Promise<void> {
    if (Object.keys(changes).length > 0) {
      await this.db.getRepository(TeamEntity).update({ tenantId, id: teamId }, changes);
    }
  }

  /** The strategy of the tenant-wide queue (conversations routed to no team). */
  async defaultStrategy(tenantId: string): Promise<AssignmentStrategy> {
    const tenant = await this.db
      .getRepository(TenantEntity)
      .findOneOrFail({ select: { defaultAssignmentStrategy: true }, where: { id: tenantId } });
    return tenant.defaultAssignmentStrategy;
  }

  async setDefaultStrategy(tenantId: string, strategy: AssignmentStrategy): Promise<void> {
    await this.db.getRepository(TenantEntity).update({ id: tenantId }, { defaultAssignmentStrategy: strategy });
  }
}
