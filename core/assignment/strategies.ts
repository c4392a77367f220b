import type { AssignmentStrategy } from './assignment.types';
import { rankByCapacity } from './capacity.strategy';
import { rankByChannel } from './channel.strategy';
import type { AgentRanker } from './ranking';
import { rankRoundRobin } from './round-robin.strategy';
import { rankBySkill } from './skill.strategy';

export const RANKERS: Record<AssignmentStrategy, AgentRanker> = {
  round_robin: rankRoundRobin,
  capacity: rankByCapacity,
  skill: rankBySkill,
  channel: rankByChannel,
};

/** How a strategy is named in the sentences agents read. */
export const STRATEGY_LABELS: Record<AssignmentStrategy, string> = {
  round_robin: 'round robin',
  capacity: 'capacity',
  skill: 'skill match',
  channel: 'channel specialist',
};
