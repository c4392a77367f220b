import { MAX_LISTED_CANDIDATES, MAX_LISTED_REJECTED } from '../../../core/assignment/plan-assignments';
import { aConversation, aTeam, anAgent, teamsOf } from './assignment-fixtures';
import { assigneeOf, assignmentCounts, plan } from './plan-harness';

describe('planAssignments', () => {
  it('serves the queue in priority order, so the scarce agent goes to the urgent conversation', () => {
    const agents = [anAgent('only', { capacity: { chat: 1 } })];
    const queue = [aConversation('normal'), aConversation('urgent', { priority: 'urgent' })];
    const result = plan(queue, agents);
    expect(assigneeOf(result, 'urgent')).toBe('only');
    expect(result.waiting.map((w) => w.conversationId)).toEqual(['normal']);
  });

  it('makes the same decisions without waiting explanations, as a drain asks, and lists no waiting', () => {
    const agents = [anAgent('only', { capacity: { chat: 1 } })];
    const queue = [aConversation('normal'), aConversation('urgent', { priority: 'urgent' })];
    const quiet = plan(queue, agents, { explainWaiting: false });
    expect(quiet.decisions).toEqual(plan(queue, agents).decisions);
    expect(quiet.waiting).toEqual([]);
  });

  it('stops at maxDecisions with the same first decisions a full pass makes', () => {
    const agents = [anAgent('a'), anAgent('b')];
    const queue = [aConversation('c1'), aConversation('c2'), aConversation('c3')];
    const capped = plan(queue, agents, { maxDecisions: 2 });
    expect(capped.decisions).toEqual(plan(queue, agents).decisions.slice(0, 2));
  });

  it('lets later decisions in the pass see the load of earlier ones', () => {
    const agents = [anAgent('a'), anAgent('b')];
    const result = plan([aConversation('c1'), aConversation('c2'), aConversation('c3')], agents);
    expect(result.decisions.map((d) => d.agentId)).toEqual(['a', 'b', 'a']);
    expect(result.decisions[1].candidates.map((c) => [c.agentId, c.active])).toEqual([
      ['b', 0],
      ['a', 1],
    ]);
  });

  it('does not modify its inputs', () => {
    const agents = [anAgent('a', { teamLastAssignedAt: {} })];
    const team = aTeam({ memberIds: ['a'] });
    const queue = [aConversation('c2', { teamId: team.id }), aConversation('c1', { priority: 'urgent' })];
    const before = JSON.stringify({ agents, queue, team });
    plan(queue, agents, { teams: teamsOf(team) });
    expect(JSON.stringify({ agents, queue, team })).toBe(before);
  });

  it("gives a team's conversations to its members only, with the team's strategy", () => {
    const team = aTeam({ strategy: 'round_robin', memberIds: ['member'] });
    const agents = [anAgent('idle-outsider'), anAgent('member', { active: { chat: 2 } })];
    const result = plan([aConversation('c', { teamId: team.id })], agents, { teams: teamsOf(team) });
    const [decision] = result.decisions;
    expect(decision).toMatchObject({ agentId: 'member', teamId: team.id, strategy: 'round_robin' });
    expect(decision.rejected).toEqual([{ agentId: 'idle-outsider', reasons: ['not a member of team Billing'] }]);
    expect(decision.reason).toBe(
      'round robin in team Billing: next in rotation, never assigned from this queue, among 1 eligible agent',
    );
  });

  it('uses the tenant default strategy for conversations without a team, and any online agent', () => {
    const team = aTeam({ memberIds: ['a'] });
    const agents = [anAgent('a', { lastAssignedAt: 5 }), anAgent('b', { lastAssignedAt: 9, active: { chat: 2 } })];
    const result = plan([aConversation('c')], agents, { teams: teamsOf(team), tenantDefaultStrategy: 'round_robin' });
    expect(result.decisions[0]).toMatchObject({ agentId: 'a', teamId: null, strategy: 'round_robin' });
    expect(result.decisions[0].reason).toBe('round robin: longest since last assignment among 2 eligible agents');
  });

  it('puts a conversation whose team no longer exists in the tenant-wide queue', () => {
    const agents = [anAgent('a')];
    const result = plan([aConversation('c', { teamId: 'team-deleted' })], agents, { tenantDefaultStrategy: 'channel' });
    expect(result.decisions[0]).toMatchObject({ agentId: 'a', teamId: null, strategy: 'channel' });
    expect(result.decisions[0].reason).toMatch(
      /^channel specialist in the tenant-wide queue \(team team-deleted no longer exists\): /,
    );
  });

  it('never gives a conversation back to an agent who handed it back', () => {
    const agents = [anAgent('a'), anAgent('b', { active: { chat: 2 } })];
    const result = plan([aConversation('c', { excludedAgentIds: ['a'] })], agents);
    expect(assigneeOf(result, 'c')).toBe('b');
    expect(result.decisions[0].rejected).toEqual([
      { agentId: 'a', reasons: ['handed this conversation back earlier'] },
    ]);
  });

  it('explains the win in one sentence naming the strategy', () => {
    const agents = [anAgent('a', { active: { chat: 1 }, lastAssignedAt: 1 }), anAgent('b', { active: { chat: 1 } })];
    const [decision] = plan([aConversation('c')], agents).decisions;
    expect(decision.reason).toBe(
      'capacity: lowest chat load (1 of 3) among 2 eligible agents; tie broken by longest since last assignment',
    );
  });

  it('keeps full agents out and leaves the surplus waiting', () => {
    const agents = [anAgent('a', { capacity: { chat: 2 } }), anAgent('b', { capacity: { chat: 1 } })];
    const queue = Array.from({ length: 5 }, (_, i) => aConversation(`c${i}`));
    const result = plan(queue, agents);
    expect(Object.fromEntries(assignmentCounts(result))).toEqual({ a: 2, b: 1 });
    expect(result.waiting.map((w) => w.conversationId)).toEqual(['c3', 'c4']);
    expect(result.decisions[2].rejected).toEqual([{ agentId: 'b', reasons: ['at capacity (1 of 1 chat)'] }]);
  });

  it('caps the candidates and rejected agents it lists, members first', () => {
    const memberIds = Array.from({ length: 30 }, (_, i) => `member-${String(i).padStart(2, '0')}`);
    const team = aTeam({ memberIds });
    const agents = [
      ...Array.from({ length: 40 }, (_, i) => anAgent(`outsider-${i}`)),
      ...memberIds.map((id, i) => anAgent(id, { channels: i < 5 ? ['email'] : ['chat'] })),
    ];
    const [decision] = plan([aConversation('c', { teamId: team.id })], agents, { teams: teamsOf(team) }).decisions;
    expect(decision.candidates).toHaveLength(MAX_LISTED_CANDIDATES);
    expect(decision.candidates[0].agentId).toBe('member-05');
    expect(decision.reason).toContain('among 25 eligible agents');
    expect(decision.rejected).toHaveLength(MAX_LISTED_REJECTED);
    expect(decision.rejected.slice(0, 5).map((r) => r.reasons)).toEqual(Array(5).fill(['does not serve chat']));
    expect(decision.rejected[5]).toEqual({ agentId: 'outsider-0', reasons: ['not a member of team Billing'] });
  });

  it('returns an empty plan for an empty queue', () => {
    expect(plan([], [anAgent('a')])).toEqual({ decisions: [], waiting: [] });
  });
});
