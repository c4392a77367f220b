import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from '../../../../core/config/app-config';
import { DomainError } from '../../../../core/domain/domain-error';
import { APP_CONFIG } from '../core/tokens';
import { TokenBuckets } from './token-bucket';
import type { VisitorRequest } from './visitor';

/**
 * Limits the widget's write routes per client IP and, behind VisitorAuthGuard, per visitor.
 * Answers 429 with Retry-After. Buckets live in this process's memory.
 */
@Injectable()
export class WidgetRateLimitGuard implements CanActivate {
  private readonly perVisitor: TokenBuckets;
  private readonly perIp: TokenBuckets;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.perVisitor = new TokenBuckets(config.widget.ratePerVisitorPerMinute);
    this.perIp = new TokenBuckets(config.widget.ratePerIpPerMinute);
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
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(result.retryAfterSeconds));
    throw new DomainError('rate_limited', `Too many requests; retry in ${result.retryAfterSeconds} s`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}
