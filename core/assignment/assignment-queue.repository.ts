import type { DataSource, EntityManager } from 'typeorm';
import { skillRelaxAt } from './plan-assignments';
import type { AssignmentDecision, AssignmentPlan } from './assignment.types';
import { raisePriority, type Priority } from '../conversations/conversation-status';
import { loadAssignmentSettings } from './drain/assignment-snapshot';
import { DrainCoalescer } from './drain/drain-coalescer';
import { drainTenant, planTenant, type TenantDrainer } from './drain/drain-tenant';
import { lockTenant } from './drain/tenant-lock';

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

/**
 * The assignment queue in PostgreSQL. Every change to who holds what runs under one per-tenant advisory lock, and
 * loads are counted from the conversations table inside that lock, so concurrent escalations can never push an
 * agent over capacity and no counter can drift. The choice itself is the pure planner (core/assignment).
 */
export class AssignmentQueueRepository {
  private readonly coalescer: DrainCoalescer<AssignmentDecision>;

  /** `drainer` runs a drain somewhere else (the worker's drain thread); by default it runs here, on `db`. */
  constructor(
    private readonly db: DataSource,
    drainer: TenantDrainer = (tenantId) => drainTenant(db, tenantId),
  ) {
    this.coalescer = new DrainCoalescer(async (tenantId) => (await drainer(tenantId)).decisions);
  }

  /**
   * Assigns every waiting conversation some eligible agent has room for, in queue order, each by its team's
   * strategy; every decision is logged on its conversation with the candidates, their scores and the reason.
   * Concurrent calls for one tenant in this process are coalesced (see DrainCoalescer).
   */
  drain(tenantId: string): Promise<AssignmentDecision[]> {
    return this.coalescer.drain(tenantId);
  }

  /** What a drain would decide now, without assigning anything: answers "why is this still waiting?". */
  preview(tenantId: string): Promise<AssignmentPlan> {
    return planTenant(this.db, tenantId, false);
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

async function endCurrentAssignment(tx: EntityManager, tenantId: string, conversationId: string, reason: string) {
  await tx.query(
    `UPDATE assignments SET ended_at = clock_timestamp(), end_reason = $3
     WHERE tenant_id = $1 AND conversation_id = $2 AND ended_at IS NULL`,
    [tenantId, conversationId, reason],
  );
}
