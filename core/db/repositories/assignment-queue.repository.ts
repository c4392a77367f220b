import type { DataSource, EntityManager } from 'typeorm';
import { planAssignments, skillRelaxAt } from '../../assignment/plan-assignments';
import type { AssignmentDecision, AssignmentPlan } from '../../assignment/assignment.types';
import { raisePriority, type Priority } from '../../domain/conversation-status';
import {
  channelsWithRoom,
  hasPlaceableWork,
  loadAssignmentSettings,
  loadOnlineAgents,
  loadQueue,
} from './assignment/assignment-snapshot';
import { DrainCoalescer } from './assignment/drain-coalescer';
import { persistDecisions } from './assignment/persist-decisions';

export interface ReleaseOptions {
  reason: string;
  /** Keep this agent from getting the conversation back. */
  excludeAgentId?: string;
  raisePriority?: boolean;
}

export interface ReleasedConversation {
  agentId: string;
  agentStatus: string;
}

const EMPTY_PLAN: AssignmentPlan = { decisions: [], waiting: [] };

/**
 * Decisions saved per transaction. A drain placing hundreds (capacity raised in a busy queue) commits them in
 * batches, so the tenant lock is never held for long and other drains and manual assignments interleave.
 */
export const MAX_DECISIONS_PER_TRANSACTION = 100;

/**
 * The assignment queue in PostgreSQL. Every change to who holds what runs under one per-tenant advisory lock, and
 * loads are counted from the conversations table inside that lock, so concurrent escalations can never push an
 * agent over capacity and no counter can drift. The choice itself is the pure planner (core/assignment).
 */
export class AssignmentQueueRepository {
  private readonly coalescer = new DrainCoalescer<AssignmentDecision>((tenantId) => this.drainNow(tenantId));

  constructor(private readonly db: DataSource) {}

  /**
   * Assigns every waiting conversation some eligible agent has room for, in queue order, each by its team's
   * strategy; every decision is logged on its conversation with the candidates, their scores and the reason.
   * Concurrent calls for one tenant in this process are coalesced (see DrainCoalescer).
   */
  drain(tenantId: string): Promise<AssignmentDecision[]> {
    return this.coalescer.drain(tenantId);
  }

  private async drainNow(tenantId: string): Promise<AssignmentDecision[]> {
    if (!(await hasPlaceableWork(this.db, tenantId))) {
      return [];
    }
    const decisions: AssignmentDecision[] = [];
    for (;;) {
      const batch = (await this.plan(tenantId, true)).decisions;
      decisions.push(...batch);
      if (batch.length < MAX_DECISIONS_PER_TRANSACTION) {
        return decisions;
      }
    }
  }

  /** What a drain would decide now, without assigning anything: answers "why is this still waiting?". */
  preview(tenantId: string): Promise<AssignmentPlan> {
    return this.plan(tenantId, false);
  }

  private plan(tenantId: string, commit: boolean): Promise<AssignmentPlan> {
    return this.db.transaction(async (tx) => {
      if (commit) {
        await lockTenant(tx, tenantId);
      }
      const agents = await loadOnlineAgents(tx, tenantId);
      const channels = commit ? channelsWithRoom(agents) : (['chat', 'email', 'sms'] as const).slice();
      if (channels.length === 0) {
        return EMPTY_PLAN;
      }
      const queue = await loadQueue(tx, tenantId, channels);
      if (queue.length === 0) {
        return EMPTY_PLAN;
      }
      const settings = await loadAssignmentSettings(tx, tenantId);
      const plan = planAssignments({ queue, agents, ...settings, now: Date.now(), explainWaiting: !commit });
      if (!commit) {
        return plan;
      }
      const decisions = plan.decisions.slice(0, MAX_DECISIONS_PER_TRANSACTION);
      await persistDecisions(tx, tenantId, decisions);
      return { decisions, waiting: plan.waiting };
    });
  }

  /** When the skill strategy stops insisting on this queued conversation's optional skills (ISO), if ever. */
  async skillRelaxAt(tenantId: string, conversationId: string): Promise<string | null> {
    const [row]: { optional_skills: string[]; queued_at: Date | null; team_id: string | null }[] = await this.db.query(
      // Routing runs just before the conversation is queued, which then dates its wait from routed_at.
      `SELECT optional_skills, COALESCE(queued_at, routed_at) AS queued_at, team_id FROM conversations
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, conversationId],
    );
    if (!row?.queued_at || row.optional_skills.length === 0) {
      return null;
    }
    const { teams, tenantDefaultStrategy } = await loadAssignmentSettings(this.db.manager, tenantId);
    const team = row.team_id ? teams.get(row.team_id) : undefined;
    const at = skillRelaxAt(
      { optionalSkills: row.optional_skills, queuedAt: row.queued_at.getTime() },
      team,
      team?.strategy ?? tenantDefaultStrategy,
    );
    return at === null ? null : new Date(at).toISOString();
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
      return releaseLocked(tx, tenantId, conversationId, options);
    });
  }

  /**
   * Returns the conversation to the queue if its assignee has gone away, offline or been deactivated; the check
   * and the release happen under the tenant lock, so an agent coming back at that moment is seen either way.
   */
  releaseIfAssigneeUnavailable(
    tenantId: string,
    conversationId: string,
    reason: string,
  ): Promise<ReleasedConversation | null> {
    return this.db.transaction(async (tx) => {
      await lockTenant(tx, tenantId);
      const [row]: { agent_id: string; status: string; active: boolean }[] = await tx.query(
        `SELECT a.id AS agent_id, a.status, a.active FROM conversations c
         JOIN agents a ON a.tenant_id = c.tenant_id AND a.id = c.assignee_id
         WHERE c.tenant_id = $1 AND c.id = $2 AND c.status = 'open'`,
        [tenantId, conversationId],
      );
      if (!row || (row.active && row.status === 'online')) {
        return null;
      }
      const agentStatus = row.active ? row.status : 'deactivated';
      await releaseLocked(tx, tenantId, conversationId, { reason: `${reason}: assignee ${agentStatus}` });
      return { agentId: row.agent_id, agentStatus };
    });
  }
}

async function releaseLocked(
  tx: EntityManager,
  tenantId: string,
  conversationId: string,
  options: ReleaseOptions,
): Promise<Priority> {
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
