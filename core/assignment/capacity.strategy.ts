import { amongEligible } from './assignment-wording';
import { compareLoad, loadCandidate, loadLead, loadTieNote, measureLoad } from './agent-load';
import { bestFirst, type AgentRanker } from './ranking';

/**
 * Least busy first: lowest utilisation on the conversation's channel, then the team's weighted overall load, then
 * longest since last assignment, then id. Score: utilisation on the channel (active / capacity).
 */
export const rankByCapacity: AgentRanker = (eligible, { conversation, team, limit }) => {
  const { channel } = conversation;
  const loads = eligible.map((agent) => measureLoad(agent, channel, team?.capacityWeights));
  const ranked = bestFirst(loads, compareLoad, limit);
  const [winner, runnerUp] = ranked;
  return {
    candidates: ranked.map((load) => loadCandidate(load, load.utilisation)),
    reason: `${loadLead(winner, channel)} ${amongEligible(eligible.length)}${loadTieNote(winner, runnerUp)}`,
  };
};
