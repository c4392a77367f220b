import type { DataSource, EntityManager } from 'typeorm';
import { ConversationEntity } from '../entities';
import type { Channel } from '../../domain/channel';
import type { ConversationState } from '../../../workflows/conversation.definitions';

export interface NewConversation {
  id: string;
  customerId: string;
  channel: Channel;
  subject?: string | null;
  workflowId: string;
}

export class ConversationRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findById(tenantId: string, id: string): Promise<ConversationEntity | null> {
    return this.db.getRepository(ConversationEntity).findOneBy({ tenantId, id });
  }

  async create(tenantId: string, input: NewConversation): Promise<ConversationEntity> {
    const repository = this.db.getRepository(ConversationEntity);
    await repository.insert({
      id: input.id,
      tenantId,
      customerId: input.customerId,
      channel: input.channel,
      subject: input.subject ?? null,
      workflowId: input.workflowId,
      status: 'bot',
      priority: 'normal',
      topicTags: [],
      botTurns: 0,
      excludedAgentIds: [],
    });
    return repository.findOneByOrFail({ tenantId, id: input.id });
  }

  /** The newest conversation of a customer on a channel, whatever its status. */
  findLatestForCustomer(tenantId: string, customerId: string, channel: Channel): Promise<ConversationEntity | null> {
    return this.db.getRepository(ConversationEntity).findOne({
      where: { tenantId, customerId, channel },
      order: { createdAt: 'DESC' },
    });
  }

  listForCustomer(tenantId: string, customerId: string): Promise<ConversationEntity[]> {
    return this.db.getRepository(ConversationEntity).find({
      where: { tenantId, customerId },
      order: { createdAt: 'ASC' },
    });
  }

  async touch(tenantId: string, id: string): Promise<void> {
    await this.db.getRepository(ConversationEntity).update({ tenantId, id }, { lastActivityAt: () => 'now()' });
  }
}

/**
 * The workflow's view of a stored conversation, used to start or restart its workflow.
 * The row does not keep when the assignee got it, so a restarted workflow restarts the first-response clock.
 */
export function toConversationState(row: ConversationEntity): ConversationState {
  return {
    status: row.status,
    priority: row.priority,
    assigneeId: row.assigneeId,
    botTurns: row.botTurns,
    awaitingFirstResponse: row.status === 'open' && row.firstResponseAt === null,
    excludedAgentIds: row.excludedAgentIds,
    snoozedUntil: row.snoozedUntil ? row.snoozedUntil.toISOString() : null,
    assignedAt: row.assigneeId ? new Date().toISOString() : null,
    lastActivityAt: row.lastActivityAt.toISOString(),
    hadHuman: row.status !== 'bot' || row.assigneeId !== null,
  };
}
