import type { AgentSnapshot } from './assignment.types';
import { formatInstant, skillList } from './assignment-wording';
import { handedBack, hasRoom, hasSkills, isTeamMember, servesChannel, type EligibilityRules } from './eligibility';
import { skillRelaxAt } from './skill-relaxation';

/**
 * The eligibility rules as a funnel, most lasting cause first (nobody in the team, nobody on the channel, nobody
 * with the skills) and passing causes last (nobody with room, nobody left who did not hand it back, the optional
 * skills' grace period). An agent's depth is how many stages they pass; the deepest agent shows where it stops.
 */
function stagesPassed(agent: AgentSnapshot, rules: EligibilityRules): number {
  const { conversation } = rules;
  if (!isTeamMember(agent, rules.team)) {
    return 0;
  }
  if (!servesChannel(agent, conversation.channel)) {
    return 1;
  }
  if (!hasSkills(agent, conversation.requiredSkills)) {
    return 2;
  }
  if (!hasRoom(agent, conversation.channel)) {
    return 3;
  }
  if (handedBack(agent, conversation)) {
    return 4;
  }
  if (rules.optionalSkillsRequired && !hasSkills(agent, conversation.optionalSkills)) {
    return 5;
  }
  return 6;
}

/** Why nobody in `pool` can take the conversation now: one sentence for the agents' queue view. */
export function explainWaiting(pool: readonly AgentSnapshot[], rules: EligibilityRules, now: number): string {
  let depth = 0;
  for (const agent of pool) {
    depth = Math.max(depth, stagesPassed(agent, rules));
  }
  const { conversation, team } = rules;
  const { channel, requiredSkills, optionalSkills } = conversation;
  const who = team ? `member of team ${team.name}` : 'agent';
  const withSkills = requiredSkills.length > 0 ? ` with the required ${skillList(requiredSkills)}` : '';
  switch (depth) {
    case 0:
      return `no ${who} is online`;
    case 1:
      return `no online ${who} serves ${channel}`;
    case 2:
      return `no online ${who} who serves ${channel} has the required ${skillList(requiredSkills)}`;
    case 3:
      return `no online ${who}${withSkills} has room on ${channel}`;
    case 4:
      return `every online ${who}${withSkills} with room on ${channel} handed this conversation back earlier`;
    default: {
      const relaxAt = skillRelaxAt(conversation, team, 'skill') ?? now;
      const then = `then any ${who}${requiredSkills.length > 0 ? ' with the required skills' : ''}`;
      return `waiting for an agent with ${skillList(optionalSkills, 'optional')} until ${formatInstant(relaxAt, now)}, ${then}`;
    }
  }
}
