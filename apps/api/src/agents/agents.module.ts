import { Module } from '@nestjs/common';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { repositoryProvider } from '../core/repository.provider';
import { AgentsController } from './agents.controller';
import { AgentsService } from './agents.service';

@Module({ controllers: [AgentsController], providers: [AgentsService, repositoryProvider(AgentRepository)] })
export class AgentsModule {}
