import { randomUUID } from 'node:crypto';
import type { ConversationEntity } from './conversation.entity';
import type { ConversationRepository } from './conversation.repository';
import type { Channel } from '../channels/channel';
import type { InboundPolicy } from '../platform/config/app-config';
import type { UnitOfWork } from '../platform/db/unit-of-work';
import { conversationWorkflowId } from './conversation-workflow-id';

type ConversationLookup = Pick<ConversationRepository, 'findLatestForCustomer'>;

/** Where the opener looks first, and the transaction (with its repository) it creates a conversation in. */
export interface ConversationOpenerDeps {
  conversations: ConversationLookup;
  opening: UnitOfWork<{
    conversations: ConversationLookup & Pick<ConversationRepository, 'lockCustomerForOpening' | 'create'>;
  }>;
}

/**
 * Finds the conversation an inbound message on a channel belongs to: the customer's latest one there unless it is
 * resolved (a resolved one is reopened while its reopen window lasts, when the policy says so), otherwise a new one.
 * Creation is serialised per customer by a transaction-scoped lock, so two concurrent first messages open one
 * conversation, not two.
 */
export class ConversationOpener {
  constructor(
    private readonly deps: ConversationOpenerDeps,
    private readonly policy: InboundPolicy = { afterResolution: 'new', reopenWindowSeconds: 0 },
  ) {}

  async openFor(tenantId: string, customerId: string, channel: Channel): Promise<ConversationEntity> {
    const reusable = (conversations: ConversationLookup) => this.reusable(conversations, tenantId, customerId, channel);
    const current = await reusable(this.deps.conversations);
    if (current) {
      return current;
    }
    return this.deps.opening.run(async ({ conversations }) => {
      await conversations.lockCustomerForOpening(customerId);
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
    conversations: ConversationLookup,
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
