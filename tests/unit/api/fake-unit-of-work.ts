import type { UnitOfWork } from '../../../core/platform/db/unit-of-work';
import type { AuthenticatedAgent } from '../../../core/agents/agent';
import type { RoutingAction, RoutingPolicyDocument } from '../../../core/routing/routing-policy.types';

/** A unit of work over in-memory fakes: it runs the work on them and counts how many transactions were started. */
export function fakeUnitOfWork<R>(repositories: R): UnitOfWork<R> & { runs: number } {
  const unit = {
    runs: 0,
    run<T>(work: (repositories: R) => Promise<T>): Promise<T> {
      unit.runs += 1;
      return work(repositories);
    },
  };
  return unit;
}

export const anAdmin = (overrides: Partial<AuthenticatedAgent> = {}): AuthenticatedAgent => ({
  id: 'admin-1',
  tenantId: 't1',
  role: 'admin',
  name: 'Ada',
  ...overrides,
});

/** The routing-policy lock and read a removal makes; the published policy routes its fallback with `action`. */
export function publishedPolicyWithFallback(action: RoutingAction | undefined) {
  const document: RoutingPolicyDocument | undefined = action && { rules: [], fallback: action };
  return {
    lock: jest.fn().mockResolvedValue(undefined),
    published: jest.fn().mockResolvedValue(document ? { version: 3, document } : null),
  };
}
