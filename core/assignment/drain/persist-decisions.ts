import type { SqlRunner } from '../../platform/db/sql-runner';
import type { AssignmentDecision } from '../assignment.types';

/**
 * Saves one batch of decisions in a single statement (the tenant lock is held meanwhile, so round trips count):
 * the claim, the assignment history, the explanation on each conversation's event log, and the rotation clocks.
 * Later decisions in the batch count as more recent, so ties keep rotating across batches. History uses
 * clock_timestamp(): now() is when the transaction began, possibly before it waited for the lock.
 */
export async function persistDecisions(
  tx: SqlRunner,
  tenantId: string,
  decisions: AssignmentDecision[],
): Promise<void> {
  if (decisions.length === 0) {
    return;
  }
  const details = decisions.map((d) =>
    JSON.stringify({
      agentId: d.agentId,
      policy: d.strategy,
      teamId: d.teamId,
      reason: d.reason,
      candidates: d.candidates,
      rejected: d.rejected,
    }),
  );
  await tx.query(
    `WITH d AS (
       SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::uuid[])
         WITH ORDINALITY AS d(conversation_id, agent_id, strategy, reason, data, team_id, ordinal)),
     claimed AS (
       UPDATE conversations c SET assignee_id = d.agent_id, queued_at = NULL, updated_at = now()
       FROM d WHERE c.tenant_id = $1 AND c.id = d.conversation_id),
     history AS (
       INSERT INTO assignments (tenant_id, conversation_id, agent_id, assigned_by, policy, reason, created_at)
       SELECT $1, d.conversation_id, d.agent_id, 'assignment-queue', d.strategy, d.reason, clock_timestamp() FROM d),
     explained AS (
       INSERT INTO conversation_events (tenant_id, conversation_id, type, actor, data)
       SELECT $1, d.conversation_id, 'assigned', 'assignment-queue', d.data FROM d),
     rotated AS (
       UPDATE agents a SET last_assigned_at = now() + (latest.ordinal * interval '1 microsecond')
       FROM (SELECT agent_id, max(ordinal) AS ordinal FROM d GROUP BY agent_id) latest
       WHERE a.tenant_id = $1 AND a.id = latest.agent_id),
     team_rotated AS (
       UPDATE team_members m SET last_assigned_at = now() + (latest.ordinal * interval '1 microsecond')
       FROM (SELECT team_id, agent_id, max(ordinal) AS ordinal FROM d WHERE team_id IS NOT NULL
             GROUP BY team_id, agent_id) latest
       WHERE m.tenant_id = $1 AND m.team_id = latest.team_id AND m.agent_id = latest.agent_id)
     SELECT 1`,
    [
      tenantId,
      decisions.map((d) => d.conversationId),
      decisions.map((d) => d.agentId),
      decisions.map((d) => d.strategy),
      decisions.map((d) => d.reason),
      details,
      decisions.map((d) => d.teamId),
    ],
  );
}
