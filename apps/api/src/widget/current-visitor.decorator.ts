import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Visitor, VisitorRequest } from './visitor';

/** The visitor VisitorAuthGuard authenticated; only valid on routes behind that guard. */
export const CurrentVisitor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Visitor => context.switchToHttp().getRequest<VisitorRequest>().visitor,
);

/** When the access token VisitorAuthGuard accepted expires; a stream opened with it ends then. */
export const VisitorTokenExpiry = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Date =>
    context.switchToHttp().getRequest<VisitorRequest>().visitorTokenExpiresAt,
);
