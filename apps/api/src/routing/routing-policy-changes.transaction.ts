import type { UnitOfWork } from '../../../../core/platform/db/unit-of-work';
import { RoutingPolicyAuditRepository } from '../../../../core/routing/routing-policy-audit.repository';
import { RoutingPolicyRepository } from '../../../../core/routing/routing-policy.repository';
import { unitOfWorkProvider } from '../core/unit-of-work.provider';

/** What a change to a routing policy commits together: its versions and the audit entry. */
export interface RoutingPolicyChangeRepositories {
  policies: RoutingPolicyRepository;
  audit: Pick<RoutingPolicyAuditRepository, 'record'>;
}

export type RoutingPolicyChanges = UnitOfWork<RoutingPolicyChangeRepositories>;
export const ROUTING_POLICY_CHANGES = Symbol('RoutingPolicyChanges');

export const routingPolicyChangesProvider = unitOfWorkProvider<RoutingPolicyChangeRepositories>(
  ROUTING_POLICY_CHANGES,
  (tx) => ({ policies: new RoutingPolicyRepository(tx), audit: new RoutingPolicyAuditRepository(tx) }),
);
