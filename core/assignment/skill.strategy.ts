import { amongEligible, skillList } from './assignment-wording';
import { compareLoad, loadLead, loadTieNote, measureLoad, type AgentLoad } from './agent-load';
import { rankByCapacity } from './capacity.strategy';
import { countSkills } from './eligibility';
import { bestFirst, type AgentRanker } from './ranking';
import { skillRelaxAt } from './skill-relaxation';

interface SkillMatch {
  load: AgentLoad;
  matched: number;
}

function compareMatch(a: SkillMatch, b: SkillMatch): number {
  return b.matched - a.matched || compareLoad(a.load, b.load);
}

/**
 * Best optional-skill match first, then capacity order. Required skills are an eligibility rule for every
 * strategy; before relaxation eligibility also demands every optional skill, so this order matters after it.
 * Without optional skills this is the capacity strategy. Score: optional skills the agent lacks.
 */
export const rankBySkill: AgentRanker = (eligible, context) => {
  const { conversation, team, now, limit } = context;
  const { channel, optionalSkills } = conversation;
  if (optionalSkills.length === 0) {
    const ranking = rankByCapacity(eligible, context);
    return { ...ranking, reason: `no optional skills asked for, so ${ranking.reason}` };
  }
  const matches = eligible.map((agent) => ({
    load: measureLoad(agent, channel, team?.capacityWeights),
    matched: countSkills(agent, optionalSkills),
  }));
  const ranked = bestFirst(matches, compareMatch, limit);
  const candidates = ranked.map(({ load, matched }) => ({
    agentId: load.agent.id,
    score: optionalSkills.length - matched,
    active: load.active,
    capacity: load.capacity,
    optionalSkillsMatched: matched,
  }));
  const [winner, runnerUp] = ranked;
  const relaxAt = skillRelaxAt(conversation, team, 'skill');
  const match = `${describeMatch(winner.matched, optionalSkills)}${relaxAt !== null && now >= relaxAt ? ' after relaxation' : ''}`;
  if (runnerUp && runnerUp.matched < winner.matched) {
    return { candidates, reason: `${match}, the best match ${amongEligible(eligible.length)}` };
  }
  const lead = `${loadLead(winner.load, channel)} ${amongEligible(eligible.length)}`;
  return { candidates, reason: `${match}, then ${lead}${loadTieNote(winner.load, runnerUp?.load)}` };
};

function describeMatch(matched: number, optionalSkills: readonly string[]): string {
  if (matched < optionalSkills.length) {
    return `has ${matched} of ${optionalSkills.length} ${skillList(optionalSkills, 'optional')}`;
  }
  return `has ${optionalSkills.length === 1 ? 'the' : 'all'} ${skillList(optionalSkills, 'optional')}`;
}
