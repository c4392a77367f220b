import { Module } from '@nestjs/common';
import { AgentRepository } from '../../../../core/db/repositories/agent.repository';
import { AssignmentQueueRepository } from '../../../../core/db/repositories/assignment-queue.repository';
import { AssignmentRepository } from '../../../../core/db/repositories/assignment.repository';
import { ConversationEventFeedRepository } from '../../../../core/db/repositories/conversation-event-feed.repository';
import { ConversationInboxRepository } from '../../../../core/db/repositories/conversation-inbox.repository';
import { CustomerRepository } from '../../../../core/db/repositories/customer.repository';
import { TeamMembershipRepository } from '../../../../core/db/repositories/team-membership.repository';
import { TopicCategoryRepository } from '../../../../core/db/repositories/topic-category.repository';
import { repositoryProvider as repository } from '../core/repository.provider';
import { TopicsModule } from '../topics/topics.module';
import { AssignmentExplanationService } from './assignment-explanation.service';
import { ConversationAccessService } from './conversation-access.service';
import { InboxActionsService } from './inbox-actions.service';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

/**
 * The agent inbox. Shared repositories (conversations, messages, events) and the gateway come from CoreModule; the
 * topic training gateway (a re-tag asks for a retrain) from TopicsModule.
 */
@Module({
  imports: [TopicsModule],
  controllers: [InboxController],
  providers: [
    InboxService,
    InboxActionsService,
    AssignmentExplanationService,
    ConversationAccessService,
    repository(TeamMembershipRepository),
    repository(ConversationInboxRepository),
    repository(CustomerRepository),
    repository(AssignmentRepository),
    repository(AgentRepository),
    repository(TopicCategoryRepository),
    repository(ConversationEventFeedRepository),
    repository(AssignmentQueueRepository),
  ],
})
export class InboxModule {}
