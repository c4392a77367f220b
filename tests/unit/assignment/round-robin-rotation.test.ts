import type { AgentSnapshot, AssignmentPlan } from '../../../core/assignment/assignment.types';
import { aConversation, aTeam, anAgent, NOW, teamsOf } from './assignment-fixtures';
import { plan } from './plan-harness';

/** What the repository persists after a drain: loads, and the rotation dated 1 µs apart per decision. */
function persist(agents: AgentSnapshot[], result: AssignmentPlan, at: number): AgentSnapshot[] {
  return agents.map((agent) => {
    const next = { ...agent, active: { ...agent.active }, teamLastAssignedAt: { ...agent.teamLastAssignedAt } };
    result.decisions.forEach((decision, index) => {
      if (decision.agentId === agent.id) {
        next.active[decision.channel] += 1;
        next.lastAssignedAt = at + (index + 1) * 0.001;
        if (decision.teamId) {
          next.teamLastAssignedAt[decision.teamId] = at + (index + 1) * 0.001;
        }
      }
    });
    return next;
  });
}

describe('round-robin rotation over several drains', () => {
  const team = aTeam({ strategy: 'round_robin', memberIds: ['a', 'b', 'c', 'd'] });
  const teams = teamsOf(team);

  it('takes turns across drains and spreads conversations evenly', () => {
    let agents = ['d', 'c', 'b', 'a'].map((id) => anAgent(id, { capacity: { email: 50 } }));
    const order: string[] = [];
    for (let drain = 0; drain < 6; drain += 1) {
      const now = NOW + drain * 1_000;
      const queue = [0, 1, 2].map((i) => aConversation(`d${drain}-${i}`, { teamId: team.id, channel: 'email' }));
      const result = plan(queue, agents, { teams, now });
      order.push(...result.decisions.map((decision) => decision.agentId));
      agents = persist(agents, result, now);
    }
    expect(order.join('')).toBe('abcd'.repeat(4) + 'ab');
    const counts = ['a', 'b', 'c', 'd'].map((id) => order.filter((agentId) => agentId === id).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('skips a full member and keeps rotating among the others', () => {
    let agents = [anAgent('a'), anAgent('b', { capacity: { chat: 1 } }), anAgent('c'), anAgent('d')];
    const order: string[] = [];
    for (let drain = 0; drain < 3; drain += 1) {
      const now = NOW + drain * 1_000;
      const queue = [0, 1, 2].map((i) => aConversation(`d${drain}-${i}`, { teamId: team.id }));
      const result = plan(queue, agents, { teams, now });
      order.push(...result.decisions.map((decision) => decision.agentId));
      agents = persist(agents, result, now);
    }
    expect(order.join('')).toBe('abcdacdac');
    expect(agents.map((agent) => agent.active.chat)).toEqual([3, 1, 3, 2]);
  });

  it('does not let another team or the tenant-wide queue disturb the team rotation', () => {
    const agents = [
      anAgent('a', { teamLastAssignedAt: { [team.id]: NOW - 2_000 }, lastAssignedAt: NOW - 1 }),
      anAgent('b', { teamLastAssignedAt: { [team.id]: NOW - 1_000 }, lastAssignedAt: NOW - 5_000 }),
    ];
    const result = plan(
      [aConversation('team', { teamId: team.id }), aConversation('tenant', { priority: 'urgent' })],
      agents,
      { teams, tenantDefaultStrategy: 'round_robin' },
    );
    expect(result.decisions.map((d) => [d.conversationId, d.agentId])).toEqual([
      ['tenant', 'b'],
      ['team', 'a'],
    ]);
  });
});
