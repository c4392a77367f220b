import type { DataSource, EntityManager } from 'typeorm';
import type { Citation } from './message';
import { insertMessageSql, type MessageRepository, type NewMessage } from './message.repository';

export interface BotReply {
  conversationId: string;
  customerId: string;
  channel: NewMessage['channel'];
  body: string;
  citations: Citation[];
  confidence: number;
  /** The customer message this answers; keys the reply and its event, so a retry stores neither twice. */
  inReplyToMessageId: string;
  botTurns: number;
  /** Logged with the `answered` event, next to the reply's id. */
  eventData: Record<string, unknown>;
}

/**
 * The conversation workflow's per-message writes, each ONE statement: one round trip on the hot path, and atomic,
 * so whoever sees a message also sees what came with it. The same idempotent inserts as MessageRepository.record
 * and ConversationEventRepository.append, composed in a WITH.
 */
export class ConversationTurnRepository {
  /** `messages` finds a customer message that was stored before (a duplicate or a retry). */
  constructor(
    private readonly db: DataSource | EntityManager,
    private readonly messages: Pick<MessageRepository, 'findByExternalId'>,
  ) {}

  /** Stores a customer's message once; only a new one marks the conversation active. */
  async recordCustomerMessage(tenantId: string, message: NewMessage): Promise<{ messageId: string; created: boolean }> {
    const params: unknown[] = [tenantId, message.conversationId];
    const rows: { id: string }[] = await this.db.query(
      `WITH inserted AS (${insertMessageSql(tenantId, message, params)} RETURNING id),
            touched AS (
              UPDATE conversations SET last_activity_at = now(), updated_at = now()
              WHERE tenant_id = $1 AND id = $2 AND EXISTS (SELECT 1 FROM inserted)
            )
       SELECT id FROM inserted`,
      params,
    );
    if (rows.length > 0) {
      return { messageId: rows[0].id, created: true };
    }
    const stored = await this.messages.findByExternalId(tenantId, message.channel, message.externalId);
    if (!stored) {
      throw new Error(`Message ${message.channel}:${message.externalId} was neither stored nor found`);
    }
    return { messageId: stored.id, created: false };
  }

  /** Counts the bot's turn, stores its reply once and logs `answered` once; returns the reply's id. */
  async recordBotReply(tenantId: string, reply: BotReply): Promise<string> {
    const externalId = `bot:${reply.inReplyToMessageId}`;
    const params: unknown[] = [
      tenantId,
      reply.conversationId,
      reply.botTurns,
      reply.channel,
      externalId,
      JSON.stringify(reply.eventData),
      `answered:${reply.inReplyToMessageId}`,
    ];
    const insertMessage = insertMessageSql(
      tenantId,
      {
        conversationId: reply.conversationId,
        customerId: reply.customerId,
        direction: 'outbound',
        authorKind: 'bot',
        channel: reply.channel,
        body: reply.body,
        externalId,
        deliveryStatus: 'queued',
        citations: reply.citations,
        confidence: reply.confidence,
      },
      params,
    );
    const rows: { id: string }[] = await this.db.query(
      `WITH turn AS (
              UPDATE conversations SET bot_turns = GREATEST(bot_turns, $3), last_activity_at = now(), updated_at = now()
              WHERE tenant_id = $1 AND id = $2
            ),
            inserted AS (${insertMessage} RETURNING id),
            reply AS (
              SELECT id FROM inserted
              UNION ALL
              SELECT id FROM messages
              WHERE tenant_id = $1 AND channel = $4 AND external_id = $5 AND NOT EXISTS (SELECT 1 FROM inserted)
            ),
            logged AS (
              INSERT INTO conversation_events (tenant_id, conversation_id, type, actor, data, event_key)
              SELECT $1, $2, 'answered', 'bot', $6::jsonb || jsonb_build_object('messageId', reply.id), $7 FROM reply
              ON CONFLICT (tenant_id, event_key) DO NOTHING
            )
       SELECT id FROM reply`,
      params,
    );
    if (rows.length === 0) {
      // Only when another attempt's INSERT of the same reply committed after this statement began: retry and find it.
      throw new Error(`Bot reply ${externalId} is being stored by a concurrent attempt; retry`);
    }
    return rows[0].id;
  }

  /**
   * Whether the bot already handled this customer message (replied, or handed off), the id of its reply if it
   * replied, and the conversation's bot turn count as stored: a turn whose result the workflow lost must still count.
   */
  async botHandled(
    tenantId: string,
    conversationId: string,
    channel: NewMessage['channel'],
    messageId: string,
  ): Promise<{ handled: boolean; botTurns: number; replyMessageId: string | null }> {
    const [row]: { reply_id: string | null; escalated: boolean; bot_turns: number }[] = await this.db.query(
      `SELECT (SELECT id FROM messages WHERE tenant_id = $1 AND channel = $2 AND external_id = $3) AS reply_id,
              EXISTS (SELECT 1 FROM conversation_events WHERE tenant_id = $1 AND event_key = $4) AS escalated,
              (SELECT bot_turns FROM conversations WHERE tenant_id = $1 AND id = $5) AS bot_turns`,
      [tenantId, channel, `bot:${messageId}`, `escalated:${messageId}`, conversationId],
    );
    return {
      handled: row.reply_id !== null || row.escalated,
      botTurns: row.bot_turns ?? 0,
      replyMessageId: row.reply_id,
    };
  }
}
