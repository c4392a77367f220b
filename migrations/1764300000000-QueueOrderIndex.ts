import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assignment queue in its serving order (priority, earliest SLA due time, time queued), so a drain reads the head
 * of a long queue from the index instead of sorting every waiting conversation while it holds the tenant lock. The
 * expressions match the ORDER BY of loadQueue (core/assignment/drain/assignment-snapshot.ts).
 */
export class QueueOrderIndex1764300000000 implements MigrationInterface {
  name = 'QueueOrderIndex1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX conversations_queue_order_idx ON conversations (
        tenant_id,
        (CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END) DESC,
        (LEAST(first_response_due_at, next_response_due_at, resolution_due_at)) ASC NULLS LAST,
        queued_at ASC,
        id ASC
      ) WHERE status = 'open' AND assignee_id IS NULL AND queued_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX conversations_queue_order_idx`);
  }
}
