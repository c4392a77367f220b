import { Module } from '@nestjs/common';
import { BusinessHoursRepository } from '../../../../core/db/repositories/business-hours.repository';
import { RoutingPolicyAuditRepository } from '../../../../core/db/repositories/routing-policy-audit.repository';
import { RoutingPolicyRepository } from '../../../../core/db/repositories/routing-policy.repository';
import { repositoryProvider } from '../core/repository.provider';
import { RoutingDryRunService } from './routing-dry-run.service';
import { RoutingPolicyChangesService } from './routing-policy-changes.service';
import { RoutingPolicyController } from './routing-policy.controller';
import { RoutingPolicyService } from './routing-policy.service';

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
  ],
})
export class RoutingModule {}
