import type { DataSource, EntityManager } from 'typeorm';
import type { CursorPosition } from '../platform/listen/stream-cursor';
import { positionsWithUnsent } from '../platform/listen/positions-with-unsent';

/** One row of conversation_events as feeds read it; `id` is the bigserial as a string (it can pass 2^53). */
export interface FeedEvent {
  id: string;
  conversationId: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** A tenant feed's event with who holds its conversation now, for the conversation permissions. */
export interface HeldFeedEvent extends FeedEvent {
  holding: { teamId: string | null; assigneeId: string | null };
}

/** Where a tenant's live event stream stands (see StreamCursor): events above `after` not in `sent` are due. */
export interface EventStreamPosition extends CursorPosition {
  tenantId: string;
  /** null: every type. */
  types: readonly string[] | null;
}

interface FeedEventRow {
  id: string;
  conversation_id: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
  created_at: Date;
}

interface HeldFeedEventRow extends FeedEventRow {
  team_id: string | null;
  assignee_id: string | null;
}

/** Read as `e`; ORDER BY must name e.id, since a bare `id` would mean the text output column and sort '10' < '9'. */
const COLUMNS = 'e.id::text AS id, e.conversation_id, e.type, e.actor, e.data, e.created_at';

/** Reads of conversation_events as feeds: a tenant's events after a cursor, and one conversation's newest events. */
export class ConversationEventFeedRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * A tenant's events with id greater than `after`, oldest first, optionally of some types only, each with its
   * conversation's team and assignee as they are now (read in the same statement, so a stream can apply the
   * visibility rules without a query per event).
   */
  async listForTenantAfter(
    tenantId: string,
    after: string,
    types: readonly string[] | null,
    limit: number,
  ): Promise<HeldFeedEvent[]> {
    const rows: HeldFeedEventRow[] = await this.db.query(
      `SELECT ${COLUMNS}, c.team_id, c.assignee_id FROM conversation_events e
       JOIN conversations c ON c.tenant_id = e.tenant_id AND c.id = e.conversation_id
       WHERE e.tenant_id = $1 AND e.id > $2::bigint AND ($3::text[] IS NULL OR e.type = ANY($3::text[]))
       ORDER BY e.id ASC LIMIT $4`,
      [tenantId, after, types, limit],
    );
    return rows.map((row) => ({
      ...toFeedEvent(row),
      holding: { teamId: row.team_id, assigneeId: row.assignee_id },
    }));
  }

  /** The id of the tenant's newest event ('0' when none): where a stream that asked for nothing old starts. */
  async maxIdForTenant(tenantId: string): Promise<string> {
    const rows: { id: string | null }[] = await this.db.query(
      'SELECT max(id)::text AS id FROM conversation_events WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0]?.id ?? '0';
  }

  /**
   * Which of these stream positions (their indexes) have an event they have not sent yet, asked for every stream in
   * one statement. Each position is matched within its own tenant only.
   */
  positionsWithUnsent(positions: readonly EventStreamPosition[]): Promise<number[]> {
    return positionsWithUnsent(
      this.db,
      positions.map(({ tenantId, after, sent, types }) => ({ tenant_id: tenantId, after, sent, types })),
      'tenant_id uuid, after bigint, sent bigint[], types text[]',
      `SELECT 1 FROM conversation_events e
       WHERE e.tenant_id = s.tenant_id AND e.id > s.after AND e.id <> ALL (s.sent)
         AND (s.types IS NULL OR e.type = ANY (s.types))`,
    );
  }

  /** A conversation's events of the given types, newest first. */
  async listForConversation(
    tenantId: string,
    conversationId: string,
    types: readonly string[],
    limit: number,
  ): Promise<FeedEvent[]> {
    const rows: FeedEventRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM conversation_events e
       WHERE e.tenant_id = $1 AND e.conversation_id = $2 AND e.type = ANY($3::text[])
       ORDER BY e.id DESC LIMIT $4`,
      [tenantId, conversationId, types, limit],
    );
    return rows.map(toFeedEvent);
  }
}

function toFeedEvent(row: FeedEventRow): FeedEvent {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    type: row.type,
    actor: row.actor,
    data: row.data,
    createdAt: row.created_at,
  };
}
