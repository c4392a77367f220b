import type {
  AgentSnapshot,
  AssignmentPlan,
  QueuedConversation,
  TeamAssignmentSettings,
} from '../../../core/assignment/assignment.types';
import { checkEligibility } from '../../../core/assignment/eligibility';
import { planAssignments, type PlanAssignmentsInput } from '../../../core/assignment/plan-assignments';
import { compareQueued } from '../../../core/assignment/queue-order';
import { NOW } from './assignment-fixtures';

export function plan(
  queue: QueuedConversation[],
  agents: AgentSnapshot[],
  options: Partial<Omit<PlanAssignmentsInput, 'queue' | 'agents'>> = {},
): AssignmentPlan {
  return planAssignments({ queue, agents, teams: new Map(), tenantDefaultStrategy: 'capacity', now: NOW, ...options });
}

export function assigneeOf(result: AssignmentPlan, conversationId: string): string | undefined {
  return result.decisions.find((decision) => decision.conversationId === conversationId)?.agentId;
}

export function waitingReason(result: AssignmentPlan, conversationId: string): string | undefined {
  return result.waiting.find((waiting) => waiting.conversationId === conversationId)?.reason;
}

export function assignmentCounts(result: AssignmentPlan): Map<string, number> {
  const counts = new Map<string, number>();
  for (const decision of result.decisions) {
    counts.set(decision.agentId, (counts.get(decision.agentId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Checks a plan against the rules independently of how the planner found it: walking the queue in order with the
 * loads the earlier decisions left, every assigned conversation went to an eligible agent who is its first
 * candidate, every waiting one had nobody eligible, and each conversation appears exactly once.
 */
export function expectPlanHonoursEligibility(input: PlanAssignmentsInput, result: AssignmentPlan): void {
  const agents = new Map(input.agents.map((agent) => [agent.id, { ...agent, active: { ...agent.active } }]));
  const decisions = new Map(result.decisions.map((decision) => [decision.conversationId, decision]));
  const waiting = new Set(result.waiting.map((entry) => entry.conversationId));
  expect(decisions.size + waiting.size).toBe(input.queue.length);
  const order = [...input.queue].sort(compareQueued);
  expect(result.decisions.map((d) => d.conversationId)).toEqual(
    order.filter((c) => decisions.has(c.id)).map((c) => c.id),
  );
  const problems: string[] = [];
  for (const conversation of order) {
    const team: TeamAssignmentSettings | undefined =
      conversation.teamId === null ? undefined : input.teams.get(conversation.teamId);
    const strategy = team?.strategy ?? input.tenantDefaultStrategy;
    const eligible = (agent: AgentSnapshot) =>
      checkEligibility(agent, conversation, team, input.now, strategy).eligible;
    const decision = decisions.get(conversation.id);
    if (!decision) {
      const overlooked = [...agents.values()].find(eligible);
      if (overlooked) {
        problems.push(`${conversation.id} waits although ${overlooked.id} was eligible`);
      }
      continue;
    }
    const winner = agents.get(decision.agentId) as AgentSnapshot;
    if (!eligible(winner)) {
      problems.push(`${conversation.id} went to ineligible ${winner.id}`);
    }
    if (decision.candidates[0].agentId !== winner.id || decision.strategy !== strategy) {
      problems.push(`${conversation.id}: winner is not the first candidate of the ${strategy} strategy`);
    }
    winner.active[conversation.channel] += 1;
  }
  expect(problems).toEqual([]);
}
