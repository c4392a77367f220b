import { Module } from '@nestjs/common';
import { BusinessHoursRepository } from '../../../../core/sla/business-hours.repository';
import { RoutingPolicyAuditRepository } from '../../../../core/routing/routing-policy-audit.repository';
import { RoutingPolicyRepository } from '../../../../core/routing/routing-policy.repository';
import { repositoryProvider } from '../core/repository.provider';
import { RoutingDryRunService } from './routing-dry-run.service';
import { RoutingPolicyChangesService } from './routing-policy-changes.service';
import { RoutingPolicyController } from './routing-policy.controller';
import { RoutingPolicyService } from './routing-policy.service';
import { routingPolicyChangesProvider } from './routing-policy-changes.transaction';

/** The tenant's versioned routing policy: drafts, publishing, rollback, audit and dry runs. */
@Module({
  controllers: [RoutingPolicyController],
  providers: [
    RoutingPolicyService,
    RoutingPolicyChangesService,
    RoutingDryRunService,
    repositoryProvider(RoutingPolicyRepository),
    repositoryProvider(RoutingPolicyAuditRepository),
    repositoryProvider(BusinessHoursRepository),
    routingPolicyChangesProvider,
  ],
})
export class RoutingModule {}
