import { Module } from '@nestjs/common';
import { TeamRepository } from '../../../../core/agents/team.repository';
import { TenantRepository } from '../../../../core/tenants/tenant.repository';
import { repositoryProvider } from '../core/repository.provider';
import { AssignmentSettingsController } from './assignment-settings.controller';
import { AssignmentSettingsService } from './assignment-settings.service';
import { QueueNotifier } from './queue-notifier';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';
import { teamChangesProvider } from './team-changes.transaction';

@Module({
  controllers: [TeamsController, AssignmentSettingsController],
  providers: [
    TeamsService,
    AssignmentSettingsService,
    QueueNotifier,
    repositoryProvider(TeamRepository),
    repositoryProvider(TenantRepository),
    teamChangesProvider,
  ],
})
export class TeamsModule {}
