import { rankByCapacity } from '../../../core/assignment/capacity.strategy';
import { aConversation, aTeam, anAgent } from './assignment-fixtures';
import { rank } from './strategy-harness';

describe('capacity strategy', () => {
  it('prefers the lowest utilisation on the conversation channel, not the fewest conversations', () => {
    const busyButBig = anAgent('big', { capacity: { chat: 10 }, active: { chat: 2 } });
    const quietButSmall = anAgent('small', { capacity: { chat: 3 }, active: { chat: 1 } });
    const ranking = rank(rankByCapacity, [quietButSmall, busyButBig], aConversation('c'));
    expect(ranking.order).toEqual(['big', 'small']);
    expect(ranking.candidates[0]).toMatchObject({ agentId: 'big', score: 0.2, active: 2, capacity: 10 });
    expect(ranking.reason).toBe('lowest chat load (2 of 10) among 2 eligible agents');
  });

  it('ignores load on other channels while the channel loads differ', () => {
    const a = anAgent('a', { active: { chat: 1, email: 0 } });
    const b = anAgent('b', { active: { chat: 0, email: 9 } });
    expect(rank(rankByCapacity, [a, b], aConversation('c')).order).toEqual(['b', 'a']);
  });

  it('breaks a channel tie by the weighted overall load, using the team weights', () => {
    const a = anAgent('a', { active: { chat: 1, email: 5 } });
    const b = anAgent('b', { active: { chat: 1, sms: 1 } });
    const equal = rank(rankByCapacity, [a, b], aConversation('c'));
    expect(equal.order).toEqual(['b', 'a']);
    expect(equal.reason).toBe(
      'lowest chat load (1 of 3) among 2 eligible agents; tie broken by lower overall load (0.53 vs 0.83)',
    );

    const team = aTeam({ capacityWeights: { chat: 1, email: 0.1, sms: 1 } });
    expect(rank(rankByCapacity, [a, b], aConversation('c'), team).order).toEqual(['a', 'b']);
  });

  it('leaves channels without capacity out of the overall load', () => {
    const manualSms = anAgent('a', { capacity: { sms: 0 }, active: { sms: 4 } });
    const b = anAgent('b', { active: { email: 1 } });
    expect(rank(rankByCapacity, [b, manualSms], aConversation('c')).order).toEqual(['a', 'b']);
  });

  it('then prefers whoever has gone longest since their last assignment', () => {
    const recent = anAgent('a', { lastAssignedAt: 2_000 });
    const earlier = anAgent('b', { lastAssignedAt: 1_000 });
    const ranking = rank(rankByCapacity, [recent, earlier], aConversation('c'));
    expect(ranking.order).toEqual(['b', 'a']);
    expect(ranking.reason).toBe(
      'lowest chat load (0 of 3) among 2 eligible agents; tie broken by longest since last assignment',
    );
  });

  it('falls back to agent id when everything else is equal', () => {
    const ranking = rank(rankByCapacity, [anAgent('b'), anAgent('a'), anAgent('c')], aConversation('c'));
    expect(ranking.order).toEqual(['a', 'b', 'c']);
    expect(ranking.reason).toBe('lowest chat load (0 of 3) among 3 eligible agents; tie broken by agent id');
  });

  it('says so when there was only one eligible agent', () => {
    expect(rank(rankByCapacity, [anAgent('a')], aConversation('c')).reason).toBe(
      'lowest chat load (0 of 3) among 1 eligible agent',
    );
  });
});
