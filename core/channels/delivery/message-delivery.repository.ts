import type { DataSource, EntityManager } from 'typeorm';
import type { Channel } from '../channel';
import type { DeliveryReceipt, OutboundMessage, SentMessage } from '../channel-adapter';
import { isFailedDeliveryStatus, type FailedDeliveryStatus, type OutboundDeliveryStatus } from '../delivery-status';
import { foldDeliveryReports, type DeliveryOutcome } from './delivery-outcome';
import { ConversationEventRepository } from '../../conversations/conversation-event.repository';
import type { Citation } from '../../conversations/message';

/** An outbound message as the delivery step reads it: what to send, to whom, and where it stands. */
export interface PendingDelivery extends OutboundMessage, DeliveryOutcome {
  channel: Channel;
  /** Set once a vendor accepted the message (its status may still be `queued` at the vendor). */
  providerMessageId: string | null;
}

interface LockedMessage {
  id: string;
  tenant_id: string;
  conversation_id: string;
  channel: Channel;
  provider: string | null;
  provider_message_id: string | null;
  delivery_status: OutboundDeliveryStatus;
  delivery_failure_reason: string | null;
}

/**
 * Outbound delivery state: the message's status, its vendor id, and the vendor's status reports (receipts). A
 * receipt is kept even when it names a message not yet known (a vendor can report before its send call returns),
 * and every change folds the stored receipts into the message, so duplicates and any order end in the same status.
 * A message that ends failed logs `delivery_failed` once, which the agents' event stream carries.
 */
export class MessageDeliveryRepository {
  constructor(private readonly db: DataSource) {}

  async findPending(tenantId: string, messageId: string): Promise<PendingDelivery | null> {
    const rows: {
      id: string;
      conversation_id: string;
      channel: Channel;
      author_kind: OutboundMessage['authorKind'];
      body: string;
      citations: Citation[];
      delivery_status: OutboundDeliveryStatus;
      delivery_failure_reason: string | null;
      provider_message_id: string | null;
      recipient: string | null;
      subject: string | null;
    }[] = await this.db.query(
      `SELECT m.id, m.conversation_id, m.channel, m.author_kind, m.body, m.citations, m.delivery_status,
              m.delivery_failure_reason, m.provider_message_id, latest.sender_address AS recipient, latest.envelope->>'subject' AS subject
       FROM messages m
       LEFT JOIN LATERAL (
         SELECT i.sender_address, i.envelope FROM messages i
         WHERE i.tenant_id = m.tenant_id AND i.conversation_id = m.conversation_id AND i.direction = 'inbound'
           AND i.sender_address IS NOT NULL
         ORDER BY i.seq DESC LIMIT 1
       ) latest ON true
       WHERE m.tenant_id = $1 AND m.id = $2 AND m.direction = 'outbound'`,
      [tenantId, messageId],
    );
    const row = rows[0];
    if (!row) {
      return null;
    }
    return {
      tenantId,
      conversationId: row.conversation_id,
      messageId: row.id,
      channel: row.channel,
      authorKind: row.author_kind,
      body: row.body,
      citations: row.citations,
      recipientAddress: row.recipient,
      subject: row.subject,
      status: row.delivery_status,
      failureReason: row.delivery_failure_reason,
      providerMessageId: row.provider_message_id,
    };
  }

  /**
   * Delivery of a message whose channel sends by storing (chat), in one statement: a queued outbound message of
   * that channel in this conversation, with no vendor id and no receipt for it yet, is confirmed under its own id
   * as `sent` (what the adapter's send would answer, recorded as recordSent would). Null when the message is not
   * such a one; the caller then takes the general path, which reads it first.
   */
  async confirmSentByStoring(
    request: { tenantId: string; conversationId: string; messageId: string },
    adapter: { channel: Channel; provider: string },
  ): Promise<DeliveryOutcome | null> {
    const rows: { delivery_status: OutboundDeliveryStatus }[] = await this.db.query(
      `WITH updated AS (
         UPDATE messages m SET provider = $5, provider_message_id = m.id::text, delivery_status = 'sent',
                delivery_status_at = now()
         WHERE m.tenant_id = $1 AND m.id = $2 AND m.conversation_id = $3 AND m.channel = $4
           AND m.direction = 'outbound' AND m.delivery_status = 'queued' AND m.provider_message_id IS NULL
           AND NOT EXISTS (
             SELECT 1 FROM delivery_receipts r
             WHERE r.tenant_id = $1 AND r.channel = m.channel AND r.provider = $5 AND r.provider_message_id = m.id::text
           )
         RETURNING m.delivery_status
       )
       SELECT delivery_status FROM updated`,
      [request.tenantId, request.messageId, request.conversationId, adapter.channel, adapter.provider],
    );
    return rows.length > 0 ? { status: rows[0].delivery_status, failureReason: null } : null;
  }

  /** The vendor accepted the message: its id is kept, and receipts that arrived before it are applied. */
  async recordSent(tenantId: string, messageId: string, provider: string, sent: SentMessage): Promise<DeliveryOutcome> {
    if (!isFailedDeliveryStatus(sent.status)) {
      // The common case in one statement (every chat reply takes it): still queued, and no receipt arrived early.
      const rows: { delivery_status: OutboundDeliveryStatus }[] = await this.db.query(
        `WITH updated AS (
           UPDATE messages m SET provider = $3, provider_message_id = $4, delivery_status = $5,
                  delivery_status_at = now()
         WHERE m.tenant_id = $1 AND m.id = $2 AND m.direction = 'outbound' AND m.delivery_status = 'queued'
           AND NOT EXISTS (
             SELECT 1 FROM delivery_receipts r
             WHERE r.tenant_id = $1 AND r.channel = m.channel AND r.provider = $3 AND r.provider_message_id = $4
           )
           RETURNING m.delivery_status
         )
         SELECT delivery_status FROM updated`,
        [tenantId, messageId, provider, sent.providerMessageId, sent.status],
      );
      if (rows.length > 0) {
        return { status: rows[0].delivery_status, failureReason: null };
      }
    }
    return this.db.transaction(async (tx) => {
      const message = await lockById(tx, tenantId, messageId);
      await tx.query(`UPDATE messages SET provider = $3, provider_message_id = $4 WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        messageId,
        provider,
        sent.providerMessageId,
      ]);
      const located = { ...message, provider, provider_message_id: sent.providerMessageId };
      return settle(tx, located, [{ status: sent.status, reason: null }]);
    });
  }

  /** The message did not go out: refused by the vendor, or its attempts ran out. */
  recordFailed(
    tenantId: string,
    messageId: string,
    status: FailedDeliveryStatus,
    reason: string,
  ): Promise<DeliveryOutcome> {
    return this.db.transaction(async (tx) => settle(tx, await lockById(tx, tenantId, messageId), [{ status, reason }]));
  }

  /**
   * Stores a vendor's status reports for one tenant's inbox and applies each to the tenant's message it names, if
   * that message is known yet. Returns how many named a known message.
   */
  async recordReceipts(
    tenantId: string,
    channel: Channel,
    provider: string,
    receipts: readonly DeliveryReceipt[],
  ): Promise<number> {
    let applied = 0;
    for (const receipt of receipts) {
      const found = await this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO delivery_receipts (tenant_id, channel, provider, provider_message_id, status, reason, occurred_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [tenantId, channel, provider, receipt.providerMessageId, receipt.status, receipt.reason, receipt.occurredAt],
        );
        const rows: LockedMessage[] = await tx.query(
          `SELECT ${LOCKED_COLUMNS} FROM messages
           WHERE tenant_id = $1 AND channel = $2 AND provider = $3 AND provider_message_id = $4
             AND direction = 'outbound'
           FOR UPDATE`,
          [tenantId, channel, provider, receipt.providerMessageId],
        );
        if (rows.length === 0) {
          return false;
        }
        await settle(tx, rows[0], []);
        return true;
      });
      applied += found ? 1 : 0;
    }
    return applied;
  }
}

const LOCKED_COLUMNS = `id, tenant_id, conversation_id, channel, provider, provider_message_id, delivery_status,
  delivery_failure_reason`;

async function lockById(tx: EntityManager, tenantId: string, messageId: string): Promise<LockedMessage> {
  const rows: LockedMessage[] = await tx.query(
    `SELECT ${LOCKED_COLUMNS} FROM messages WHERE tenant_id = $1 AND id = $2 AND direction = 'outbound' FOR UPDATE`,
    [tenantId, messageId],
  );
  if (rows.length === 0) {
    throw new Error(`No outbound message ${messageId}`);
  }
  return rows[0];
}

/** Folds these reports and every stored receipt for the message into its status; logs a new failure once. */
async function settle(
  tx: EntityManager,
  message: LockedMessage,
  reports: { status: OutboundDeliveryStatus; reason: string | null }[],
): Promise<DeliveryOutcome> {
  const stored: { status: OutboundDeliveryStatus; reason: string | null }[] = message.provider_message_id
    ? await tx.query(
        `SELECT status, reason FROM delivery_receipts
         WHERE tenant_id = $1 AND channel = $2 AND provider = $3 AND provider_message_id = $4 ORDER BY id`,
        [message.tenant_id, message.channel, message.provider, message.provider_message_id],
      )
    : [];
  const before: DeliveryOutcome = { status: message.delivery_status, failureReason: message.delivery_failure_reason };
  const after = foldDeliveryReports(before, [...reports, ...stored]);
  if (after.status === before.status && after.failureReason === before.failureReason) {
    return after;
  }
  await tx.query(
    `UPDATE messages SET delivery_status = $3, delivery_failure_reason = $4, delivery_status_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [message.tenant_id, message.id, after.status, after.failureReason],
  );
  if (isFailedDeliveryStatus(after.status)) {
    await new ConversationEventRepository(tx).append(message.tenant_id, {
      conversationId: message.conversation_id,
      type: 'delivery_failed',
      actor: `channel:${message.channel}`,
      eventKey: `delivery_failed:${message.id}`,
      data: { messageId: message.id, status: after.status, reason: after.failureReason },
    });
  }
  return after;
}
