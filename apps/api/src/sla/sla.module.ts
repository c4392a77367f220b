import { Module } from '@nestjs/common';
import { BusinessHoursRepository } from '../../../../core/sla/business-hours.repository';
import { SlaPolicyRepository } from '../../../../core/sla/sla-policy.repository';
import { repositoryProvider } from '../core/repository.provider';
import { BusinessHoursController } from './business-hours.controller';
import { BusinessHoursService } from './business-hours.service';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaPoliciesService } from './sla-policies.service';
import { slaChangesProvider } from './sla-changes.transaction';

/** SLA policies and the business-hours calendars their targets may count on. */
@Module({
  controllers: [BusinessHoursController, SlaPoliciesController],
  providers: [
    BusinessHoursService,
    SlaPoliciesService,
    repositoryProvider(BusinessHoursRepository),
    repositoryProvider(SlaPolicyRepository),
    slaChangesProvider,
  ],
})
export class SlaModule {}
