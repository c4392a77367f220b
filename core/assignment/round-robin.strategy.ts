import type { AgentSnapshot, TeamAssignmentSettings } from './assignment.types';
import { amongEligible } from './assignment-wording';
import { compareIds } from './compare-ids';
import { bestFirst, type AgentRanker } from './ranking';

interface RotationEntry {
  agent: AgentSnapshot;
  last: number;
}

/** When the agent last got a conversation from this queue: the team's rotation, or anywhere for the tenant queue. */
export function lastAssignedIn(agent: AgentSnapshot, team: TeamAssignmentSettings | undefined): number {
  return team ? (agent.teamLastAssignedAt[team.id] ?? 0) : agent.lastAssignedAt;
}

function compareRotation(a: RotationEntry, b: RotationEntry): number {
  return a.last - b.last || compareIds(a.agent.id, b.agent.id);
}

/**
 * Rotation: whoever has waited longest since their last assignment from this queue goes next (never assigned
 * first), ties by id. Load does not matter beyond eligibility, which already keeps full agents out.
 * Score: the epoch ms of that last assignment (0 = never).
 */
export const rankRoundRobin: AgentRanker = (eligible, { conversation, team, limit }) => {
  const { channel } = conversation;
  const entries = eligible.map((agent) => ({ agent, last: lastAssignedIn(agent, team) }));
  const ranked = bestFirst(entries, compareRotation, limit);
  const [winner, runnerUp] = ranked;
  const candidates = ranked.map(({ agent, last }) => ({
    agentId: agent.id,
    score: last,
    active: agent.active[channel],
    capacity: agent.capacity[channel],
  }));
  const lead =
    winner.last === 0
      ? `next in rotation, never assigned from this queue, ${amongEligible(eligible.length)}`
      : `longest since last assignment ${amongEligible(eligible.length)}`;
  const tied = runnerUp !== undefined && runnerUp.last === winner.last;
  return { candidates, reason: tied ? `${lead}; tie broken by agent id` : lead };
};
