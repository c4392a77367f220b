import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { ChannelInboxRepository } from '../../../../core/channels/channel-inbox.repository';
import { MessageDeliveryRepository } from '../../../../core/channels/delivery/message-delivery.repository';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import { ConversationOpener } from '../../../../core/conversations/conversation-opener';
import { APP_CONFIG } from '../core/tokens';
import { repositoryProvider } from '../core/repository.provider';
import { ChannelWebhooksController } from './channel-webhooks.controller';
import { ChannelWebhooksService } from './channel-webhooks.service';
import { ChannelInboundService } from './channel-inbound.service';

/** Provider webhooks for every channel; the adapters come from the core module's registry. */
@Module({
  controllers: [ChannelWebhooksController],
  providers: [
    repositoryProvider(ChannelInboxRepository),
    repositoryProvider(MessageDeliveryRepository),
    repositoryProvider(CustomerRepository),
    {
      provide: ConversationOpener,
      useFactory: (dataSource: DataSource, config: AppConfig) => new ConversationOpener(dataSource, config.inbound),
      inject: [DataSource, APP_CONFIG],
    },
    ChannelInboundService,
    ChannelWebhooksService,
  ],
})
export class ChannelsModule {}
