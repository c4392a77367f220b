import { Module } from '@nestjs/common';
import { ChannelInboxRepository } from '../../../../core/channels/channel-inbox.repository';
import { MessageDeliveryRepository } from '../../../../core/channels/delivery/message-delivery.repository';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
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
    ChannelInboundService,
    ChannelWebhooksService,
  ],
})
export class ChannelsModule {}
