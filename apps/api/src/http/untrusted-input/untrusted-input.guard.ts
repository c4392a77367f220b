import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../../../../core/platform/errors/domain-error';
import { findUntrustedInput } from './untrusted-value.walk';
import { INPUT_LIMITS } from './input-limits';

/**
 * The one check every routed request passes before authentication, validation and the services: no string or key
 * of the body, query string or path parameters holds a NUL byte or an unpaired surrogate (PostgreSQL refuses both),
 * no array is longer and no value nests deeper than INPUT_LIMITS. Anything else is a 400 naming the field.
 */
export class UntrustedInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request>();
    const problem =
      findUntrustedInput(request.params, 'path', INPUT_LIMITS) ??
      findUntrustedInput(request.query, 'query', INPUT_LIMITS) ??
      findUntrustedInput(request.body, 'body', INPUT_LIMITS);
    if (problem) {
      throw new DomainError('validation_failed', problem);
    }
    return true;
  }
}
