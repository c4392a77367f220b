import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { hashToken } from '../../../../core/auth/agent-token';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import { TenantRepository } from '../../../../core/tenants/tenant.repository';
import { DomainError } from '../../../../core/platform/errors/domain-error';
import { APP_CONFIG } from '../core/tokens';
import type { CreateSessionDto } from './dto/create-session.dto';
import type { Visitor } from './visitor';
import { VisitorSessionRepository, type StoredVisitorSession } from './visitor-session.repository';
import { VisitorTokenService } from './visitor-token.service';
import type { SessionView } from './widget.views';

/**
 * Widget sessions: a new visitor (customer + chat identity), or the visitor a still-valid access token names, gets
 * a session row and a pair of credentials: a short-lived access token and a refresh token that is rotated on use.
 */
@Injectable()
export class WidgetSessionService {
  private started = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantRepository,
    private readonly customers: CustomerRepository,
    private readonly tokens: VisitorTokenService,
    private readonly sessions: VisitorSessionRepository,
  ) {}

  async start(input: CreateSessionDto, presentedToken: string | undefined): Promise<SessionView> {
    const tenant = await this.tenants.findByWidgetKey(input.widgetKey);
    if (!tenant) {
      throw new DomainError('not_found', 'Unknown widget key');
    }
    const resumed = presentedToken ? await this.resume(tenant.id, presentedToken, input) : undefined;
    const visitor = resumed ?? (await this.createVisitor(tenant.id, input));
    const refreshToken = newRefreshToken();
    const session = await this.sessions.create(
      visitor,
      hashToken(refreshToken),
      this.config.widget.refreshTokenTtlSeconds,
    );
    this.started += 1;
    if (this.started % SWEEP_EVERY === 0) {
      await this.sessions.deleteExpired();
    }
    return this.credentials(session, refreshToken);
  }

  /** Swaps a refresh token for a new pair; the presented one never works again. */
  async refresh(refreshToken: string): Promise<SessionView> {
    const next = newRefreshToken();
    const session = await this.sessions.rotate(
      hashToken(refreshToken),
      hashToken(next),
      this.config.widget.refreshTokenTtlSeconds,
    );
    if (!session) {
      throw new DomainError(
        'unauthenticated',
        'Refresh token is invalid, already used, revoked or expired; start a new session with POST /widget/sessions',
      );
    }
    return this.credentials(session, next);
  }

  /** Signs the visitor out: the session's access and refresh tokens stop working at once, open streams soon after. */
  async end(visitor: Visitor): Promise<void> {
    await this.sessions.revoke(visitor.tenantId, visitor.sessionId);
  }

  private credentials(session: StoredVisitorSession, refreshToken: string): SessionView {
    const { visitor } = session;
    const { token, expiresAt } = this.tokens.sign(visitor);
    return {
      visitorToken: token,
      expiresAt: expiresAt.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: session.expiresAt.toISOString(),
      sessionId: visitor.sessionId,
      visitorId: visitor.visitorId,
      customerId: visitor.customerId,
    };
  }

  /**
   * The visitor a presented access token names, if it is still good for this site. An expired token, one whose
   * session has ended, or one for another site's widget starts a fresh visitor; a forged one is refused.
   */
  private async resume(
    tenantId: string,
    token: string,
    input: CreateSessionDto,
  ): Promise<Omit<Visitor, 'sessionId'> | undefined> {
    const check = this.tokens.verify(token);
    if (!check.valid) {
      if (check.reason === 'expired') {
        return undefined;
      }
      throw new DomainError('unauthenticated', 'Visitor token is invalid; start a session without it');
    }
    const { visitor } = check;
    if (visitor.tenantId !== tenantId || !(await this.sessions.isLive(visitor.sessionId))) {
      return undefined;
    }
    const identity = await this.customers.findIdentity(tenantId, 'chat', visitor.visitorId);
    if (identity?.customerId !== visitor.customerId) {
      return undefined;
    }
    await this.customers.updateContact(tenantId, visitor.customerId, { name: input.name, email: input.email });
    return visitor;
  }

  private async createVisitor(tenantId: string, input: CreateSessionDto): Promise<Omit<Visitor, 'sessionId'>> {
    const visitorId = `v_${randomUUID()}`;
    const customer = await this.customers.createWithIdentity(
      tenantId,
      { name: input.name, email: input.email },
      { channel: 'chat', address: visitorId, verified: false },
    );
    return { tenantId, customerId: customer.id, visitorId };
  }
}

/** How often (one in N new sessions) long-expired sessions are deleted. */
const SWEEP_EVERY = 100;

/** Opaque and unlike an access token (no dot), so it can never pass as one. */
function newRefreshToken(): string {
  return `tlr_${randomBytes(32).toString('base64url')}`;
}
