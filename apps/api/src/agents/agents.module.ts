import { Module } from '@nestjs/common';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { repositoryProvider } from '../core/repository.provider';
import { AgentDirectoryController } from './agent-directory.controller';
import { AgentsController } from './agents.controller';
import { AgentsService } from './agents.service';

@Module({
  // The directory is listed first so /agents/directory is not read as /agents/:id.
  controllers: [AgentDirectoryController, AgentsController],
  providers: [AgentsService, repositoryProvider(AgentRepository)],
})
export class AgentsModule {}
