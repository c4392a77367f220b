import type { DataSource, EntityManager } from 'typeorm';
import { MessageEntity } from './message.entity';
import type { Channel } from '../channels/channel';
import type { InboundEnvelope } from '../channels/inbound-message';
import type { AuthorKind, Citation, DeliveryStatus, MessageDirection } from './message';
import type { CursorPosition } from '../platform/listen/stream-cursor';
import { rowMapper } from '../platform/db/row-mapper';
import { positionsWithUnsent } from '../platform/listen/positions-with-unsent';

export interface NewMessage {
  conversationId: string;
  customerId: string;
  direction: MessageDirection;
  authorKind: AuthorKind;
  authorAgentId?: string | null;
  channel: Channel;
  body: string;
  externalId: string;
  deliveryStatus: DeliveryStatus;
  citations?: Citation[];
  confidence?: number | null;
  /** What the channel told about an inbound message beyond its text (sender, subject, provider id, threading). */
  envelope?: InboundEnvelope;
}

/** A live stream's position in one customer's messages: it has sent everything above `after` listed in `sent`. */
export interface StreamPosition extends CursorPosition {
  tenantId: string;
  customerId: string;
}

export interface RecordedMessage {
  message: MessageEntity;
  /** false when a message with the same (tenant, channel, externalId) was already stored. */
  created: boolean;
}

/** Every column of a message, as the hot paths read them back without the query builder. */
const MESSAGE_COLUMNS = `id, seq, tenant_id, conversation_id, customer_id, direction, author_kind, author_agent_id, channel,
  body, external_id, delivery_status, citations, confidence, created_at, delivery_failure_reason, delivery_status_at,
  provider, provider_message_id, sender_address, envelope`;

interface MessageRow {
  id: string;
  seq: string;
  tenant_id: string;
  conversation_id: string;
  customer_id: string;
  direction: MessageDirection;
  author_kind: AuthorKind;
  author_agent_id: string | null;
  channel: Channel;
  body: string;
  external_id: string;
  delivery_status: DeliveryStatus;
  citations: Citation[];
  confidence: number | null;
  created_at: Date;
  delivery_failure_reason: string | null;
  delivery_status_at: Date | null;
  provider: string | null;
  provider_message_id: string | null;
  sender_address: string | null;
  envelope: InboundEnvelope;
}

/** The entity TypeORM would hydrate from the same row (bigint seq as text, jsonb parsed, timestamptz as Date). */
const toMessageEntity = rowMapper<MessageRow, MessageEntity>(MessageEntity, MESSAGE_COLUMNS);

/**
 * The INSERT of one message that skips a duplicate (tenant, channel, externalId), without RETURNING; its values are
 * appended to `params`. Exported so a statement that does more in the same round trip stores messages the same way.
 */
export function insertMessageSql(tenantId: string, input: NewMessage, params: unknown[]): string {
  const values = [
    tenantId,
    input.conversationId,
    input.customerId,
    input.direction,
    input.authorKind,
    input.authorAgentId ?? null,
    input.channel,
    input.body,
    input.externalId,
    input.deliveryStatus,
    JSON.stringify(input.citations ?? []),
    input.confidence ?? null,
  ];
  const envelope = input.envelope;
  if (envelope) {
    // Only channels other than chat carry an envelope; chat's hot path keeps its shorter statement.
    values.push(
      envelope.provider ?? null,
      envelope.providerMessageId ?? null,
      envelope.from?.address ?? null,
      JSON.stringify(envelope),
    );
  }
  const placeholders = values.map((value) => `$${params.push(value)}`);
  const envelopeColumns = envelope ? ', provider, provider_message_id, sender_address, envelope' : '';
  return `INSERT INTO messages (tenant_id, conversation_id, customer_id, direction, author_kind, author_agent_id,
            channel, body, external_id, delivery_status, citations, confidence${envelopeColumns})
          VALUES (${placeholders.join(', ')}) ON CONFLICT DO NOTHING`;
}

export class MessageRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Stores a message once per (tenant, channel, externalId); a retry returns the stored row. One round trip if new. */
  async record(tenantId: string, input: NewMessage): Promise<RecordedMessage> {
    const params: unknown[] = [];
    const inserted: MessageRow[] = await this.db.query(
      `${insertMessageSql(tenantId, input, params)} RETURNING ${MESSAGE_COLUMNS}`,
      params,
    );
    if (inserted.length > 0) {
      return { message: toMessageEntity(inserted[0]), created: true };
    }
    const message = await this.findByExternalId(tenantId, input.channel, input.externalId);
    if (!message) {
      throw new Error(`Message ${input.channel}:${input.externalId} was neither stored nor found`);
    }
    return { message, created: false };
  }

  async findByExternalId(tenantId: string, channel: Channel, externalId: string): Promise<MessageEntity | null> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE tenant_id = $1 AND channel = $2 AND external_id = $3`,
      [tenantId, channel, externalId],
    );
    return rows.length > 0 ? toMessageEntity(rows[0]) : null;
  }

  findById(tenantId: string, id: string): Promise<MessageEntity | null> {
    return this.db.getRepository(MessageEntity).findOneBy({ tenantId, id });
  }

  /** Messages of one customer's conversations after a stream position, oldest first (every live stream's read). */
  async listForCustomerAfter(
    tenantId: string,
    customerId: string,
    afterSeq: string,
    limit = 200,
  ): Promise<MessageEntity[]> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages
       WHERE tenant_id = $1 AND customer_id = $2 AND seq > $3
       ORDER BY seq ASC LIMIT $4`,
      [tenantId, customerId, afterSeq, limit],
    );
    return rows.map(toMessageEntity);
  }

  /**
   * Which of these stream positions (their indexes) have a message they have not sent yet: what each stream's own
   * read would find, asked for every stream in one statement. Each position is matched within its own tenant.
   */
  positionsWithUnsent(positions: StreamPosition[]): Promise<number[]> {
    return positionsWithUnsent(
      this.db,
      positions.map(({ tenantId, customerId, after, sent }) => ({
        tenant_id: tenantId,
        customer_id: customerId,
        after,
        sent,
      })),
      'tenant_id uuid, customer_id uuid, after bigint, sent bigint[]',
      `SELECT 1 FROM messages m
       WHERE m.tenant_id = s.tenant_id AND m.customer_id = s.customer_id AND m.seq > s.after AND m.seq <> ALL (s.sent)`,
    );
  }

  /** The stream position of a customer's newest message ('0' when there is none): where a live stream starts. */
  async maxSeqForCustomer(tenantId: string, customerId: string): Promise<string> {
    const rows: { seq: string | null }[] = await this.db.query(
      'SELECT max(seq)::text AS seq FROM messages WHERE tenant_id = $1 AND customer_id = $2',
      [tenantId, customerId],
    );
    return rows[0]?.seq ?? '0';
  }

  listForConversation(tenantId: string, conversationId: string): Promise<MessageEntity[]> {
    return this.db.getRepository(MessageEntity).find({
      where: { tenantId, conversationId },
      order: { seq: 'ASC' },
    });
  }

  /** A customer's whole history, every channel and conversation, AI turns included. */
  listForCustomer(tenantId: string, customerId: string): Promise<MessageEntity[]> {
    return this.db.getRepository(MessageEntity).find({
      where: { tenantId, customerId },
      order: { seq: 'ASC' },
    });
  }
}
