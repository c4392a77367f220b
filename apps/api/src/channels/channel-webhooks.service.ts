import { Injectable } from '@nestjs/common';
import { ChannelAdapterRegistry } from '../../../../core/channels/channel-adapter.registry';
import type { WebhookRequest } from '../../../../core/channels/channel-adapter';
import { ChannelInboxRepository } from '../../../../core/channels/channel-inbox.repository';
import { MessageDeliveryRepository } from '../../../../core/channels/delivery/message-delivery.repository';
import { WebhookRejectedError } from '../../../../core/channels/delivery/delivery-errors';
import { DomainError } from '../../../../core/platform/errors/domain-error';
import type { ChannelWebhookParams } from './channel-webhook.params';
import { ChannelInboundService } from './channel-inbound.service';

/** What the controller answers the vendor: a plain acknowledgement, or the body the vendor expects. */
export interface WebhookReply {
  contentType: string;
  body: string;
}

type IncomingWebhook = Omit<WebhookRequest, 'hook' | 'tenantId'>;

/**
 * One path for every provider's webhooks: the token names the inbox (so the tenant), the adapter reads the request
 * (signature included) into customer messages and delivery receipts, and those go where the widget's messages and
 * the delivery step's results go. A retried webhook changes nothing (messages and receipts are stored once).
 */
@Injectable()
export class ChannelWebhooksService {
  constructor(
    private readonly channels: ChannelAdapterRegistry,
    private readonly inboxes: ChannelInboxRepository,
    private readonly deliveries: MessageDeliveryRepository,
    private readonly inbound: ChannelInboundService,
  ) {}

  async receive(params: ChannelWebhookParams, request: IncomingWebhook): Promise<WebhookReply | undefined> {
    const { channel, provider, hook } = params;
    const missing = new DomainError('not_found', `No webhook at /channels/${channel}/${provider}/…/${hook}`);
    const adapter = this.channels.find(channel, provider);
    if (!adapter?.readWebhook) {
      throw missing;
    }
    const inbox = await this.inboxes.findByWebhookToken(params.token);
    if (!inbox || inbox.channel !== channel || inbox.provider !== provider) {
      throw missing;
    }
    const outcome = await adapter.readWebhook({ ...request, hook, tenantId: inbox.tenantId }).catch((error) => {
      throw error instanceof WebhookRejectedError ? asDomainError(error, missing) : error;
    });
    if (outcome.receipts.length > 0) {
      await this.deliveries.recordReceipts(inbox.tenantId, channel, provider, outcome.receipts);
    }
    for (const message of outcome.inbound) {
      await this.inbound.receive(inbox, message);
    }
    return outcome.response;
  }
}

const asDomainError = (error: WebhookRejectedError, missing: DomainError): DomainError =>
  error.kind === 'unknown_hook'
    ? missing
    : new DomainError(error.kind === 'forbidden' ? 'forbidden' : 'validation_failed', error.message);
