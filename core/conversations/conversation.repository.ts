import type { DataSource, EntityManager } from 'typeorm';
import { ConversationEntity } from './conversation.entity';
import type { Channel } from '../channels/channel';
import type { ConversationStatus, Priority } from './conversation-status';
import type { ConversationState } from './conversation-state';
import { rowMapper } from '../platform/db/row-mapper';

export interface NewConversation {
  id: string;
  customerId: string;
  channel: Channel;
  subject?: string | null;
  workflowId: string;
}

const CONVERSATION_COLUMNS = `id, tenant_id, customer_id, channel, status, priority, topic_tags, subject, team_id,
  assignee_id, workflow_id, bot_turns, queued_at, excluded_agent_ids, snoozed_until, last_activity_at, created_at,
  first_response_at, resolved_at, updated_at`;

interface ConversationRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  topic_tags: string[];
  subject: string | null;
  team_id: string | null;
  assignee_id: string | null;
  workflow_id: string;
  bot_turns: number;
  queued_at: Date | null;
  excluded_agent_ids: string[];
  snoozed_until: Date | null;
  last_activity_at: Date;
  created_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  updated_at: Date;
}

/** The entity TypeORM would hydrate from the same row (arrays and timestamps as pg parses them). */
const toConversationEntity = rowMapper<ConversationRow, ConversationEntity>(ConversationEntity, CONVERSATION_COLUMNS);

export class ConversationRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findById(tenantId: string, id: string): Promise<ConversationEntity | null> {
    return this.db.getRepository(ConversationEntity).findOneBy({ tenantId, id });
  }

  async create(tenantId: string, input: NewConversation): Promise<ConversationEntity> {
    const repository = this.db.getRepository(ConversationEntity);
    await repository.insert({
      id: input.id,
      tenantId,
      customerId: input.customerId,
      channel: input.channel,
      subject: input.subject ?? null,
      workflowId: input.workflowId,
      status: 'bot',
      priority: 'normal',
      topicTags: [],
      botTurns: 0,
      excludedAgentIds: [],
    });
    return repository.findOneByOrFail({ tenantId, id: input.id });
  }

  /** The newest conversation of a customer on a channel, whatever its status (every inbound message asks). */
  async findLatestForCustomer(
    tenantId: string,
    customerId: string,
    channel: Channel,
  ): Promise<ConversationEntity | null> {
    const rows: ConversationRow[] = await this.db.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations
       WHERE tenant_id = $1 AND customer_id = $2 AND channel = $3
       ORDER BY created_at DESC LIMIT 1`,
      [tenantId, customerId, channel],
    );
    return rows.length > 0 ? toConversationEntity(rows[0]) : null;
  }

  /**
   * Serialises opening conversations for one customer until the transaction ends (a transaction-scoped advisory
   * lock), so two concurrent first messages open one conversation; meaningful only on a transaction's manager.
   */
  async lockCustomerForOpening(customerId: string): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [customerId]);
  }

  listForCustomer(tenantId: string, customerId: string): Promise<ConversationEntity[]> {
    return this.db.getRepository(ConversationEntity).find({
      where: { tenantId, customerId },
      order: { createdAt: 'ASC' },
    });
  }
}

/**
 * The workflow's view of a stored conversation, used to start or restart its workflow.
 * The row does not keep when the assignee got it, so a restarted workflow restarts the first-response clock.
 */
export function toConversationState(row: ConversationEntity): ConversationState {
  return {
    status: row.status,
    priority: row.priority,
    assigneeId: row.assigneeId,
    botTurns: row.botTurns,
    awaitingFirstResponse: row.status === 'open' && row.firstResponseAt === null,
    excludedAgentIds: row.excludedAgentIds,
    snoozedUntil: row.snoozedUntil ? row.snoozedUntil.toISOString() : null,
    assignedAt: row.assigneeId ? new Date().toISOString() : null,
    lastActivityAt: row.lastActivityAt.toISOString(),
    hadHuman: row.status !== 'bot' || row.assigneeId !== null,
    triaged: row.triagedAt !== null,
    topic: row.topic,
    teamId: row.teamId,
    sla:
      row.slaPolicyId && row.slaBreachActions
        ? {
            policyId: row.slaPolicyId,
            firstResponseDueAt: row.firstResponseDueAt?.toISOString() ?? null,
            nextResponseDueAt: row.nextResponseDueAt?.toISOString() ?? null,
            resolutionDueAt: row.resolutionDueAt?.toISOString() ?? null,
            breachActions: row.slaBreachActions,
          }
        : null,
    skillRelaxAt: null,
  };
}
