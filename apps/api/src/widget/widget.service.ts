import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import type { ConversationEntity } from '../../../../core/conversations/conversation.entity';
import { ConversationRepository } from '../../../../core/conversations/conversation.repository';
import { MessageRepository } from '../../../../core/conversations/message.repository';
import { DomainError, notFound } from '../../../../core/platform/errors/domain-error';
import { ConversationOpener } from '../../../../core/conversations/conversation-opener';
import { visitorMessageExternalId } from '../../../../core/conversations/message-keys';
import { ConversationGateway } from '../temporal/conversation-gateway';
import type { InboundMessage } from '../../../../workflows/conversation.definitions';
import { APP_CONFIG } from '../core/tokens';
import type { SendMessageDto } from './dto/send-message.dto';
import type { Visitor } from './visitor';
import {
  toWidgetConversation,
  toWidgetMessage,
  type AcceptedMessageView,
  type WidgetConversationView,
  type WidgetMessageView,
} from './widget.views';

/** A visitor's messages and conversations. Messages are recorded by the conversation workflow, not here. */
@Injectable()
export class WidgetService {
  private readonly logger = new Logger('Widget');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly opener: ConversationOpener,
    private readonly gateway: ConversationGateway,
  ) {}

  async send(visitor: Visitor, input: SendMessageDto): Promise<AcceptedMessageView> {
    const maxChars = this.config.api.messageMaxChars;
    if ([...input.body].length > maxChars) {
      throw new DomainError('validation_failed', `body must be at most ${maxChars} characters`, { maxChars });
    }
    const accepted = (conversationId: string): AcceptedMessageView => ({
      conversationId,
      clientMessageId: input.clientMessageId,
      status: 'accepted',
    });
    const alreadyStored = input.conversationId ? undefined : await this.storedRetry(visitor, input.clientMessageId);
    if (alreadyStored) {
      return accepted(alreadyStored.id);
    }
    const conversation = input.conversationId
      ? await this.ownConversation(visitor, input.conversationId)
      : await this.opener.openFor(visitor.tenantId, visitor.customerId, 'chat');
    await this.deliver(conversation, {
      externalId: visitorMessageExternalId(visitor.visitorId, conversation.id, input.clientMessageId),
      body: input.body,
      receivedAt: new Date().toISOString(),
    });
    return accepted(conversation.id);
  }

  /**
   * A retry of a message that named no conversation belongs where the first attempt went, even if that conversation
   * has since been resolved and the opener would now start a new one: the visitor's latest conversation, if it already
   * stored this client message id. Nothing is delivered again then.
   */
  private async storedRetry(visitor: Visitor, clientMessageId: string): Promise<ConversationEntity | undefined> {
    const latest = await this.conversations.findLatestForCustomer(visitor.tenantId, visitor.customerId, 'chat');
    if (!latest) {
      return undefined;
    }
    const externalId = visitorMessageExternalId(visitor.visitorId, latest.id, clientMessageId);
    const stored = await this.messages.findByExternalId(visitor.tenantId, 'chat', externalId);
    return stored ? latest : undefined;
  }

  /** Newest first. */
  async listConversations(visitor: Visitor): Promise<WidgetConversationView[]> {
    const rows = await this.conversations.listForCustomer(visitor.tenantId, visitor.customerId);
    return rows
      .filter((row) => row.channel === 'chat')
      .reverse()
      .map(toWidgetConversation);
  }

  async history(visitor: Visitor, conversationId: string): Promise<WidgetMessageView[]> {
    const conversation = await this.ownConversation(visitor, conversationId);
    const rows = await this.messages.listForConversation(visitor.tenantId, conversation.id);
    return rows.map(toWidgetMessage);
  }

  /** Another visitor's conversation is reported as missing, never as forbidden. */
  private async ownConversation(visitor: Visitor, id: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findById(visitor.tenantId, id);
    if (!conversation || conversation.customerId !== visitor.customerId || conversation.channel !== 'chat') {
      throw notFound('conversation', id);
    }
    return conversation;
  }

  private async deliver(conversation: ConversationEntity, message: InboundMessage): Promise<void> {
    try {
      await this.gateway.deliverInbound(conversation, message);
    } catch (error) {
      const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
      this.logger.warn(`Could not hand message to conversation ${conversation.id}: ${describe(cause)}`);
      throw error;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
