import type { DataSource, EntityManager } from 'typeorm';
import { SlaPolicyEntity } from './sla-policy.entity';
import type { SlaPolicy } from './sla-policy.types';

/** A stored SLA policy with its timestamps; usable wherever an SlaPolicy is expected. */
export interface SlaPolicyRecord extends SlaPolicy {
  createdAt: Date;
  updatedAt: Date;
}

export type SlaPolicyFields = Omit<SlaPolicy, 'id'>;

export class SlaPolicyRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async list(tenantId: string): Promise<SlaPolicyRecord[]> {
    const rows = await this.db.getRepository(SlaPolicyEntity).find({ where: { tenantId }, order: { name: 'ASC' } });
    return rows.map(toRecord);
  }

  async findById(tenantId: string, id: string): Promise<SlaPolicyRecord | null> {
    const row = await this.db.getRepository(SlaPolicyEntity).findOneBy({ tenantId, id });
    return row ? toRecord(row) : null;
  }

  findByName(tenantId: string, name: string): Promise<SlaPolicyEntity | null> {
    return this.db.getRepository(SlaPolicyEntity).findOneBy({ tenantId, name });
  }

  /** Names of the policies that count time on this business-hours calendar. */
  async namesUsingCalendar(tenantId: string, businessHoursId: string): Promise<string[]> {
    const rows = await this.db
      .getRepository(SlaPolicyEntity)
      .find({ select: { name: true }, where: { tenantId, businessHoursId }, order: { name: 'ASC' } });
    return rows.map((row) => row.name);
  }

  async create(tenantId: string, fields: SlaPolicyFields): Promise<SlaPolicyRecord> {
    const { identifiers } = await this.db.getRepository(SlaPolicyEntity).insert({ tenantId, ...fields });
    return (await this.findById(tenantId, String(identifiers[0].id)))!;
  }

  /** Returns false when no such policy exists in this tenant. */
  async update(tenantId: string, id: string, fields: SlaPolicyFields): Promise<boolean> {
    const result = await this.db.getRepository(SlaPolicyEntity).update({ tenantId, id }, fields);
    return (result.affected ?? 0) > 0;
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(SlaPolicyEntity).delete({ tenantId, id });
    return (result.affected ?? 0) > 0;
  }
}

function toRecord(row: SlaPolicyEntity): SlaPolicyRecord {
  return {
    id: row.id,
    name: row.name,
    firstResponseSeconds: row.firstResponseSeconds,
    nextResponseSeconds: row.nextResponseSeconds,
    resolutionSeconds: row.resolutionSeconds,
    businessHoursId: row.businessHoursId,
    breachActions: row.breachActions,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
