import { Inject, Injectable } from '@nestjs/common';
import type { CustomerEntity } from '../../../../core/customers/customer.entity';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { throwNotFound } from '../../../../core/platform/errors/domain-error';
import { invalidInput } from '../http/invalid-input';
import { mergeAttributes, TIER_KEY } from './customer-attributes';
import type { CustomerView, UpdateCustomerDto } from './customer.dto';
import { CUSTOMER_CHANGES, type CustomerChanges } from './customer-changes.transaction';

/** A customer's profile as agents see and annotate it; routing rules read the tier and attributes. */
@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomerRepository,
    @Inject(CUSTOMER_CHANGES) private readonly changes: CustomerChanges,
  ) {}

  async get(caller: AuthenticatedAgent, id: string): Promise<CustomerView> {
    return toView((await this.customers.findById(caller.tenantId, id)) ?? throwNotFound('customer', id));
  }

  async update(caller: AuthenticatedAgent, id: string, { tier, attributes }: UpdateCustomerDto): Promise<CustomerView> {
    await this.changes.run(async ({ customers }) => {
      const customer = (await customers.findForUpdate(caller.tenantId, id)) ?? throwNotFound('customer', id);
      const merged = mergeAttributes(customer.attributes, attributes ?? {}, tier);
      if (!merged.ok) {
        throw invalidInput('customer attributes', merged.problems);
      }
      await customers.setAttributes(caller.tenantId, id, merged.attributes);
    });
    return this.get(caller, id);
  }
}

function toView(customer: CustomerEntity): CustomerView {
  const tier = customer.attributes[TIER_KEY];
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    tier: typeof tier === 'string' ? tier : null,
    attributes: customer.attributes,
  };
}
