import type {
  AgentSnapshot,
  AssignmentStrategy,
  ChannelWeights,
  QueuedConversation,
  TeamAssignmentSettings,
} from '../assignment.types';
import { EQUAL_CHANNEL_WEIGHTS } from '../agent-load';
import type { ChannelCapacity } from '../../agents/agent';
import { CHANNELS, type Channel } from '../../channels/channel';
import type { Priority } from '../../conversations/conversation-status';
import type { SqlRunner } from '../../platform/db/sql-runner';

/** How many waiting conversations one drain looks at; the rest wait for the next drain. */
export const QUEUE_BATCH = 1000;

/**
 * Online, active agents with their loads derived from the conversations table: only `open` conversations count, so
 * pending (waiting on the customer), snoozed and resolved ones free capacity without any counter to drift.
 */
export async function loadOnlineAgents(tx: SqlRunner, tenantId: string): Promise<AgentSnapshot[]> {
  const rows: {
    id: string;
    channels: Channel[];
    skills: string[];
    capacity: ChannelCapacity;
    last_assigned_at: Date | null;
    active: Partial<Record<Channel, number>> | null;
    teams: Record<string, string | null> | null;
  }[] = await tx.query(
    `SELECT a.id, a.channels, a.skills, a.capacity, a.last_assigned_at, loads.active, memberships.teams
     FROM agents a
     LEFT JOIN LATERAL (
       SELECT jsonb_object_agg(channel, n) AS active FROM (
         SELECT c.channel, count(*)::int AS n FROM conversations c
         WHERE c.tenant_id = a.tenant_id AND c.assignee_id = a.id AND c.status = 'open'
         GROUP BY c.channel
       ) per_channel
     ) loads ON true
     LEFT JOIN LATERAL (
       SELECT jsonb_object_agg(m.team_id, m.last_assigned_at) AS teams FROM team_members m
       WHERE m.tenant_id = a.tenant_id AND m.agent_id = a.id
     ) memberships ON true
     WHERE a.tenant_id = $1 AND a.active AND a.status = 'online'`,
    [tenantId],
  );
  return rows.map((row) => ({
    id: row.id,
    channels: row.channels,
    skills: row.skills,
    capacity: row.capacity,
    active: { chat: row.active?.chat ?? 0, email: row.active?.email ?? 0, sms: row.active?.sms ?? 0 },
    lastAssignedAt: row.last_assigned_at ? row.last_assigned_at.getTime() : 0,
    teamLastAssignedAt: Object.fromEntries(
      Object.entries(row.teams ?? {}).map(([teamId, at]) => [teamId, at ? Date.parse(at) : 0]),
    ),
  }));
}

/**
 * Without the lock: is anything queued on a channel where some online agent has room? When not, a drain has nothing
 * to decide and skips the lock. Safe, because every change that queues a conversation or frees capacity runs its own
 * drain after it commits, and that drain sees the change.
 */
export async function hasPlaceableWork(db: SqlRunner, tenantId: string): Promise<boolean> {
  const [row]: { work: boolean }[] = await db.query(
    `WITH room AS (
       SELECT DISTINCT served.channel FROM agents a
       CROSS JOIN LATERAL unnest(a.channels) AS served(channel)
       WHERE a.tenant_id = $1 AND a.active AND a.status = 'online'
         AND COALESCE((a.capacity ->> served.channel)::int, 0) > (
           SELECT count(*) FROM conversations c
           WHERE c.tenant_id = $1 AND c.assignee_id = a.id AND c.status = 'open' AND c.channel = served.channel))
     SELECT EXISTS (
       SELECT 1 FROM conversations q JOIN room ON room.channel = q.channel
       WHERE q.tenant_id = $1 AND q.status = 'open' AND q.assignee_id IS NULL AND q.queued_at IS NOT NULL) AS work`,
    [tenantId],
  );
  return row?.work ?? false;
}

/** Waiting conversations in queue order: priority, then the earliest SLA due time, then time in the queue. */
export async function loadQueue(
  tx: SqlRunner,
  tenantId: string,
  channels: Channel[],
  limit = QUEUE_BATCH,
): Promise<QueuedConversation[]> {
  const rows: {
    id: string;
    workflow_id: string;
    channel: Channel;
    priority: Priority;
    team_id: string | null;
    required_skills: string[];
    optional_skills: string[];
    queued_at_ms: number;
    sla_due_at: Date | null;
    excluded_agent_ids: string[];
  }[] = await tx.query(
    // queued_at to the microsecond (as fractional ms): a JS Date would round it to the millisecond, and a burst of
    // escalations queued within one millisecond would then be served in id order instead of arrival order.
    // The ORDER BY is conversations_queue_order_idx (migration QueueOrderIndex): keep the two identical, so the head
    // of the queue is read from the index rather than sorted.
    `SELECT id, workflow_id, channel, priority, team_id, required_skills, optional_skills,
            extract(epoch FROM queued_at) * 1000 AS queued_at_ms,
            LEAST(first_response_due_at, next_response_due_at, resolution_due_at) AS sla_due_at, excluded_agent_ids
     FROM conversations
     WHERE tenant_id = $1 AND status = 'open' AND assignee_id IS NULL AND queued_at IS NOT NULL
       AND channel = ANY($2::text[])
     ORDER BY CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END DESC,
              LEAST(first_response_due_at, next_response_due_at, resolution_due_at) ASC NULLS LAST,
              queued_at ASC, id ASC
     LIMIT $3`,
    [tenantId, channels, Math.min(limit, QUEUE_BATCH)],
  );
  return rows.map((row) => ({
    id: row.id,
    workflowId: row.workflow_id,
    channel: row.channel,
    priority: row.priority,
    teamId: row.team_id,
    requiredSkills: row.required_skills,
    optionalSkills: row.optional_skills,
    queuedAt: Number(row.queued_at_ms),
    slaDueAt: row.sla_due_at ? row.sla_due_at.getTime() : null,
    excludedAgentIds: row.excluded_agent_ids,
  }));
}

/** Free slots across all agents on the given channels: no drain can place more than this. */
export function freeSlots(agents: AgentSnapshot[], channels: readonly Channel[]): number {
  let free = 0;
  for (const agent of agents) {
    for (const channel of channels) {
      if (agent.channels.includes(channel)) {
        free += Math.max(0, (agent.capacity[channel] ?? 0) - agent.active[channel]);
      }
    }
  }
  return free;
}

/** Channels on which at least one online agent has room: only those conversations can be placed now. */
export function channelsWithRoom(agents: AgentSnapshot[]): Channel[] {
  return CHANNELS.filter((channel) =>
    agents.some((agent) => agent.channels.includes(channel) && agent.active[channel] < (agent.capacity[channel] ?? 0)),
  );
}

export interface AssignmentSettings {
  teams: Map<string, TeamAssignmentSettings>;
  tenantDefaultStrategy: AssignmentStrategy;
}

export async function loadAssignmentSettings(tx: SqlRunner, tenantId: string): Promise<AssignmentSettings> {
  const rows: {
    id: string;
    name: string;
    assignment_strategy: AssignmentStrategy;
    skill_relax_after_seconds: number;
    capacity_weights: Partial<ChannelWeights>;
    member_ids: string[];
    default_strategy: AssignmentStrategy;
  }[] = await tx.query(
    `SELECT t.id, t.name, t.assignment_strategy, t.skill_relax_after_seconds, t.capacity_weights,
            COALESCE(array_agg(m.agent_id) FILTER (WHERE m.agent_id IS NOT NULL), '{}') AS member_ids,
            tn.default_assignment_strategy AS default_strategy
     FROM tenants tn
     LEFT JOIN teams t ON t.tenant_id = tn.id
     LEFT JOIN team_members m ON m.team_id = t.id
     WHERE tn.id = $1
     GROUP BY t.id, tn.default_assignment_strategy`,
    [tenantId],
  );
  const teams = new Map<string, TeamAssignmentSettings>();
  for (const row of rows) {
    if (row.id) {
      teams.set(row.id, {
        id: row.id,
        name: row.name,
        strategy: row.assignment_strategy,
        skillRelaxAfterSeconds: row.skill_relax_after_seconds,
        capacityWeights: { ...EQUAL_CHANNEL_WEIGHTS, ...row.capacity_weights },
        memberIds: row.member_ids,
      });
    }
  }
  return { teams, tenantDefaultStrategy: rows[0]?.default_strategy ?? 'capacity' };
}
