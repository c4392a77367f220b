import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../../../core/domain/domain-error';
import { VisitorTokenService } from './visitor-token.service';
import type { VisitorRequest } from './visitor';

const TOKEN_IN_QUERY_KEY = 'threadline:visitor-token-in-query';

/** Also accept the token as `?token=`, for EventSource, which cannot send headers. Only for routes that need it. */
export const AcceptsVisitorTokenInQuery = () => SetMetadata(TOKEN_IN_QUERY_KEY, true);

/** Authenticates `Authorization: Bearer <visitor token>`; 401 when missing, tampered with or expired. */
@Injectable()
export class VisitorAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: VisitorTokenService,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
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
      throw new DomainError('unauthenticated', `Visitor token ${why}; start a new session with POST /widget/sessions`);
    }
    request.visitor = check.visitor;
    return true;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
