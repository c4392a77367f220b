import type { DataSource, EntityManager } from 'typeorm';
import { CustomerEntity } from './customer.entity';
import { CustomerIdentityEntity } from './customer-identity.entity';
import type { Channel } from '../channels/channel';

export interface NewCustomer {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface NewIdentity {
  channel: Channel;
  /** Email address, phone number, or the widget's visitor id. */
  address: string;
  verified: boolean;
}

export class CustomerRepository {
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

  /** The addresses a customer is known by on each channel, oldest first. */
  listIdentities(tenantId: string, customerId: string): Promise<CustomerIdentityEntity[]> {
    return this.db.getRepository(CustomerIdentityEntity).find({
      where: { tenantId, customerId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findIdentity(tenantId: string, channel: Channel, address: string): Promise<CustomerIdentityEntity | null> {
    return this.db.getRepository(CustomerIdentityEntity).findOneBy({ tenantId, channel, address });
  }

  /** A new customer and its first identity, both or neither. */
  createWithIdentity(tenantId: string, customer: NewCustomer, identity: NewIdentity): Promise<CustomerEntity> {
    return this.db.transaction(async (manager) => {
      const customers = manager.getRepository(CustomerEntity);
      const { identifiers } = await customers.insert({
        tenantId,
        name: customer.name ?? null,
        email: customer.email ?? null,
        phone: customer.phone ?? null,
        attributes: {},
      });
      const id = String(identifiers[0].id);
      await manager.getRepository(CustomerIdentityEntity).insert({ tenantId, customerId: id, ...identity });
      return customers.findOneByOrFail({ tenantId, id });
    });
  }

  /** Sets the given contact fields; fields left undefined are kept. */
  async updateContact(tenantId: string, id: string, changes: Pick<NewCustomer, 'name' | 'email'>): Promise<void> {
    const set: { name?: string | null; email?: string | null } = {};
    if (changes.name !== undefined) {
      set.name = changes.name;
    }
    if (changes.email !== undefined) {
      set.email = changes.email;
    }
    if (Object.keys(set).length > 0) {
      await this.db.getRepository(CustomerEntity).update({ tenantId, id }, set);
    }
  }

  /** Replaces the profile attributes routing rules read (customers.attributes). */
  async setAttributes(tenantId: string, id: string, attributes: Record<string, unknown>): Promise<void> {
    await this.db.query(
      `UPDATE customers SET attributes = $3::jsonb, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, JSON.stringify(attributes)],
    );
  }
}
