import type { UnitOfWork } from '../../../../core/platform/db/unit-of-work';
import { BusinessHoursRepository } from '../../../../core/sla/business-hours.repository';
import { SlaPolicyRepository } from '../../../../core/sla/sla-policy.repository';
import { RoutingPolicyRepository } from '../../../../core/routing/routing-policy.repository';
import { unitOfWorkProvider } from '../core/unit-of-work.provider';
import type { PublishedPolicyLock } from '../routing/published-policy-usage';

/** What removing a calendar or an SLA policy checks and commits together. */
export interface SlaChangeRepositories {
  hours: Pick<BusinessHoursRepository, 'findById' | 'delete'>;
  slaPolicies: Pick<SlaPolicyRepository, 'findById' | 'namesUsingCalendar' | 'delete'>;
  routingPolicies: PublishedPolicyLock;
}

export type SlaChanges = UnitOfWork<SlaChangeRepositories>;
export const SLA_CHANGES = Symbol('SlaChanges');

export const slaChangesProvider = unitOfWorkProvider<SlaChangeRepositories>(SLA_CHANGES, (tx) => ({
  hours: new BusinessHoursRepository(tx),
  slaPolicies: new SlaPolicyRepository(tx),
  routingPolicies: new RoutingPolicyRepository(tx),
}));
