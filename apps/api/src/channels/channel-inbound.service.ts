import { Injectable } from '@nestjs/common';
import type { ChannelInbox } from '../../../../core/channels/channel-inbox.repository';
import type { InboundMessage } from '../../../../core/channels/inbound-message';
import { CustomerRepository } from '../../../../core/customers/customer.repository';
import { ConversationOpener } from '../../../../core/conversations/conversation-opener';
import { MessageRepository } from '../../../../core/conversations/message.repository';
import { DomainError } from '../../../../core/platform/errors/domain-error';
import { isUniqueViolation } from '../../../../core/platform/db/unique-violation';
import { ConversationGateway } from '../temporal/conversation-gateway';

/**
 * A customer message that arrived through a channel inbox: its sender is found (or becomes a new customer) by their
 * address on the channel, and the message joins that customer's conversation there, as the widget's do. A message
 * already stored (a vendor retrying its webhook) is not delivered again, so no empty conversation is opened for it.
 */
@Injectable()
export class ChannelInboundService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly messages: MessageRepository,
    private readonly opener: ConversationOpener,
    private readonly gateway: ConversationGateway,
  ) {}

  async receive(inbox: ChannelInbox, message: InboundMessage): Promise<void> {
    const stored = await this.messages.findByExternalId(inbox.tenantId, inbox.channel, message.externalId);
    if (stored) {
      return;
    }
    const from = message.envelope?.from;
    if (!from?.address) {
      throw new DomainError('validation_failed', 'The message names no sender address');
    }
    const customerId = await this.customerFor(inbox, from.address, from.displayName ?? null);
    const conversation = await this.opener.openFor(inbox.tenantId, customerId, inbox.channel);
    await this.gateway.deliverInbound(conversation, {
      ...message,
      envelope: { ...message.envelope, provider: inbox.provider },
    });
  }

  private async customerFor(inbox: ChannelInbox, address: string, name: string | null): Promise<string> {
    const known = await this.customers.findIdentity(inbox.tenantId, inbox.channel, address);
    if (known) {
      return known.customerId;
    }
    const contact = inbox.channel === 'email' ? { email: address } : inbox.channel === 'sms' ? { phone: address } : {};
    try {
      const customer = await this.customers.createWithIdentity(
        inbox.tenantId,
        { name, ...contact },
        { channel: inbox.channel, address, verified: false },
      );
      return customer.id;
    } catch (error) {
      const raced = isUniqueViolation(error)
        ? await this.customers.findIdentity(inbox.tenantId, inbox.channel, address)
        : null;
      if (!raced) {
        throw error;
      }
      return raced.customerId; // the same sender's other message created them first
    }
  }
}
