import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Visitor, VisitorRequest } from './visitor';

/** The visitor VisitorAuthGuard authenticated; only valid on routes behind that guard. */
export const CurrentVisitor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Visitor => context.switchToHttp().getRequest<VisitorRequest>().visitor,
);
