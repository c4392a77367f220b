import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AssignmentStrategy } from '../assignment/assignment.types';
import { TenantEntity } from './tenant.entity';

/** Tenants are the root of every other row, so lookups here start from a slug or an id rather than a tenant. */
export class TenantRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findBySlug(slug: string): Promise<TenantEntity | null> {
    return this.db.getRepository(TenantEntity).findOneBy({ slug });
  }

  /** The website widget's public key names its tenant. */
  findByWidgetKey(widgetKey: string): Promise<TenantEntity | null> {
    return this.db.getRepository(TenantEntity).findOneBy({ widgetKey });
  }

  findById(id: string): Promise<TenantEntity | null> {
    return this.db.getRepository(TenantEntity).findOneBy({ id });
  }

  /** The strategy of the tenant-wide queue (conversations routed to no team). */
  async defaultAssignmentStrategy(tenantId: string): Promise<AssignmentStrategy> {
    const tenant = await this.db
      .getRepository(TenantEntity)
      .findOneOrFail({ select: { defaultAssignmentStrategy: true }, where: { id: tenantId } });
    return tenant.defaultAssignmentStrategy;
  }

  async setDefaultAssignmentStrategy(tenantId: string, strategy: AssignmentStrategy): Promise<void> {
    await this.db.getRepository(TenantEntity).update({ id: tenantId }, { defaultAssignmentStrategy: strategy });
  }

  /** Creates the tenant unless one with this slug exists; returns the stored row either way. */
  async ensure(slug: string, name: string): Promise<{ tenant: TenantEntity; created: boolean }> {
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(TenantEntity)
      .values({ slug, name, widgetKey: `wk_${randomBytes(18).toString('base64url')}` })
      .orIgnore()
      .returning('id')
      .execute();
    const tenant = await this.db.getRepository(TenantEntity).findOneByOrFail({ slug });
    return { tenant, created: inserted.raw.length > 0 };
  }
}
