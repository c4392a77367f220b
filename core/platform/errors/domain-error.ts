/**
 * Every error a user can trigger is a DomainError with a stable code.
 * The API maps codes to HTTP statuses in exactly one place (apps/api/src/http/domain-error.filter.ts).
 */
export const DOMAIN_ERROR_CODES = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `No ${what} ${id}`);

/** notFound as an expression: `(await teams.findById(tenantId, id)) ?? throwNotFound('team', id)`. */
export function throwNotFound(what: string, id: string): never {
  throw notFound(what, id);
}

/**
 * Another row of the tenant already holds the name (409). `what` starts the message, article included ('A team',
 * 'An SLA policy'); `cause` is the unique violation when the index, not the up-front check, caught the clash.
 */
export const nameTaken = (what: string, name: string, cause?: unknown) =>
  new DomainError('conflict', `${what} named ${name} already exists`, undefined, { cause });
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const invalidState = (message: string, details?: Record<string, unknown>) =>
  new DomainError('invalid_state', message, details);
