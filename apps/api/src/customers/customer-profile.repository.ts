import type { DataSource, EntityManager } from 'typeorm';
import { CustomerEntity } from '../../../../core/db/entities';

/** Reads and writes a customer's profile attributes (customers.attributes). */
export class CustomerProfileRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findById(tenantId: string, id: string): Promise<CustomerEntity | null> {
    return this.db.getRepository(CustomerEntity).findOneBy({ tenantId, id });
  }

  /** The customer, locked until the surrounding transaction ends, so concurrent merges do not lose keys. */
  findForUpdate(tenantId: string, id: string): Promise<CustomerEntity | null> {
    return this.db
      .getRepository(CustomerEntity)
      .findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async setAttributes(tenantId: string, id: string, attributes: Record<string, unknown>): Promise<void> {
    await this.db.query(
      `UPDATE customers SET attributes = $3::jsonb, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, JSON.stringify(attributes)],
    );
  }
}
