import { Module } from '@nestjs/common';
import { TeamRepository } from '../../../../core/db/repositories/team.repository';
import { repositoryProvider } from '../core/repository.provider';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({ controllers: [TeamsController], providers: [TeamsService, repositoryProvider(TeamRepository)] })
export class TeamsModule {}
