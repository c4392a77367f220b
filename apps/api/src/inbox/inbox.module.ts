import { Module } from '@nestjs/common';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { AssignmentQueueRepository } from '../../../../core/assignment/assignment-queue.repository';
import { AssignmentRepository } from '../../../../core/assignment/assignment.repository';
import { ConversationEventFeedRepository } from '../../../../core/conversations/conversation-event-feed.repository';
import { ConversationInboxRepository } from '../../../../core/conversations/conversation-inbox.repository';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import { TeamMembershipRepository } from '../../../../core/agents/team-membership.repository';
import { TopicCategoryRepository } from '../../../../core/triage/topic-category.repository';
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
