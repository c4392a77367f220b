import type { AssignmentStrategy } from '../shared/admin-types';

/** Each assignment strategy in an admin's words (apps/api/src/teams/team.dto.ts describes the same). */
export const STRATEGIES: { value: AssignmentStrategy; label: string; explains: string }[] = [
  { value: 'round_robin', label: 'Round robin', explains: 'Whoever was assigned from this queue longest ago.' },
  {
    value: 'capacity',
    label: 'Capacity',
    explains: 'The least loaded on the channel, then the lowest weighted load over all channels.',
  },
  {
    value: 'skill',
    label: 'Skill',
    explains: 'The most optional skills matched (all required until the relax time passes), then capacity.',
  },
  {
    value: 'channel',
    label: 'Channel',
    explains: 'Specialists who serve fewer channels first, then capacity.',
  },
];

export const strategyLabel = (value: AssignmentStrategy) =>
  STRATEGIES.find((strategy) => strategy.value === value)?.label ?? value;
