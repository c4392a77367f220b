import { Logger, Module } from '@nestjs/common';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { AgentTokenRepository } from '../../../../core/auth/agent-token.repository';
import { ConversationEventFeedRepository } from '../../../../core/conversations/conversation-event-feed.repository';
import { TeamMembershipRepository } from '../../../../core/agents/team-membership.repository';
import { repositoryProvider } from '../core/repository.provider';
import { APP_CONFIG } from '../core/tokens';
import { AgentEventStreamService } from './agent-event-stream.service';
import { EventFeed } from './event-feed';
import { EventsController } from './events.controller';
import { PgListenEventFeed } from './pg-listen.event-feed';

/** The agents' live event stream over conversation_events. */
@Module({
  controllers: [EventsController],
  providers: [
    repositoryProvider(ConversationEventFeedRepository),
    repositoryProvider(AgentTokenRepository),
    repositoryProvider(TeamMembershipRepository),
    {
      // AgentEventStreamService starts and closes it.
      provide: EventFeed,
      useFactory: (config: AppConfig) =>
        new PgListenEventFeed({ connectionString: config.databaseUrl, logger: new Logger('EventFeed') }),
      inject: [APP_CONFIG],
    },
    AgentEventStreamService,
  ],
})
export class EventsModule {}
