import type { ChannelCapacity } from '../domain/agent';
import type { Channel } from '../domain/channel';

export interface CandidateAgent {
  id: string;
  channels: Channel[];
  capacity: ChannelCapacity;
  /** Active (open, assigned) conversations per channel, derived from the conversations table. */
  active: Record<Channel, number>;
  /** Milliseconds since epoch of the last automatic assignment; 0 when never assigned. */
  lastAssignedAt: number;
}

export interface WaitingConversation {
  id: string;
  workflowId: string;
  channel: Channel;
  excludedAgentIds: string[];
}

export interface CandidateScore {
  agentId: string;
  active: number;
  capacity: number;
}

export interface AssignmentDecision {
  conversationId: string;
  workflowId: string;
  agentId: string;
  channel: Channel;
  candidates: CandidateScore[];
  reason: string;
}

export const CAPACITY_POLICY = 'capacity';

/**
 * Capacity-based assignment: each waiting conversation, in queue order, goes to the eligible agent (serves the
 * channel, under capacity, not excluded) with the fewest active conversations on that channel; ties go to whoever
 * has waited longest since their last assignment. Pure: the caller loads the data and persists the decisions.
 */
export function decideAssignments(
  queue: WaitingConversation[],
  agents: CandidateAgent[],
  now: number,
): AssignmentDecision[] {
  const decisions: AssignmentDecision[] = [];
  let clock = now;
  for (const conversation of queue) {
    const eligible = agents.filter(
      (agent) =>
        agent.channels.includes(conversation.channel) &&
        !conversation.excludedAgentIds.includes(agent.id) &&
        agent.active[conversation.channel] < (agent.capacity[conversation.channel] ?? 0),
    );
    if (eligible.length === 0) {
      continue;
    }
    eligible.sort(
      (a, b) =>
        a.active[conversation.channel] - b.active[conversation.channel] ||
        a.lastAssignedAt - b.lastAssignedAt ||
        a.id.localeCompare(b.id),
    );
    const winner = eligible[0];
    const candidates = eligible.map((agent) => ({
      agentId: agent.id,
      active: agent.active[conversation.channel],
      capacity: agent.capacity[conversation.channel],
    }));
    const tie = eligible.length > 1 && eligible[1].active[conversation.channel] === winner.active[conversation.channel];
    decisions.push({
      conversationId: conversation.id,
      workflowId: conversation.workflowId,
      agentId: winner.id,
      channel: conversation.channel,
      candidates,
      reason:
        `fewest active ${conversation.channel} conversations (${winner.active[conversation.channel]} of ` +
        `${winner.capacity[conversation.channel]}) among ${eligible.length} eligible agent(s)` +
        (tie ? '; tie broken by longest since last assignment' : ''),
    });
    winner.active[conversation.channel] += 1;
    clock += 1;
    winner.lastAssignedAt = clock;
  }
  return decisions;
}
