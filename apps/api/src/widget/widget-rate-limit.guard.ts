import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { DomainError } from '../../../../core/platform/errors/domain-error';
import { APP_CONFIG } from '../core/tokens';
import { TokenBuckets } from './token-bucket';
import type { VisitorRequest } from './visitor';

/**
 * Limits widget routes per client IP (as `trust proxy` resolves it) and, behind VisitorAuthGuard, per visitor.
 * Answers 429 with Retry-After (set by the error filter). Buckets live in this process's memory.
 */
abstract class VisitorRateLimit implements CanActivate {
  private readonly perVisitor: TokenBuckets;
  private readonly perIp: TokenBuckets;

  protected constructor(perVisitorPerMinute: number, perIpPerMinute: number) {
    this.perVisitor = new TokenBuckets(perVisitorPerMinute);
    this.perIp = new TokenBuckets(perIpPerMinute);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Partial<VisitorRequest>>();
    const entries: [TokenBuckets, string][] = [[this.perIp, request.ip ?? 'unknown']];
    if (request.visitor) {
      entries.push([this.perVisitor, `${request.visitor.tenantId}:${request.visitor.visitorId}`]);
    }
    const result = TokenBuckets.takeAll(entries);
    if (result.allowed) {
      return true;
    }
    throw new DomainError('rate_limited', `Too many requests; retry in ${result.retryAfterSeconds} s`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

/** The widget's writes: sessions, refreshes, messages (WIDGET_RATE_PER_VISITOR_PER_MIN / _PER_IP_PER_MIN). */
@Injectable()
export class WidgetRateLimitGuard extends VisitorRateLimit {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.widget.ratePerVisitorPerMinute, config.widget.ratePerIpPerMinute);
  }
}

/** The widget's reads: conversations, history, stream (WIDGET_READ_RATE_PER_VISITOR_PER_MIN / _PER_IP_PER_MIN). */
@Injectable()
export class WidgetReadRateLimitGuard extends VisitorRateLimit {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.widget.readRatePerVisitorPerMinute, config.widget.readRatePerIpPerMinute);
  }
}
