import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ConversationEntity } from './conversation.entity';
import { ConversationRepository } from './conversation.repository';
import type { Channel } from '../channels/channel';
import type { InboundPolicy } from '../platform/config/app-config';
import { conversationWorkflowId } from './conversation-workflow-id';

/**
 * Finds the conversation an inbound message on a channel belongs to: the customer's latest one there unless it is
 * resolved (a resolved one is reopened while its reopen window lasts, when the policy says so), otherwise a new one. Creation is serialised per customer by a transaction-scoped advisory lock, so two
 * concurrent first messages open one conversation, not two.
 */
export class ConversationOpener {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: InboundPolicy = { afterResolution: 'new', reopenWindowSeconds: 0 },
  ) {}

  async openFor(tenantId: string, customerId: string, channel: Channel): Promise<ConversationEntity> {
    const reusable = (conversations: ConversationRepository) =>
      this.reusable(conversations, tenantId, customerId, channel);
    const current = await reusable(new ConversationRepository(this.dataSource));
    if (current) {
      return current;
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [customerId]);
      const conversations = new ConversationRepository(manager);
      const openedMeanwhile = await reusable(conversations);
      if (openedMeanwhile) {
        return openedMeanwhile;
      }
      const id = randomUUID();
      return conversations.create(tenantId, {
        id,
        customerId,
        channel,
        workflowId: conversationWorkflowId(tenantId, id),
      });
    });
  }

  private async reusable(
    conversations: ConversationRepository,
    tenantId: string,
    customerId: string,
    channel: Channel,
  ): Promise<ConversationEntity | undefined> {
    const latest = await conversations.findLatestForCustomer(tenantId, customerId, channel);
    if (!latest) {
      return undefined;
    }
    if (latest.status !== 'resolved') {
      return latest;
    }
    const resolvedAgoMs = Date.now() - (latest.resolvedAt?.getTime() ?? 0);
    const reopen = this.policy.afterResolution === 'reopen' && resolvedAgoMs < this.policy.reopenWindowSeconds * 1000;
    return reopen ? latest : undefined;
  }
}
