import type { DataSource, EntityManager } from 'typeorm';
import { ConversationEventEntity } from './conversation-event.entity';

export interface NewConversationEvent {
  conversationId: string;
  type: string;
  /** 'workflow', 'bot', 'agent:<id>', 'visitor', 'system'. */
  actor: string;
  data?: Record<string, unknown>;
  /** A retried write with the same key is stored once. */
  eventKey?: string;
}

export class ConversationEventRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async append(tenantId: string, event: NewConversationEvent): Promise<void> {
    await this.db.query(
      `INSERT INTO conversation_events (tenant_id, conversation_id, type, actor, data, event_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, event_key) DO NOTHING`,
      [
        tenantId,
        event.conversationId,
        event.type,
        event.actor,
        JSON.stringify(event.data ?? {}),
        event.eventKey ?? null,
      ],
    );
  }

  listForConversations(tenantId: string, conversationIds: string[]): Promise<ConversationEventEntity[]> {
    if (conversationIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.db
      .getRepository(ConversationEventEntity)
      .createQueryBuilder('e')
      .where('e.tenant_id = :tenantId AND e.conversation_id IN (:...conversationIds)', { tenantId, conversationIds })
      .orderBy('e.id', 'ASC')
      .getMany();
  }
}
