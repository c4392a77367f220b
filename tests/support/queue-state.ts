import type { DataSource } from 'typeorm';

export interface QueueState {
  open: number;
  assigned: number;
  /** In the queue: open, unassigned and queued (routing queues a conversation once it has placed it). */
  waiting: number;
}

/** A tenant's open conversations: how many are assigned and how many wait in the queue. */
export async function queueState(dataSource: DataSource, tenantId: string): Promise<QueueState> {
  const [row]: QueueState[] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE status = 'open')::int AS open,
            count(*) FILTER (WHERE status = 'open' AND assignee_id IS NOT NULL)::int AS assigned,
            count(*) FILTER (WHERE status = 'open' AND assignee_id IS NULL AND queued_at IS NOT NULL)::int AS waiting
     FROM conversations WHERE tenant_id = $1`,
    [tenantId],
  );
  return row;
}
