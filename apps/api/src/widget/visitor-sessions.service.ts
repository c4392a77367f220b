import { Injectable } from '@nestjs/common';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { notFound } from '../../../../core/platform/errors/domain-error';
import { VisitorSessionRepository } from './visitor-session.repository';

/** What staff may do to visitors' widget sessions. */
@Injectable()
export class VisitorSessionsService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly sessions: VisitorSessionRepository,
  ) {}

  /** Another tenant's customer is reported as missing. */
  async revokeAllForCustomer(caller: AuthenticatedAgent, customerId: string): Promise<{ revoked: number }> {
    if (!(await this.customers.findById(caller.tenantId, customerId))) {
      throw notFound('customer', customerId);
    }
    return { revoked: await this.sessions.revokeAllForCustomer(caller.tenantId, customerId) };
  }
}
