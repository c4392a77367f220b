import type { Channel } from '../channels/channel';
import type { AgentSnapshot, CandidateScore, ChannelWeights } from './assignment.types';
import { compareIds } from './compare-ids';

export const EQUAL_CHANNEL_WEIGHTS: ChannelWeights = { chat: 1, email: 1, sms: 1 };

/** How busy an agent is, measured once per conversation so sorting compares numbers only. */
export interface AgentLoad {
  agent: AgentSnapshot;
  /** Active conversations and capacity on the conversation's channel. */
  active: number;
  capacity: number;
  /** active / capacity on the conversation's channel. */
  utilisation: number;
  /** Σ weight·active/capacity over the channels the agent has capacity on. */
  overallLoad: number;
}

export function measureLoad(
  agent: AgentSnapshot,
  channel: Channel,
  weights: ChannelWeights = EQUAL_CHANNEL_WEIGHTS,
): AgentLoad {
  const { active, capacity } = agent;
  const overallLoad =
    share(weights.chat, active.chat, capacity.chat) +
    share(weights.email, active.email, capacity.email) +
    share(weights.sms, active.sms, capacity.sms);
  const channelCapacity = capacity[channel] ?? 0;
  const channelActive = active[channel];
  return {
    agent,
    active: channelActive,
    capacity: channelCapacity,
    utilisation: channelCapacity > 0 ? channelActive / channelCapacity : 1,
    overallLoad,
  };
}

/** One channel's weighted part of the overall load; channels without capacity do not count. */
function share(weight: number | undefined, active: number, capacity: number | undefined): number {
  return capacity !== undefined && capacity > 0 ? ((weight ?? 1) * active) / capacity : 0;
}

// Sums of fractions differ in the last bits depending on their terms; that is not a real difference in load.
const LOAD_EPSILON = 1e-9;

export type LoadTieBreak = 'channel load' | 'overall load' | 'last assignment' | 'id';

/** Which key separates two agents in capacity order. */
export function loadTieBreak(a: AgentLoad, b: AgentLoad): LoadTieBreak {
  if (a.utilisation !== b.utilisation) {
    return 'channel load';
  }
  if (Math.abs(a.overallLoad - b.overallLoad) > LOAD_EPSILON) {
    return 'overall load';
  }
  return a.agent.lastAssignedAt !== b.agent.lastAssignedAt ? 'last assignment' : 'id';
}

/** Capacity order: channel utilisation, then weighted overall load, then longest since last assignment, then id. */
export function compareLoad(a: AgentLoad, b: AgentLoad): number {
  // Hot: a drain sorts up to agents × conversations entries, so this compares numbers directly.
  const overall = a.overallLoad - b.overallLoad;
  return (
    a.utilisation - b.utilisation ||
    (Math.abs(overall) > LOAD_EPSILON ? overall : 0) ||
    a.agent.lastAssignedAt - b.agent.lastAssignedAt ||
    compareIds(a.agent.id, b.agent.id)
  );
}

/** `lowest chat load (1 of 3)`: the capacity order's headline for the winner. */
export function loadLead(winner: AgentLoad, channel: Channel): string {
  return `lowest ${channel} load (${winner.active} of ${winner.capacity})`;
}

/** `; tie broken by …` when the runner-up had the same channel load, else ''. */
export function loadTieNote(winner: AgentLoad, runnerUp: AgentLoad | undefined): string {
  if (!runnerUp) {
    return '';
  }
  switch (loadTieBreak(winner, runnerUp)) {
    case 'channel load':
      return '';
    case 'overall load':
      return `; tie broken by lower overall load (${round(winner.overallLoad)} vs ${round(runnerUp.overallLoad)})`;
    case 'last assignment':
      return '; tie broken by longest since last assignment';
    case 'id':
      return '; tie broken by agent id';
  }
}

export function loadCandidate(load: AgentLoad, score: number): CandidateScore {
  return { agentId: load.agent.id, score, active: load.active, capacity: load.capacity };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
