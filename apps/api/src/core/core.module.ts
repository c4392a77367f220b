import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Client } from '@temporalio/client';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { ConversationGateway } from '../temporal/conversation-gateway';
import { MessageRepository } from '../../../../core/conversations/message.repository';
import { ConversationRepository } from '../../../../core/conversations/conversation.repository';
import { ConversationEventRepository } from '../../../../core/conversations/conversation-event.repository';
import {
  ChannelAdapterRegistry,
  createChannelAdapterRegistry,
} from '../../../../core/channels/channel-adapter.registry';
import type { ChannelAdapter } from '../../../../core/channels/channel-adapter';
import { ConversationOpener } from '../../../../core/conversations/conversation-opener';
import { AgentTokenRepository } from '../../../../core/auth/agent-token.repository';
import { APP_CONFIG } from './tokens';
import { repositoryProvider } from './repository.provider';
import { conversationOpenerDeps } from './conversation-opener.deps';

export interface CoreDependencies {
  config: AppConfig;
  dataSource: DataSource;
  temporal: Client;
  /** Channel adapters beside the configured ones (a deployment's own vendor; tests' fakes). */
  channelAdapters?: readonly ChannelAdapter[];
}

/** Outside systems (config, PostgreSQL, Temporal, channel vendors) built once at boot and shared by every feature module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot({ config, dataSource, temporal, channelAdapters }: CoreDependencies): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: DataSource, useValue: dataSource },
      { provide: Client, useValue: temporal },
      {
        provide: ConversationGateway,
        useValue: new ConversationGateway(
          temporal,
          config.temporal.taskQueue,
          config.conversation,
          config.conversation.queueRecheckSeconds,
        ),
      },
      { provide: ChannelAdapterRegistry, useValue: createChannelAdapterRegistry(config.channels, channelAdapters) },
      // The widget and the channel webhooks open conversations the same way.
      {
        provide: ConversationOpener,
        useValue: new ConversationOpener(conversationOpenerDeps(dataSource), config.inbound),
      },
      repositoryProvider(MessageRepository),
      repositoryProvider(ConversationRepository),
      repositoryProvider(ConversationEventRepository),
      // Every module's AgentAuthGuard reads tokens through it.
      repositoryProvider(AgentTokenRepository),
    ];
    return { module: CoreModule, providers, exports: providers };
  }
}
