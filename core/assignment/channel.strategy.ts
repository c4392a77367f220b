import { CHANNELS } from '../channels/channel';
import type { AgentSnapshot } from './assignment.types';
import { amongEligible, counted } from './assignment-wording';
import { compareLoad, loadCandidate, loadLead, loadTieNote, measureLoad, type AgentLoad } from './agent-load';
import { servesChannel } from './eligibility';
import { bestFirst, type AgentRanker } from './ranking';

interface Specialism {
  load: AgentLoad;
  served: number;
}

/** Channels the agent takes (listed and with capacity above 0). */
export function channelsServed(agent: AgentSnapshot): number {
  let served = 0;
  for (const channel of CHANNELS) {
    if (servesChannel(agent, channel)) {
      served += 1;
    }
  }
  return served;
}

function compareSpecialism(a: Specialism, b: Specialism): number {
  return a.served - b.served || compareLoad(a.load, b.load);
}

/**
 * Specialists first: an agent serving fewer channels ranks above one serving more (a chat-only agent beats an
 * all-channel agent for chat), keeping generalists free for the channels only they cover; then capacity order.
 * Score: the number of channels the agent serves.
 */
export const rankByChannel: AgentRanker = (eligible, { conversation, team, limit }) => {
  const { channel } = conversation;
  const entries = eligible.map((agent) => ({
    load: measureLoad(agent, channel, team?.capacityWeights),
    served: channelsServed(agent),
  }));
  const ranked = bestFirst(entries, compareSpecialism, limit);
  const [winner, runnerUp] = ranked;
  const specialism =
    winner.served === 1 ? `${channel} specialist` : `serves ${counted(winner.served, 'channel')} including ${channel}`;
  const candidates = ranked.map((entry) => loadCandidate(entry.load, entry.served));
  if (runnerUp && runnerUp.served > winner.served) {
    return { candidates, reason: `${specialism}, fewest channels ${amongEligible(eligible.length)}` };
  }
  const lead = `${loadLead(winner.load, channel)} ${amongEligible(eligible.length)}`;
  return { candidates, reason: `${specialism}, then ${lead}${loadTieNote(winner.load, runnerUp?.load)}` };
};
