import type {
  AgentSnapshot,
  AssignmentDecision,
  AssignmentPlan,
  AssignmentStrategy,
  QueuedConversation,
  RejectedCandidate,
  TeamAssignmentSettings,
  WaitingExplanation,
} from './assignment.types';
import { eligibilityRules, ineligibilityReasons, isEligible, teamMembers, type EligibilityRules } from './eligibility';
import { compareQueued } from './queue-order';
import { RANKERS, STRATEGY_LABELS } from './strategies';
import { explainWaiting } from './waiting-reason';

export { skillRelaxAt } from './skill-relaxation';

export interface PlanAssignmentsInput {
  queue: readonly QueuedConversation[];
  /** Online, active agents only; the planner does not check status. */
  agents: readonly AgentSnapshot[];
  teams: ReadonlyMap<string, TeamAssignmentSettings>;
  /** The strategy of the tenant-wide queue (no team, or a team that no longer exists). */
  tenantDefaultStrategy: AssignmentStrategy;
  now: number;
  /** Say why each unplaceable conversation waits (for previews); a drain skips it, as nobody reads it. Default true. */
  explainWaiting?: boolean;
  /** Stop after this many decisions (a drain saves one batch per transaction); the rest of the queue waits. */
  maxDecisions?: number;
}

/**
 * Candidates and rejected agents listed per decision: enough to explain it, small enough for one event row. A drain
 * of 1,000 decisions writes 1,000 rows, and listing every agent of a large tenant also dominated planning time.
 */
export const MAX_LISTED_CANDIDATES = 20;
export const MAX_LISTED_REJECTED = 20;

/**
 * Decisions in one pass are dated 1 µs apart: strictly increasing so rotation order holds within the pass, and at
 * PostgreSQL's timestamp resolution so a 1,000-decision pass spans 1 ms and the next drain's clock is past it.
 */
export const PASS_CLOCK_STEP_MS = 0.001;

/**
 * Decides who gets which queued conversation in one drain. Conversations are served in queue order; each goes to
 * the best eligible agent under its team's strategy (the tenant default without a team), and every decision counts
 * towards the loads the later ones see. Pure: the inputs are not modified.
 */
export function planAssignments(input: PlanAssignmentsInput): AssignmentPlan {
  const agents = input.agents.map(workingCopy);
  const agentsById = new Map(agents.map((agent) => [agent.id, agent]));
  const teamPools = new Map<string, AgentSnapshot[]>();
  const poolOf = (team: TeamAssignmentSettings): AgentSnapshot[] => {
    let pool = teamPools.get(team.id);
    if (!pool) {
      const members = teamMembers(team);
      pool = agents.filter((agent) => members.has(agent.id));
      teamPools.set(team.id, pool);
    }
    return pool;
  };

  const decisions: AssignmentDecision[] = [];
  const waiting: WaitingExplanation[] = [];
  const maxDecisions = input.maxDecisions ?? Infinity;
  for (const conversation of [...input.queue].sort(compareQueued)) {
    if (decisions.length >= maxDecisions) {
      break;
    }
    const team = conversation.teamId === null ? undefined : input.teams.get(conversation.teamId);
    const strategy = team?.strategy ?? input.tenantDefaultStrategy;
    const rules = eligibilityRules(conversation, team, strategy, input.now);
    const pool = team ? poolOf(team) : agents;
    const eligible: AgentSnapshot[] = [];
    const ineligible: AgentSnapshot[] = [];
    for (const agent of pool) {
      (isEligible(agent, rules) ? eligible : ineligible).push(agent);
    }
    if (eligible.length === 0) {
      if (input.explainWaiting === false) {
        continue;
      }
      waiting.push({
        conversationId: conversation.id,
        reason: `${vanishedTeamNote(conversation, team)}${explainWaiting(pool, rules, input.now)}`,
      });
      continue;
    }
    const ranking = RANKERS[strategy](eligible, { conversation, team, now: input.now, limit: MAX_LISTED_CANDIDATES });
    const winner = agentsById.get(ranking.candidates[0].agentId) as AgentSnapshot;
    decisions.push({
      conversationId: conversation.id,
      workflowId: conversation.workflowId,
      agentId: winner.id,
      channel: conversation.channel,
      teamId: team?.id ?? null,
      strategy,
      candidates: ranking.candidates,
      rejected: rejected(ineligible, team ? agents : [], rules),
      reason: `${STRATEGY_LABELS[strategy]}${queuePhrase(conversation, team)}: ${ranking.reason}`,
    });
    recordAssignment(winner, conversation, team, input.now + decisions.length * PASS_CLOCK_STEP_MS);
  }
  return { decisions, waiting };
}

function workingCopy(agent: AgentSnapshot): AgentSnapshot {
  return { ...agent, active: { ...agent.active }, teamLastAssignedAt: { ...agent.teamLastAssignedAt } };
}

/** Later decisions in the pass see the load and the rotation as they will be once this one is persisted. */
function recordAssignment(
  agent: AgentSnapshot,
  conversation: QueuedConversation,
  team: TeamAssignmentSettings | undefined,
  at: number,
): void {
  agent.active[conversation.channel] += 1;
  agent.lastAssignedAt = at;
  if (team) {
    agent.teamLastAssignedAt[team.id] = at;
  }
}

/** Team members who could not take it first (the informative ones), then everyone outside the team. */
function rejected(
  ineligibleMembers: readonly AgentSnapshot[],
  everyone: readonly AgentSnapshot[],
  rules: EligibilityRules,
): RejectedCandidate[] {
  const listed: RejectedCandidate[] = [];
  for (const agent of ineligibleMembers) {
    if (listed.length === MAX_LISTED_REJECTED) {
      return listed;
    }
    listed.push({ agentId: agent.id, reasons: ineligibilityReasons(agent, rules) });
  }
  const members = rules.team ? teamMembers(rules.team) : undefined;
  for (const agent of everyone) {
    if (listed.length === MAX_LISTED_REJECTED) {
      return listed;
    }
    if (members && !members.has(agent.id)) {
      listed.push({ agentId: agent.id, reasons: ineligibilityReasons(agent, rules) });
    }
  }
  return listed;
}

function queuePhrase(conversation: QueuedConversation, team: TeamAssignmentSettings | undefined): string {
  if (team) {
    return ` in team ${team.name}`;
  }
  return conversation.teamId === null ? '' : ` in the tenant-wide queue (team ${conversation.teamId} no longer exists)`;
}

function vanishedTeamNote(conversation: QueuedConversation, team: TeamAssignmentSettings | undefined): string {
  return conversation.teamId !== null && !team ? `team ${conversation.teamId} no longer exists; ` : '';
}
