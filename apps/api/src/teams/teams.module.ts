import { Module } from '@nestjs/common';
import { TeamRepository } from '../../../../core/db/repositories/team.repository';
import { repositoryProvider } from '../core/repository.provider';
import { AssignmentSettingsController } from './assignment-settings.controller';
import { AssignmentSettingsService } from './assignment-settings.service';
import { QueueNotifier } from './queue-notifier';
import { TeamSettingsRepository } from './team-settings.repository';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({
  controllers: [TeamsController, AssignmentSettingsController],
  providers: [
    TeamsService,
    AssignmentSettingsService,
    QueueNotifier,
    repositoryProvider(TeamRepository),
    repositoryProvider(TeamSettingsRepository),
  ],
})
export class TeamsModule {}
