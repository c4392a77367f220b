import { In, type DataSource, type EntityManager } from 'typeorm';
import { BusinessHoursEntity } from './business-hours.entity';
import type { BusinessHoursSchedule } from './business-hours.types';

/** A stored calendar: its name, its schedule, and when it was written. */
export interface BusinessHoursRecord extends BusinessHoursSchedule {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface BusinessHoursFields extends BusinessHoursSchedule {
  name: string;
}

export class BusinessHoursRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async list(tenantId: string): Promise<BusinessHoursRecord[]> {
    const rows = await this.db.getRepository(BusinessHoursEntity).find({ where: { tenantId }, order: { name: 'ASC' } });
    return rows.map(toRecord);
  }

  async findById(tenantId: string, id: string): Promise<BusinessHoursRecord | null> {
    const row = await this.db.getRepository(BusinessHoursEntity).findOneBy({ tenantId, id });
    return row ? toRecord(row) : null;
  }

  findByName(tenantId: string, name: string): Promise<BusinessHoursEntity | null> {
    return this.db.getRepository(BusinessHoursEntity).findOneBy({ tenantId, name });
  }

  /** Schedules of the given calendars, keyed by id; ids of other tenants or of no calendar are simply absent. */
  async findSchedules(tenantId: string, ids: string[]): Promise<Map<string, BusinessHoursSchedule>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await this.db.getRepository(BusinessHoursEntity).findBy({ tenantId, id: In(ids) });
    return new Map(rows.map((row) => [row.id, toSchedule(row)]));
  }

  async create(tenantId: string, fields: BusinessHoursFields): Promise<BusinessHoursRecord> {
    const { identifiers } = await this.db.getRepository(BusinessHoursEntity).insert({ tenantId, ...fields });
    return (await this.findById(tenantId, String(identifiers[0].id)))!;
  }

  /** Returns false when no such calendar exists in this tenant. */
  async update(tenantId: string, id: string, fields: BusinessHoursFields): Promise<boolean> {
    const result = await this.db.getRepository(BusinessHoursEntity).update({ tenantId, id }, fields);
    return (result.affected ?? 0) > 0;
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(BusinessHoursEntity).delete({ tenantId, id });
    return (result.affected ?? 0) > 0;
  }
}

function toSchedule(row: BusinessHoursEntity): BusinessHoursSchedule {
  return { timeZone: row.timeZone, weekly: row.weekly, holidays: row.holidays };
}

function toRecord(row: BusinessHoursEntity): BusinessHoursRecord {
  return { id: row.id, name: row.name, ...toSchedule(row), createdAt: row.createdAt, updatedAt: row.updatedAt };
}
