import type {
  AgentSnapshot,
  QueuedConversation,
  TeamAssignmentSettings,
} from '../../../core/assignment/assignment.types';
import { CHANNELS } from '../../../core/channels/channel';

/** Seeded (mulberry32), so a failing property test can be replayed from its seed. */
export { seededRandom } from '../../../core/triage/classifier/seeded-random';

/** 2025-06-01T12:00:00Z: a fixed "now" so relaxation moments and waiting reasons are predictable. */
export const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

type AgentOverrides = Partial<Omit<AgentSnapshot, 'active' | 'capacity'>> & {
  active?: Partial<AgentSnapshot['active']>;
  capacity?: Partial<AgentSnapshot['capacity']>;
};

/** An online agent on every channel with room everywhere: chat 3, email 10, sms 5, nothing active. */
export function anAgent(id: string, overrides: AgentOverrides = {}): AgentSnapshot {
  return {
    id,
    channels: [...CHANNELS],
    skills: [],
    lastAssignedAt: 0,
    teamLastAssignedAt: {},
    ...overrides,
    capacity: { chat: 3, email: 10, sms: 5, ...overrides.capacity },
    active: { chat: 0, email: 0, sms: 0, ...overrides.active },
  };
}

/** A normal-priority chat waiting in the tenant-wide queue since a minute before NOW. */
export function aConversation(id: string, overrides: Partial<QueuedConversation> = {}): QueuedConversation {
  return {
    id,
    workflowId: `conversation-${id}`,
    channel: 'chat',
    priority: 'normal',
    teamId: null,
    requiredSkills: [],
    optionalSkills: [],
    queuedAt: NOW - 60_000,
    slaDueAt: null,
    excludedAgentIds: [],
    ...overrides,
  };
}

export function aTeam(overrides: Partial<TeamAssignmentSettings> = {}): TeamAssignmentSettings {
  return {
    id: 'team-billing',
    name: 'Billing',
    strategy: 'capacity',
    skillRelaxAfterSeconds: 120,
    capacityWeights: { chat: 1, email: 1, sms: 1 },
    memberIds: [],
    ...overrides,
  };
}

export function teamsOf(...teams: TeamAssignmentSettings[]): Map<string, TeamAssignmentSettings> {
  return new Map(teams.map((team) => [team.id, team]));
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function someOf<T>(random: () => number, items: readonly T[], probability: number): T[] {
  return items.filter(() => random() < probability);
}
