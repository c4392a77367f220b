import type { DataSource, EntityManager } from 'typeorm';
import { hasUnstorableText, toStorableJson, toStorableText } from '../platform/db/storable-text';

export const FAILED_MESSAGE_STATUSES = ['failed', 'retried'] as const;
export type FailedMessageStatus = (typeof FAILED_MESSAGE_STATUSES)[number];

/** An inbound message as the workflow received it (see InboundMessage in workflows/conversation.definitions.ts). */
export interface FailedInboundMessage {
  externalId: string;
  body: string;
  receivedAt: string;
}

export interface NewFailedMessage {
  conversationId: string;
  message: FailedInboundMessage;
  /** The activity that failed, e.g. takeBotTurn. */
  step: string;
  errorType: string;
  reason: string;
  attempts: number;
}

/** A dead letter: an inbound message whose handling failed after its retries, kept so an admin can retry it. */
export interface FailedMessage {
  id: string;
  tenantId: string;
  conversationId: string;
  externalId: string;
  /** The message with every character PostgreSQL cannot store replaced by U+FFFD. */
  message: FailedInboundMessage;
  /** The message exactly as received, as JSON text (escapes keep NUL bytes and unpaired surrogates). */
  originalJson: string;
  sanitised: boolean;
  step: string;
  errorType: string;
  reason: string;
  attempts: number;
  failureCount: number;
  status: FailedMessageStatus;
  retryCount: number;
  retriedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface FailedMessageRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  external_id: string;
  payload: FailedInboundMessage;
  original_payload: string;
  step: string;
  error_type: string;
  reason: string;
  attempts: number;
  failure_count: number;
  status: FailedMessageStatus;
  retry_count: number;
  retried_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toFailedMessage = (row: FailedMessageRow): FailedMessage => ({
  id: row.id,
  tenantId: row.tenant_id,
  conversationId: row.conversation_id,
  externalId: row.external_id,
  message: row.payload,
  originalJson: row.original_payload,
  sanitised: Object.values(JSON.parse(row.original_payload) as FailedInboundMessage).some(
    (value) => typeof value === 'string' && hasUnstorableText(value),
  ),
  step: row.step,
  errorType: row.error_type,
  reason: row.reason,
  attempts: row.attempts,
  failureCount: row.failure_count,
  status: row.status,
  retryCount: row.retry_count,
  retriedAt: row.retried_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class FailedMessageRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Stores the dead letter, one per (conversation, external id): a later failure of the same message (a retry that
   * failed again) updates it with the new reason. Idempotent per delivery: a re-run of the same failed delivery
   * (same receivedAt) does not count twice.
   */
  async record(tenantId: string, failed: NewFailedMessage): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO failed_messages
         (tenant_id, conversation_id, external_id, payload, original_payload, delivery, step, error_type, reason, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id, conversation_id, external_id) DO UPDATE SET
         payload = EXCLUDED.payload, original_payload = EXCLUDED.original_payload, step = EXCLUDED.step,
         error_type = EXCLUDED.error_type, reason = EXCLUDED.reason, attempts = EXCLUDED.attempts, status = 'failed',
         failure_count = failed_messages.failure_count
           + CASE WHEN failed_messages.delivery = EXCLUDED.delivery THEN 0 ELSE 1 END,
         delivery = EXCLUDED.delivery, updated_at = now()
       RETURNING id`,
      [
        tenantId,
        failed.conversationId,
        toStorableText(failed.message.externalId),
        JSON.stringify(toStorableJson(failed.message)),
        // JSON escapes NUL and unpaired surrogates (\\u0000, \\ud800), so the exact original fits in a text column.
        JSON.stringify(failed.message),
        toStorableText(failed.message.receivedAt),
        toStorableText(failed.step),
        toStorableText(failed.errorType),
        toStorableText(failed.reason),
        failed.attempts,
      ],
    );
    return row.id;
  }

  async find(tenantId: string, id: string): Promise<FailedMessage | null> {
    const [row]: FailedMessageRow[] = await this.db.query(
      `SELECT * FROM failed_messages WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return row ? toFailedMessage(row) : null;
  }

  /** Newest first, one page. */
  async list(
    tenantId: string,
    page: { conversationId?: string; status?: FailedMessageStatus; limit: number; offset: number },
  ): Promise<FailedMessage[]> {
    const rows: FailedMessageRow[] = await this.db.query(
      `SELECT * FROM failed_messages
       WHERE tenant_id = $1 AND ($2::uuid IS NULL OR conversation_id = $2) AND ($3::text IS NULL OR status = $3)
       ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5`,
      [tenantId, page.conversationId ?? null, page.status ?? null, page.limit, page.offset],
    );
    return rows.map(toFailedMessage);
  }

  /** Marks the message re-delivered; false when it does not exist in this tenant. */
  async markRetried(tenantId: string, id: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected]: [unknown[], number] = await this.db.query(
      `UPDATE failed_messages SET status = 'retried', retried_at = now(), retry_count = retry_count + 1,
              updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return affected > 0;
  }

  /** Puts a message back to failed when its re-delivery did not reach the workflow. */
  async markFailed(tenantId: string, id: string): Promise<void> {
    await this.db.query(
      `UPDATE failed_messages SET status = 'failed', updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
  }
}
