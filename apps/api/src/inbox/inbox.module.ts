import { Module } from '@nestjs/common';
import { AgentRepository } from '../../../../core/db/repositories/agent.repository';
import { AssignmentRepository } from '../../../../core/db/repositories/assignment.repository';
import { ConversationInboxRepository } from '../../../../core/db/repositories/conversation-inbox.repository';
import { CustomerRepository } from '../../../../core/db/repositories/customer.repository';
import { repositoryProvider as repository } from '../core/repository.provider';
import { InboxActionsService } from './inbox-actions.service';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

/** The agent inbox. Shared repositories (conversations, messages, events) and the gateway come from CoreModule. */
@Module({
  controllers: [InboxController],
  providers: [
    InboxService,
    InboxActionsService,
    repository(ConversationInboxRepository),
    repository(CustomerRepository),
    repository(AssignmentRepository),
    repository(AgentRepository),
  ],
})
export class InboxModule {}
