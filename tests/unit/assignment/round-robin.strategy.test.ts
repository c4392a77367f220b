import { rankRoundRobin } from '../../../core/assignment/round-robin.strategy';
import { aConversation, aTeam, anAgent } from './assignment-fixtures';
import { rank } from './strategy-harness';

describe('round-robin strategy', () => {
  const team = aTeam({ strategy: 'round_robin', memberIds: ['a', 'b', 'c'] });
  const conversation = aConversation('c1', { teamId: team.id });

  it("follows the team's rotation: oldest last assignment in this team first, whatever the load", () => {
    const agents = [
      anAgent('a', { teamLastAssignedAt: { [team.id]: 3_000 } }),
      anAgent('b', { teamLastAssignedAt: { [team.id]: 1_000 }, active: { chat: 2 } }),
      anAgent('c', { teamLastAssignedAt: { [team.id]: 2_000 }, lastAssignedAt: 9_000 }),
    ];
    const ranking = rank(rankRoundRobin, agents, conversation, team);
    expect(ranking.order).toEqual(['b', 'c', 'a']);
    expect(ranking.candidates.map((candidate) => candidate.score)).toEqual([1_000, 2_000, 3_000]);
    expect(ranking.reason).toBe('longest since last assignment among 3 eligible agents');
  });

  it('puts members never assigned in this team first, whatever they did elsewhere', () => {
    const agents = [
      anAgent('a', { teamLastAssignedAt: { [team.id]: 1_000 } }),
      anAgent('b', { teamLastAssignedAt: { 'team-other': 5_000 }, lastAssignedAt: 5_000 }),
    ];
    const ranking = rank(rankRoundRobin, agents, conversation, team);
    expect(ranking.order).toEqual(['b', 'a']);
    expect(ranking.reason).toBe('next in rotation, never assigned from this queue, among 2 eligible agents');
  });

  it('breaks ties by agent id', () => {
    const ranking = rank(rankRoundRobin, [anAgent('c'), anAgent('a'), anAgent('b')], conversation, team);
    expect(ranking.order).toEqual(['a', 'b', 'c']);
    expect(ranking.reason).toContain('tie broken by agent id');
  });

  it('rotates on the last assignment anywhere for the tenant-wide queue', () => {
    const agents = [
      anAgent('a', { lastAssignedAt: 2_000 }),
      anAgent('b', { lastAssignedAt: 1_000, teamLastAssignedAt: { [team.id]: 9_000 } }),
    ];
    expect(rank(rankRoundRobin, agents, aConversation('c2')).order).toEqual(['b', 'a']);
  });
});
