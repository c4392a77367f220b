import {
  ASSIGNMENT_STRATEGIES,
  type AgentSnapshot,
  type AssignmentStrategy,
  type QueuedConversation,
  type TeamAssignmentSettings,
} from '../../../core/assignment/assignment.types';
import { planAssignments, type PlanAssignmentsInput } from '../../../core/assignment/plan-assignments';
import { CHANNELS, type Channel } from '../../../core/channels/channel';
import { PRIORITIES } from '../../../core/conversations/conversation-status';
import { aConversation, aTeam, anAgent, NOW, pick, seededRandom, someOf } from './assignment-fixtures';
import { expectPlanHonoursEligibility } from './plan-harness';

const SKILLS = ['spanish', 'billing', 'vip', 'refunds'];

function randomAgents(random: () => number, count: number): AgentSnapshot[] {
  return Array.from({ length: count }, (_, i) =>
    anAgent(`agent-${String(i).padStart(3, '0')}`, {
      channels: someOf(random, CHANNELS, 0.7),
      skills: someOf(random, SKILLS, 0.4),
      capacity: { chat: Math.floor(random() * 5), email: Math.floor(random() * 12), sms: Math.floor(random() * 6) },
      active: { chat: Math.floor(random() * 2), email: Math.floor(random() * 3), sms: 0 },
      lastAssignedAt: Math.floor(random() * 10_000),
    }),
  );
}

function randomTeams(random: () => number, agents: AgentSnapshot[]): TeamAssignmentSettings[] {
  return ASSIGNMENT_STRATEGIES.map((strategy, i) =>
    aTeam({
      id: `team-${strategy}`,
      name: `Team ${i}`,
      strategy,
      skillRelaxAfterSeconds: pick(random, [0, 60, 120]),
      capacityWeights: { chat: 1, email: pick(random, [0.25, 1]), sms: 1 },
      memberIds: someOf(random, agents, 0.4).map((agent) => agent.id),
    }),
  );
}

function randomQueue(random: () => number, count: number, teamIds: (string | null)[]): QueuedConversation[] {
  return Array.from({ length: count }, (_, i) =>
    aConversation(`conversation-${i}`, {
      channel: pick(random, CHANNELS),
      priority: pick(random, PRIORITIES),
      teamId: pick(random, teamIds),
      requiredSkills: random() < 0.25 ? [pick(random, SKILLS)] : [],
      optionalSkills: random() < 0.3 ? [pick(random, SKILLS)] : [],
      queuedAt: NOW - Math.floor(random() * 300_000),
      slaDueAt: random() < 0.4 ? NOW + Math.floor(random() * 600_000) : null,
      excludedAgentIds: random() < 0.1 ? [`agent-${String(Math.floor(random() * 10)).padStart(3, '0')}`] : [],
    }),
  );
}

function loadsAfter(input: PlanAssignmentsInput, agentIds: readonly string[], plan = planAssignments(input)) {
  const loads = new Map(input.agents.map((agent) => [agent.id, { ...agent.active }]));
  for (const decision of plan.decisions) {
    (loads.get(decision.agentId) as Record<Channel, number>)[decision.channel] += 1;
  }
  return agentIds.map((id) => loads.get(id) as Record<Channel, number>);
}

describe('planAssignments on large random queues', () => {
  it.each([1, 2, 3, 4, 5, 6])('never pushes an agent over capacity and follows every rule (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const agents = randomAgents(random, 60);
    const teams = randomTeams(random, agents);
    const input: PlanAssignmentsInput = {
      queue: randomQueue(random, 1_000, [null, 'team-deleted', ...teams.map((team) => team.id)]),
      agents,
      teams: new Map(teams.map((team) => [team.id, team])),
      tenantDefaultStrategy: pick(random, ASSIGNMENT_STRATEGIES),
      now: NOW,
    };
    const plan = planAssignments(input);
    expect(plan.decisions.length).toBeGreaterThan(0);
    expect(plan.waiting.length).toBeGreaterThan(0);
    const loads = loadsAfter(
      input,
      agents.map((agent) => agent.id),
      plan,
    );
    agents.forEach((agent, i) => {
      for (const channel of CHANNELS) {
        const assignedHere = loads[i][channel] - agent.active[channel];
        if (assignedHere > 0) {
          expect(loads[i][channel]).toBeLessThanOrEqual(agent.capacity[channel]);
        }
      }
    });
    expectPlanHonoursEligibility(input, plan);
  });

  it.each<[number, AssignmentStrategy]>([
    [11, 'capacity'],
    [12, 'capacity'],
    [13, 'skill'],
    [14, 'channel'],
  ])('spreads work evenly across identical agents (seed %i, %s)', (seed, strategy) => {
    const random = seededRandom(seed);
    const twinIds = ['twin-a', 'twin-b', 'twin-c', 'twin-d', 'twin-e'];
    const twin = { channels: someOf(random, CHANNELS, 0.5), skills: someOf(random, SKILLS, 0.5) };
    twin.channels = twin.channels.length > 0 ? twin.channels : ['chat'];
    const capacity = { chat: 2 + Math.floor(random() * 4), email: 5 + Math.floor(random() * 20), sms: 3 };
    const agents = [
      ...randomAgents(random, 20),
      ...twinIds.map((id) => anAgent(id, { ...twin, skills: [...twin.skills], capacity })),
    ];
    const input: PlanAssignmentsInput = {
      queue: randomQueue(random, 1_000, [null]).map((conversation) => ({ ...conversation, excludedAgentIds: [] })),
      agents,
      teams: new Map(),
      tenantDefaultStrategy: strategy,
      now: NOW,
    };
    const loads = loadsAfter(input, twinIds);
    const twinAssignments = loads.reduce((sum, load) => sum + load.chat + load.email + load.sms, 0);
    expect(twinAssignments).toBeGreaterThanOrEqual(2 * twinIds.length);
    for (const channel of CHANNELS) {
      const perTwin = loads.map((load) => load[channel]);
      expect(Math.max(...perTwin) - Math.min(...perTwin)).toBeLessThanOrEqual(1);
    }
  });

  it('plans 1,000 conversations over 50 agents, each decision valid and in queue order', () => {
    const random = seededRandom(99);
    const agents = randomAgents(random, 50).map((agent) => ({
      ...agent,
      capacity: { chat: 10, email: 30, sms: 10 },
    }));
    const teams = randomTeams(random, agents);
    const input: PlanAssignmentsInput = {
      queue: randomQueue(random, 1_000, [null, ...teams.map((team) => team.id)]),
      agents,
      teams: new Map(teams.map((team) => [team.id, team])),
      tenantDefaultStrategy: 'capacity',
      now: NOW,
    };
    const plan = planAssignments(input);
    expect(plan.decisions.length).toBeGreaterThan(500);
    expectPlanHonoursEligibility(input, plan);
    const unexplained = plan.decisions.filter(
      (decision) =>
        !/^(round robin|capacity|skill match|channel specialist)( in team [^:]+)?: \S/.test(decision.reason) ||
        decision.rejected.some((rejected) => rejected.reasons.length === 0),
    );
    expect(unexplained).toEqual([]);
  });
});
