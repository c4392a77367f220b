import type { DataSource, EntityManager } from 'typeorm';
import { MessageEntity } from '../entities';
import type { Channel } from '../../domain/channel';
import type { AuthorKind, Citation, DeliveryStatus, MessageDirection } from '../../domain/message';

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
}

export interface RecordedMessage {
  message: MessageEntity;
  /** false when a message with the same (tenant, channel, externalId) was already stored. */
  created: boolean;
}

export class MessageRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Stores a message once per (tenant, channel, externalId); a retry returns the stored row. */
  async record(tenantId: string, input: NewMessage): Promise<RecordedMessage> {
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({
        tenantId,
        conversationId: input.conversationId,
        customerId: input.customerId,
        direction: input.direction,
        authorKind: input.authorKind,
        authorAgentId: input.authorAgentId ?? null,
        channel: input.channel,
        body: input.body,
        externalId: input.externalId,
        deliveryStatus: input.deliveryStatus,
        citations: input.citations ?? [],
        confidence: input.confidence ?? null,
      })
      .orIgnore()
      .returning('id')
      .execute();
    const created = inserted.raw.length > 0;
    const message = await this.db.getRepository(MessageEntity).findOneByOrFail({
      tenantId,
      channel: input.channel,
      externalId: input.externalId,
    });
    return { message, created };
  }

  findById(tenantId: string, id: string): Promise<MessageEntity | null> {
    return this.db.getRepository(MessageEntity).findOneBy({ tenantId, id });
  }

  /** Messages of one customer's conversations after a stream position, oldest first. */
  listForCustomerAfter(tenantId: string, customerId: string, afterSeq: string, limit = 200): Promise<MessageEntity[]> {
    return this.db
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .where('m.tenant_id = :tenantId AND m.customer_id = :customerId AND m.seq > :afterSeq', {
        tenantId,
        customerId,
        afterSeq,
      })
      .orderBy('m.seq', 'ASC')
      .limit(limit)
      .getMany();
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

  async setDeliveryStatus(tenantId: string, id: string, deliveryStatus: DeliveryStatus): Promise<void> {
    await this.db.getRepository(MessageEntity).update({ tenantId, id }, { deliveryStatus });
  }
}
