import { Injectable } from '@nestjs/common';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { notFound } from '../../../../core/platform/errors/domain-error';
import { ConversationRepository } from '../../../../core/conversations/conversation.repository';
import { FailedMessageRepository } from '../../../../core/conversations/failed-message.repository';
import { ConversationGateway } from '../temporal/conversation-gateway';
import type { InboundMessage } from '../../../../workflows/conversation.definitions';
import { toFailedMessageView, type FailedMessagePageView, type FailedMessageView } from './failed-message.view';
import type { ListFailedMessagesQuery } from './list-failed-messages.query';

/** Dead letters: inbound messages the conversation workflow could not handle, for admins to see and retry. */
@Injectable()
export class FailedMessagesService {
  constructor(
    private readonly failed: FailedMessageRepository,
    private readonly conversations: ConversationRepository,
    private readonly gateway: ConversationGateway,
  ) {}

  async list(admin: AuthenticatedAgent, query: ListFailedMessagesQuery): Promise<FailedMessagePageView> {
    const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    const items = await this.failed.list(admin.tenantId, { ...query, ...page });
    return { items: items.map(toFailedMessageView), ...page };
  }

  /**
   * Re-delivers the message exactly as first received to its conversation, through the door the widget uses. The
   * workflow handles it like any message (one that was stored already is not stored twice); if it fails again, the
   * record is back to `failed` with the new reason.
   */
  async retry(admin: AuthenticatedAgent, id: string): Promise<FailedMessageView> {
    const failed = await this.failed.find(admin.tenantId, id);
    const conversation = failed && (await this.conversations.findById(admin.tenantId, failed.conversationId));
    if (!failed || !conversation) {
      throw notFound('failed message', id);
    }
    const original = JSON.parse(failed.originalJson) as InboundMessage;
    await this.failed.markRetried(admin.tenantId, id);
    try {
      await this.gateway.deliverInbound(conversation, { ...original, receivedAt: new Date().toISOString() });
    } catch (error) {
      await this.failed.markFailed(admin.tenantId, id);
      throw error;
    }
    return toFailedMessageView((await this.failed.find(admin.tenantId, id)) ?? failed);
  }
}
