import type { DataSource, EntityManager } from 'typeorm';
import type { ConversationStatus } from './conversation-status';

/** The status transitions the conversation workflow makes, written to the conversations row. */
export class ConversationLifecycleRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * The conversation enters the human inbox, queued unless someone already holds it. On escalation, routing ran
   * just before (`waitingSince: 'routing'`), so the wait is dated from routed_at: the moment the skill-relaxation
   * timer was set from.
   */
  async moveToInbox(tenantId: string, conversationId: string, waitingSince: 'routing' | 'now' = 'now'): Promise<void> {
    await this.db.query(
      `UPDATE conversations
       SET status = 'open', resolved_at = NULL, snoozed_until = NULL, updated_at = now(),
           queued_at = CASE WHEN assignee_id IS NOT NULL THEN NULL
                            ELSE COALESCE(queued_at, CASE WHEN $3 = 'routing' THEN routed_at END, now()) END
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, conversationId, waitingSince],
    );
  }

  /** A customer wrote back after resolution: back to the inbox, through the queue (capacity is re-checked). */
  async reopenToQueue(tenantId: string, conversationId: string): Promise<void> {
    await this.db.query(
      `UPDATE conversations
       SET status = 'open', assignee_id = NULL, queued_at = now(), resolved_at = NULL, snoozed_until = NULL,
           updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, conversationId],
    );
  }

  async recordAgentResponse(tenantId: string, conversationId: string): Promise<void> {
    await this.db.query(
      `UPDATE conversations
       SET first_response_at = COALESCE(first_response_at, now()), last_activity_at = now(), updated_at = now(),
           first_response_due_at = NULL, next_response_due_at = NULL
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, conversationId],
    );
  }

  async changeStatus(
    tenantId: string,
    conversationId: string,
    status: ConversationStatus,
    snoozedUntil: string | null,
  ): Promise<void> {
    switch (status) {
      case 'resolved':
        await this.db.transaction(async (db) => {
          await db.query(
            `UPDATE conversations SET status = 'resolved', resolved_at = now(), queued_at = NULL, snoozed_until = NULL,
                    excluded_agent_ids = '{}', first_response_due_at = NULL, next_response_due_at = NULL,
                    resolution_due_at = NULL, updated_at = now()
             WHERE tenant_id = $1 AND id = $2`,
            [tenantId, conversationId],
          );
          await db.query(
            `UPDATE assignments SET ended_at = clock_timestamp(), end_reason = 'resolved'
             WHERE tenant_id = $1 AND conversation_id = $2 AND ended_at IS NULL`,
            [tenantId, conversationId],
          );
        });
        return;
      case 'snoozed':
        await this.db.query(
          `UPDATE conversations SET status = 'snoozed', snoozed_until = $3, queued_at = NULL, updated_at = now()
           WHERE tenant_id = $1 AND id = $2`,
          [tenantId, conversationId, snoozedUntil],
        );
        return;
      case 'pending':
        // Waiting on the customer: out of the queue, off the assignee's load, and the next-response clock stops.
        await this.db.query(
          `UPDATE conversations SET status = 'pending', queued_at = NULL, next_response_due_at = NULL,
                  updated_at = now()
           WHERE tenant_id = $1 AND id = $2`,
          [tenantId, conversationId],
        );
        return;
      case 'open':
        await this.moveToInbox(tenantId, conversationId);
        return;
      case 'bot':
        await this.db.query(
          `UPDATE conversations SET status = 'bot', resolved_at = NULL, snoozed_until = NULL, bot_turns = 0,
                  updated_at = now()
           WHERE tenant_id = $1 AND id = $2`,
          [tenantId, conversationId],
        );
        return;
    }
  }
}
