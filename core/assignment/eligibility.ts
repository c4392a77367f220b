import type { Channel } from '../channels/channel';
import type { AgentSnapshot, AssignmentStrategy, QueuedConversation, TeamAssignmentSettings } from './assignment.types';
import { optionalSkillsRequired, relaxAfterSeconds } from './skill-relaxation';

/**
 * Who may take a conversation at all, whatever the strategy. Agents reach the planner already filtered to the
 * online, active ones (the repository selects on status), so status is not checked here.
 */
export type Eligibility = { eligible: true } | { eligible: false; reasons: string[] };

/** What one conversation asks of every agent, worked out once per conversation instead of once per agent. */
export interface EligibilityRules {
  conversation: QueuedConversation;
  /** undefined = the tenant-wide queue: any agent. */
  team: TeamAssignmentSettings | undefined;
  /** Skill strategy before relaxation: the winner must have every optional skill as well. */
  optionalSkillsRequired: boolean;
  relaxAfterSeconds: number;
}

export function eligibilityRules(
  conversation: QueuedConversation,
  team: TeamAssignmentSettings | undefined,
  strategy: AssignmentStrategy,
  now: number,
): EligibilityRules {
  return {
    conversation,
    team,
    optionalSkillsRequired: optionalSkillsRequired(conversation, team, strategy, now),
    relaxAfterSeconds: relaxAfterSeconds(team),
  };
}

// Snapshots and team settings are read as immutable (only loads change during a pass), so their sets are
// built once and remembered; a drain asks the same question about the same agent a thousand times.
const memberSets = new WeakMap<TeamAssignmentSettings, ReadonlySet<string>>();
const skillSets = new WeakMap<AgentSnapshot, ReadonlySet<string>>();

export function teamMembers(team: TeamAssignmentSettings): ReadonlySet<string> {
  let members = memberSets.get(team);
  if (!members) {
    members = new Set(team.memberIds);
    memberSets.set(team, members);
  }
  return members;
}

function skillsOf(agent: AgentSnapshot): ReadonlySet<string> {
  let skills = skillSets.get(agent);
  if (!skills) {
    skills = new Set(agent.skills);
    skillSets.set(agent, skills);
  }
  return skills;
}

/** An agent takes a channel when it is one of theirs and their capacity on it is above 0. */
export function servesChannel(agent: AgentSnapshot, channel: Channel): boolean {
  return (agent.capacity[channel] ?? 0) > 0 && agent.channels.includes(channel);
}

export function hasRoom(agent: AgentSnapshot, channel: Channel): boolean {
  return agent.active[channel] < (agent.capacity[channel] ?? 0);
}

export function isTeamMember(agent: AgentSnapshot, team: TeamAssignmentSettings | undefined): boolean {
  return team === undefined || teamMembers(team).has(agent.id);
}

export function handedBack(agent: AgentSnapshot, conversation: QueuedConversation): boolean {
  return conversation.excludedAgentIds.includes(agent.id);
}

export function hasSkills(agent: AgentSnapshot, skills: readonly string[]): boolean {
  if (skills.length === 0) {
    return true;
  }
  const own = skillsOf(agent);
  return skills.every((skill) => own.has(skill));
}

export function countSkills(agent: AgentSnapshot, skills: readonly string[]): number {
  if (skills.length === 0) {
    return 0;
  }
  const own = skillsOf(agent);
  let count = 0;
  for (const skill of skills) {
    if (own.has(skill)) {
      count += 1;
    }
  }
  return count;
}

/** The fast check the planner runs for every agent and conversation: no allocation. */
export function isEligible(agent: AgentSnapshot, rules: EligibilityRules): boolean {
  const { conversation } = rules;
  return (
    servesChannel(agent, conversation.channel) &&
    hasRoom(agent, conversation.channel) &&
    isTeamMember(agent, rules.team) &&
    !handedBack(agent, conversation) &&
    hasSkills(agent, conversation.requiredSkills) &&
    (!rules.optionalSkillsRequired || hasSkills(agent, conversation.optionalSkills))
  );
}

/** Every rule the agent fails, in words; empty when eligible. Same rules as isEligible. */
export function ineligibilityReasons(agent: AgentSnapshot, rules: EligibilityRules): string[] {
  const { conversation, team } = rules;
  const { channel } = conversation;
  const reasons: string[] = [];
  if (!isTeamMember(agent, team)) {
    reasons.push(`not a member of team ${team?.name}`);
  }
  if (!servesChannel(agent, channel)) {
    reasons.push(
      agent.channels.includes(channel) ? `does not serve ${channel} (capacity 0)` : `does not serve ${channel}`,
    );
  } else if (!hasRoom(agent, channel)) {
    reasons.push(`at capacity (${agent.active[channel]} of ${agent.capacity[channel]} ${channel})`);
  }
  if (handedBack(agent, conversation)) {
    reasons.push('handed this conversation back earlier');
  }
  const own = skillsOf(agent);
  for (const skill of conversation.requiredSkills) {
    if (!own.has(skill)) {
      reasons.push(`lacks required skill "${skill}"`);
    }
  }
  if (rules.optionalSkillsRequired) {
    for (const skill of conversation.optionalSkills) {
      if (!own.has(skill)) {
        reasons.push(`lacks optional skill "${skill}" (relaxed after ${rules.relaxAfterSeconds}s)`);
      }
    }
  }
  return reasons;
}

/**
 * Whether an agent may take a conversation, and if not, why. `strategy` matters only for the skill strategy's
 * optional skills; it defaults to the team's strategy, or to a strategy without optional-skill rules when there is
 * no team (pass the tenant default for the tenant-wide queue).
 */
export function checkEligibility(
  agent: AgentSnapshot,
  conversation: QueuedConversation,
  team: TeamAssignmentSettings | undefined,
  now: number,
  strategy: AssignmentStrategy = team?.strategy ?? 'capacity',
): Eligibility {
  const rules = eligibilityRules(conversation, team, strategy, now);
  if (isEligible(agent, rules)) {
    return { eligible: true };
  }
  return { eligible: false, reasons: ineligibilityReasons(agent, rules) };
}
