import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, type CoreDependencies } from './core/core.module';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { AuthModule } from './auth/auth.module';
import { AgentsModule } from './agents/agents.module';
import { TeamsModule } from './teams/teams.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { WidgetModule } from './widget/widget.module';
import { RoutingModule } from './routing/routing.module';
import { SlaModule } from './sla/sla.module';
import { CustomersModule } from './customers/customers.module';
import { TopicsModule } from './topics/topics.module';
import { EventsModule } from './events/events.module';
import { FailedMessagesModule } from './failed-messages/failed-messages.module';
import { ChannelsModule } from './channels/channels.module';

/** Feature modules are listed here; each owns its folder under apps/api/src. */
@Module({})
export class AppModule {
  static forRoot(dependencies: CoreDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(dependencies),
        HealthModule,
        InboxModule,
        AuthModule,
        AgentsModule,
        TeamsModule,
        KnowledgeModule,
        WidgetModule,
        RoutingModule,
        SlaModule,
        CustomersModule,
        TopicsModule,
        EventsModule,
        FailedMessagesModule,
        ChannelsModule,
      ],
    };
  }
}
