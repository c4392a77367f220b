import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../../../core/platform/errors/domain-error';
import { VisitorSessionRepository } from './visitor-session.repository';
import { VisitorTokenService } from './visitor-token.service';
import type { VisitorRequest } from './visitor';

const TOKEN_IN_QUERY_KEY = 'threadline:visitor-token-in-query';

/**
 * Also accept the access token as `?token=`, for EventSource, which cannot send headers. Only for routes that need
 * it; the refresh token is never accepted there (it is not an access token, so it fails verification).
 */
export const AcceptsVisitorTokenInQuery = () => SetMetadata(TOKEN_IN_QUERY_KEY, true);

/**
 * Authenticates `Authorization: Bearer <visitor access token>`; 401 when missing, tampered with or expired, or when
 * its session was revoked (one primary-key lookup per request, so a logout or an admin's revocation is immediate).
 */
@Injectable()
export class VisitorAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: VisitorTokenService,
    private readonly sessions: VisitorSessionRepository,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<VisitorRequest>();
    const inQuery = this.reflector.getAllAndOverride<boolean | undefined>(TOKEN_IN_QUERY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const queryToken = inQuery && typeof request.query.token === 'string' ? request.query.token : undefined;
    const token = bearerToken(request.headers.authorization) ?? queryToken;
    if (!token) {
      throw new DomainError('unauthenticated', 'Missing visitor token: send Authorization: Bearer <visitorToken>');
    }
    const check = this.tokens.verify(token);
    if (!check.valid) {
      const why = check.reason === 'expired' ? 'has expired' : 'is invalid';
      throw new DomainError(
        'unauthenticated',
        `Visitor token ${why}; refresh it with POST /widget/sessions/refresh or start a new session`,
      );
    }
    if (!(await this.sessions.isLive(check.visitor.sessionId))) {
      throw new DomainError(
        'unauthenticated',
        'Visitor session has ended (signed out, revoked or expired); start a new session with POST /widget/sessions',
      );
    }
    request.visitor = check.visitor;
    request.visitorTokenExpiresAt = check.expiresAt;
    return true;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
