import type { UnitOfWork } from '../../../../core/platform/db/unit-of-work';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import { unitOfWorkProvider } from '../core/unit-of-work.provider';

/** A change to a customer's attributes: read under a row lock, merged and written in one transaction. */
export interface CustomerChangeRepositories {
  customers: Pick<CustomerRepository, 'findForUpdate' | 'setAttributes'>;
}

export type CustomerChanges = UnitOfWork<CustomerChangeRepositories>;
export const CUSTOMER_CHANGES = Symbol('CustomerChanges');

export const customerChangesProvider = unitOfWorkProvider<CustomerChangeRepositories>(CUSTOMER_CHANGES, (tx) => ({
  customers: new CustomerRepository(tx),
}));
