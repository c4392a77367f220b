import type { DataSource, EntityManager } from 'typeorm';
import {
  CAPACITY_POLICY,
  decideAssignments,
  type AssignmentDecision,
  type CandidateAgent,
  type WaitingConversation,
} from '../../assignment/capacity-policy';
import type { ChannelCapacity } from '../../domain/agent';
import type { Channel } from '../../domain/channel';
import { raisePriority, type Priority } from '../../domain/conversation-status';

const QUEUE_BATCH = 1000;

export interface ReleaseOptions {
  reason: string;
  /** Keep this agent from getting the conversation back. */
  excludeAgentId?: string;
  raisePriority?: boolean;
}

/**
 * The assignment queue in PostgreSQL. Every change to who holds what runs under one per-tenant advisory lock, and
 * loads are counted from the conversations table inside that lock, so concurrent escalations can never push an
 * agent over capacity and no counter can drift.
 */
export class AssignmentQueueRepository {
  constructor(private readonly db: DataSource) {}

  /** Assigns every waiting conversation that some agent has room for, oldest (by priority) first. */
  drain(tenantId: string): Promise<AssignmentDecision[]> {
    return this.db.transaction(async (tx) => {
      await lockTenant(tx, tenantId);
      const queue = await this.waiting(tx, tenantId);
      if (queue.length === 0) {
        return [];
      }
      const agents = await this.onlineAgents(tx, tenantId);
      const decisions = decideAssignments(queue, agents, Date.now());
      await this.persist(tx, tenantId, decisions);
      return decisions;
    });
  }

  async assigneeOf(tenantId: string, conversationId: string): Promise<string | null> {
    const [row]: { assignee_id: string | null }[] = await this.db.query(
      `SELECT assignee_id FROM conversations WHERE tenant_id = $1 AND id = $2`,
      [tenantId, conversationId],
    );
    return row?.assignee_id ?? null;
  }

  /** A person's choice: may exceed capacity. agentId null unassigns and puts the conversation back in the queue. */
  assignManually(
    tenantId: string,
    conversationId: string,
    agentId: string | null,
    actor: string,
    reason: string,
    /** An agent handing a conversation back is not given it again by the queue. */
    excludeAgentId: string | null = null,
  ): Promise<void> {
    return this.db.transaction(async (tx) => {
      await lockTenant(tx, tenantId);
      await endCurrentAssignment(tx, tenantId, conversationId, agentId ? 'transferred' : 'unassigned');
      await tx.query(
        `UPDATE conversations SET assignee_id = $3, status = 'open',
                queued_at = CASE WHEN $3::uuid IS NULL THEN now() ELSE NULL END, updated_at = now(),
                excluded_agent_ids = CASE WHEN $4::uuid IS NULL OR $4::uuid = ANY(excluded_agent_ids)
                                          THEN excluded_agent_ids ELSE array_append(excluded_agent_ids, $4::uuid) END
         WHERE tenant_id = $1 AND id = $2`,
        [tenantId, conversationId, agentId, excludeAgentId],
      );
      if (agentId) {
        await tx.query(
          `INSERT INTO assignments (tenant_id, conversation_id, agent_id, assigned_by, policy, reason, created_at)
           VALUES ($1, $2, $3, $4, 'manual', $5, clock_timestamp())`,
          [tenantId, conversationId, agentId, actor, reason],
        );
      }
    });
  }

  /** Takes a conversation away from its assignee and back into the queue (e.g. first-response target missed). */
  release(tenantId: string, conversationId: string, options: ReleaseOptions): Promise<Priority> {
    return this.db.transaction(async (tx) => {
      await lockTenant(tx, tenantId);
      const [row]: { priority: Priority }[] = await tx.query(
        `SELECT priority FROM conversations WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [tenantId, conversationId],
      );
      const priority = options.raisePriority ? raisePriority(row.priority) : row.priority;
      await endCurrentAssignment(tx, tenantId, conversationId, options.reason);
      await tx.query(
        `UPDATE conversations
         SET assignee_id = NULL, queued_at = now(), priority = $3, updated_at = now(),
             excluded_agent_ids = CASE WHEN $4::uuid IS NULL OR $4::uuid = ANY(excluded_agent_ids)
                                       THEN excluded_agent_ids ELSE array_append(excluded_agent_ids, $4::uuid) END
         WHERE tenant_id = $1 AND id = $2`,
        [tenantId, conversationId, priority, options.excludeAgentId ?? null],
      );
      return priority;
    });
  }

  private async waiting(tx: EntityManager, tenantId: string): Promise<WaitingConversation[]> {
    const rows: { id: string; workflow_id: string; channel: Channel; excluded_agent_ids: string[] }[] = await tx.query(
      `SELECT id, workflow_id, channel, excluded_agent_ids
       FROM conversations
       WHERE tenant_id = $1 AND status = 'open' AND assignee_id IS NULL AND queued_at IS NOT NULL
       ORDER BY CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END DESC,
                queued_at ASC, id ASC
       LIMIT ${QUEUE_BATCH}`,
      [tenantId],
    );
    return rows.map((row) => ({
      id: row.id,
      workflowId: row.workflow_id,
      channel: row.channel,
      excludedAgentIds: row.excluded_agent_ids,
    }));
  }

  private async onlineAgents(tx: EntityManager, tenantId: string): Promise<CandidateAgent[]> {
    const rows: {
      id: string;
      channels: Channel[];
      capacity: ChannelCapacity;
      last_assigned_at: Date | null;
      active: Partial<Record<Channel, number>> | null;
    }[] = await tx.query(
      `SELECT a.id, a.channels, a.capacity, a.last_assigned_at, loads.active
       FROM agents a
       LEFT JOIN LATERAL (
         SELECT jsonb_object_agg(channel, n) AS active FROM (
           SELECT c.channel, count(*)::int AS n FROM conversations c
           WHERE c.tenant_id = a.tenant_id AND c.assignee_id = a.id AND c.status = 'open'
           GROUP BY c.channel
         ) per_channel
       ) loads ON true
       WHERE a.tenant_id = $1 AND a.active AND a.status = 'online'`,
      [tenantId],
    );
    return rows.map((row) => ({
      id: row.id,
      channels: row.channels,
      capacity: row.capacity,
      active: { chat: row.active?.chat ?? 0, email: row.active?.email ?? 0, sms: row.active?.sms ?? 0 },
      lastAssignedAt: row.last_assigned_at ? row.last_assigned_at.getTime() : 0,
    }));
  }

  private async persist(tx: EntityManager, tenantId: string, decisions: AssignmentDecision[]): Promise<void> {
    if (decisions.length === 0) {
      return;
    }
    const conversationIds = decisions.map((d) => d.conversationId);
    const agentIds = decisions.map((d) => d.agentId);
    const reasons = decisions.map((d) => d.reason);
    const details = decisions.map((d) =>
      JSON.stringify({ agentId: d.agentId, policy: CAPACITY_POLICY, reason: d.reason, candidates: d.candidates }),
    );
    await tx.query(
      `UPDATE conversations c SET assignee_id = d.agent_id, queued_at = NULL, updated_at = now()
       FROM unnest($2::uuid[], $3::uuid[]) AS d(conversation_id, agent_id)
       WHERE c.tenant_id = $1 AND c.id = d.conversation_id`,
      [tenantId, conversationIds, agentIds],
    );
    await tx.query(
      `INSERT INTO assignments (tenant_id, conversation_id, agent_id, assigned_by, policy, reason, created_at)
       SELECT $1, d.conversation_id, d.agent_id, 'assignment-queue', $5, d.reason, clock_timestamp()
       FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS d(conversation_id, agent_id, reason)`,
      [tenantId, conversationIds, agentIds, reasons, CAPACITY_POLICY],
    );
    await tx.query(
      `INSERT INTO conversation_events (tenant_id, conversation_id, type, actor, data)
       SELECT $1, d.conversation_id, 'assigned', 'assignment-queue', d.data
       FROM unnest($2::uuid[], $3::jsonb[]) AS d(conversation_id, data)`,
      [tenantId, conversationIds, details],
    );
    // Later decisions in the batch count as more recent, so ties keep rotating across batches.
    await tx.query(
      `UPDATE agents a SET last_assigned_at = now() + (d.ordinal * interval '1 microsecond')
       FROM unnest($2::uuid[]) WITH ORDINALITY AS d(agent_id, ordinal)
       WHERE a.tenant_id = $1 AND a.id = d.agent_id`,
      [tenantId, agentIds],
    );
  }
}

/**
 * Assignment history uses clock_timestamp(), not now(): now() is when a transaction began, possibly before it waited
 * for the tenant lock, which would date a claim before the release that made room for it.
 */
async function lockTenant(tx: EntityManager, tenantId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`assignment:${tenantId}`]);
}

async function endCurrentAssignment(tx: EntityManager, tenantId: string, conversationId: string, reason: string) {
  await tx.query(
    `UPDATE assignments SET ended_at = clock_timestamp(), end_reason = $3
     WHERE tenant_id = $1 AND conversation_id = $2 AND ended_at IS NULL`,
    [tenantId, conversationId, reason],
  );
}
