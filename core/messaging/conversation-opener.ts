import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ConversationEntity } from '../db/entities';
import { ConversationRepository } from '../db/repositories/conversation.repository';
import type { Channel } from '../domain/channel';
import { conversationWorkflowId } from '../../workflows/conversation.definitions';

/**
 * Finds the conversation an inbound message on a channel belongs to: the customer's latest one there unless it is
 * resolved, otherwise a new one. Creation is serialised per customer by a transaction-scoped advisory lock, so two
 * concurrent first messages open one conversation, not two.
 */
export class ConversationOpener {
  constructor(private readonly dataSource: DataSource) {}

  async openFor(tenantId: string, customerId: string, channel: Channel): Promise<ConversationEntity> {
    const current = await reusable(new ConversationRepository(this.dataSource), tenantId, customerId, channel);
    if (current) {
      return current;
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [customerId]);
      const conversations = new ConversationRepository(manager);
      const openedMeanwhile = await reusable(conversations, tenantId, customerId, channel);
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
}

async function reusable(
  conversations: ConversationRepository,
  tenantId: string,
  customerId: string,
  channel: Channel,
): Promise<ConversationEntity | undefined> {
  const latest = await conversations.findLatestForCustomer(tenantId, customerId, channel);
  return latest && latest.status !== 'resolved' ? latest : undefined;
}
