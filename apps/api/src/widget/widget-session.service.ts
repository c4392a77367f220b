import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CustomerRepository } from '../../../../core/db/repositories/customer.repository';
import { TenantRepository } from '../../../../core/db/repositories/tenant.repository';
import { DomainError } from '../../../../core/domain/domain-error';
import type { CreateSessionDto } from './dto/create-session.dto';
import type { Visitor } from './visitor';
import { VisitorTokenService } from './visitor-token.service';
import type { SessionView } from './widget.views';

/** Starts widget sessions: a new visitor (customer + chat identity), or the visitor a still-valid token names. */
@Injectable()
export class WidgetSessionService {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly customers: CustomerRepository,
    private readonly tokens: VisitorTokenService,
  ) {}

  async start(input: CreateSessionDto, presentedToken: string | undefined): Promise<SessionView> {
    const tenant = await this.tenants.findByWidgetKey(input.widgetKey);
    if (!tenant) {
      throw new DomainError('not_found', 'Unknown widget key');
    }
    const resumed = presentedToken ? await this.resume(tenant.id, presentedToken, input) : undefined;
    const visitor = resumed ?? (await this.createVisitor(tenant.id, input));
    const { token, expiresAt } = this.tokens.sign(visitor);
    return {
      visitorToken: token,
      visitorId: visitor.visitorId,
      customerId: visitor.customerId,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /**
   * The visitor a presented token names, if it is still good for this site. An expired token, or one for another
   * site's widget, starts a fresh visitor; a forged one is refused.
   */
  private async resume(tenantId: string, token: string, input: CreateSessionDto): Promise<Visitor | undefined> {
    const check = this.tokens.verify(token);
    if (!check.valid) {
      if (check.reason === 'expired') {
        return undefined;
      }
      throw new DomainError('unauthenticated', 'Visitor token is invalid; start a session without it');
    }
    const { visitor } = check;
    if (visitor.tenantId !== tenantId) {
      return undefined;
    }
    const identity = await this.customers.findIdentity(tenantId, 'chat', visitor.visitorId);
    if (identity?.customerId !== visitor.customerId) {
      return undefined;
    }
    await this.customers.updateContact(tenantId, visitor.customerId, { name: input.name, email: input.email });
    return visitor;
  }

  private async createVisitor(tenantId: string, input: CreateSessionDto): Promise<Visitor> {
    const visitorId = `v_${randomUUID()}`;
    const customer = await this.customers.createWithIdentity(
      tenantId,
      { name: input.name, email: input.email },
      { channel: 'chat', address: visitorId, verified: false },
    );
    return { tenantId, customerId: customer.id, visitorId };
  }
}
