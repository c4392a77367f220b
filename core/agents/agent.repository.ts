import type { DataSource, EntityManager } from 'typeorm';
import { AgentEntity } from './agent.entity';
import type { AgentRole, AgentStatus, ChannelCapacity } from './agent';
import type { Channel } from '../channels/channel';

export interface NewAgent {
  email: string;
  name: string;
  role: AgentRole;
  passwordHash: string | null;
  status?: AgentStatus;
  skills?: string[];
  channels?: Channel[];
  capacity?: ChannelCapacity;
}

export type AgentChanges = Partial<
  Pick<
    AgentEntity,
    'email' | 'name' | 'role' | 'status' | 'skills' | 'channels' | 'capacity' | 'passwordHash' | 'active'
  >
>;

export class AgentRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findById(tenantId: string, id: string): Promise<AgentEntity | null> {
    return this.db.getRepository(AgentEntity).findOneBy({ tenantId, id });
  }

  /** Emails compare case-insensitively. */
  findByEmail(tenantId: string, email: string): Promise<AgentEntity | null> {
    return this.byEmail(tenantId, email).getOne();
  }

  /** As findByEmail, with the password hash (for login). */
  findByEmailWithPassword(tenantId: string, email: string): Promise<AgentEntity | null> {
    return this.byEmail(tenantId, email).addSelect('a.passwordHash').getOne();
  }

  list(tenantId: string, { includeInactive = false } = {}): Promise<AgentEntity[]> {
    return this.db.getRepository(AgentEntity).find({
      where: includeInactive ? { tenantId } : { tenantId, active: true },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  /** Ids among `ids` that are agents of this tenant. */
  async existingIds(tenantId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows: { id: string }[] = await this.db.query(
      'SELECT id FROM agents WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
      [tenantId, ids],
    );
    return rows.map((row) => row.id);
  }

  private byEmail(tenantId: string, email: string) {
    return this.db
      .getRepository(AgentEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND lower(a.email) = :email', { tenantId, email: email.toLowerCase() });
  }

  async create(tenantId: string, input: NewAgent): Promise<AgentEntity> {
    const repository = this.db.getRepository(AgentEntity);
    const values = {
      tenantId,
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      active: true,
      ...(input.status && { status: input.status }),
      ...(input.skills && { skills: input.skills }),
      ...(input.channels && { channels: input.channels }),
      ...(input.capacity && { capacity: input.capacity }),
    };
    const result = await repository.insert(values);
    const id = (result.identifiers[0] as { id: string }).id;
    return repository.findOneByOrFail({ tenantId, id });
  }

  /**
   * Applies the changes and returns the row as this UPDATE left it (RETURNING, so a concurrent change to the same
   * agent cannot show through), or null when the agent is not in this tenant.
   */
  async update(tenantId: string, id: string, changes: AgentChanges): Promise<AgentEntity | null> {
    const values = changes.email ? { ...changes, email: changes.email.toLowerCase() } : changes;
    if (Object.keys(values).length === 0) {
      return this.findById(tenantId, id);
    }
    const repository = this.db.getRepository(AgentEntity);
    const result = await repository
      .createQueryBuilder()
      .update()
      .set(values)
      .where({ tenantId, id })
      .returning(returnedColumns(repository.metadata.columns))
      .execute();
    const [row] = result.raw as Partial<AgentEntity>[];
    return row ? repository.create(row) : null;
  }
}

/** The selectable columns (never the password hash) under their property names, for RETURNING. */
function returnedColumns(columns: readonly { isSelect: boolean; databaseName: string; propertyName: string }[]) {
  return columns
    .filter((column) => column.isSelect)
    .map((column) => `"${column.databaseName}" AS "${column.propertyName}"`)
    .join(', ');
}
