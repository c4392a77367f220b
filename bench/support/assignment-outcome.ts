import type { DataSource } from 'typeorm';
import { assignmentSpans, overCapacity, peakConcurrentLoad } from '../../tests/support/peak-load';
import { queueState, type QueueState } from '../../tests/support/queue-state';
import type { AssignmentBenchTenant } from './assignment-tenant.seed';

export type { QueueState };

/** Polls the queue every 250 ms until `done` holds or `timeoutMs` passes; returns the last state either way. */
export async function waitForQueue(
  dataSource: DataSource,
  tenantId: string,
  done: (state: QueueState) => boolean,
  timeoutMs: number,
): Promise<{ state: QueueState; met: boolean }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const state = await queueState(dataSource, tenantId);
    if (done(state) || performance.now() > deadline) {
      return { state, met: done(state) };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface AssignmentWindow {
  decisions: number;
  seconds: number;
}

/**
 * Automatic assignments from `from` (a database instant) until `until`, and the time from `from` to the last of
 * them, on the database clock.
 */
export async function assignmentWindow(
  dataSource: DataSource,
  tenantId: string,
  from: Date,
  until: Date | null,
): Promise<AssignmentWindow> {
  const [row]: { decisions: number; seconds: number | null }[] = await dataSource.query(
    `SELECT count(*)::int AS decisions, extract(epoch FROM max(created_at) - $2::timestamptz)::float8 AS seconds
     FROM assignments
     WHERE tenant_id = $1 AND assigned_by = 'assignment-queue' AND created_at >= $2
       AND ($3::timestamptz IS NULL OR created_at < $3)`,
    [tenantId, from, until],
  );
  return { decisions: row.decisions, seconds: row.seconds ?? 0 };
}

/** When the first escalated conversation of the tenant was created (its first message was accepted). */
export async function firstConversationAt(dataSource: DataSource, tenantId: string): Promise<Date> {
  const [{ at }]: { at: Date }[] = await dataSource.query(
    `SELECT min(created_at) AS at FROM conversations WHERE tenant_id = $1`,
    [tenantId],
  );
  return at;
}

export async function databaseNow(dataSource: DataSource): Promise<Date> {
  const [{ now }]: { now: Date }[] = await dataSource.query(`SELECT clock_timestamp() AS now`);
  return now;
}

export interface AssignmentCorrectness {
  /** Agents whose peak load exceeded their capacity at the time (original before the raise, raised after). */
  overCapacity: number;
  /** Conversations requiring Spanish that were ever assigned to an agent without it. */
  skillViolations: number;
  /** Automatic assignments of a team's conversation to an agent outside that team. */
  teamViolations: number;
  /** Conversations with more than one open assignment. */
  doubleAssigned: number;
  /** Assignments that ended (first-response releases and the like): none are expected in a short run. */
  ended: number;
}

export async function checkAssignments(
  dataSource: DataSource,
  tenant: AssignmentBenchTenant,
  raisedAt: Date,
  raisedCapacity: number,
): Promise<AssignmentCorrectness> {
  const original = new Map(tenant.agents.map((agent) => [agent.id, agent.capacity]));
  const beforeRaise = overCapacity(
    peakConcurrentLoad(await assignmentSpans(dataSource, tenant.tenantId, raisedAt)),
    (agentId) => original.get(agentId) ?? 0,
  );
  const spans = await assignmentSpans(dataSource, tenant.tenantId);
  const overall = overCapacity(peakConcurrentLoad(spans), () => raisedCapacity);
  const [row]: { skill: number; team: number; doubled: number }[] = await dataSource.query(
    `SELECT
       (SELECT count(DISTINCT a.conversation_id) FROM assignments a
        JOIN conversations c ON c.tenant_id = a.tenant_id AND c.id = a.conversation_id
        WHERE a.tenant_id = $1 AND 'spanish' = ANY(c.required_skills) AND NOT a.agent_id = ANY($2::uuid[]))::int AS skill,
       (SELECT count(*) FROM assignments a
        JOIN conversations c ON c.tenant_id = a.tenant_id AND c.id = a.conversation_id
        WHERE a.tenant_id = $1 AND a.assigned_by = 'assignment-queue' AND c.team_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = c.team_id AND m.agent_id = a.agent_id))::int
         AS team,
       (SELECT count(*) FROM (SELECT conversation_id FROM assignments WHERE tenant_id = $1 AND ended_at IS NULL
                              GROUP BY conversation_id HAVING count(*) > 1) d)::int AS doubled`,
    [tenant.tenantId, tenant.teams.spanish],
  );
  return {
    overCapacity: new Set([...beforeRaise, ...overall].map((over) => over.agentId)).size,
    skillViolations: row.skill,
    teamViolations: row.team,
    doubleAssigned: row.doubled,
    ended: spans.filter((span) => span.until !== null).length,
  };
}
