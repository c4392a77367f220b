import {
  decideAssignments,
  type CandidateAgent,
  type WaitingConversation,
} from '../../core/assignment/capacity-policy';

const agent = (id: string, overrides: Partial<CandidateAgent> = {}): CandidateAgent => ({
  id,
  channels: ['chat', 'email', 'sms'],
  capacity: { chat: 2, email: 10, sms: 5 },
  active: { chat: 0, email: 0, sms: 0 },
  lastAssignedAt: 0,
  ...overrides,
});

const waiting = (id: string, overrides: Partial<WaitingConversation> = {}): WaitingConversation => ({
  id,
  workflowId: `wf-${id}`,
  channel: 'chat',
  excludedAgentIds: [],
  ...overrides,
});

describe('capacity-based assignment', () => {
  it('gives each conversation to the agent with the fewest active conversations on its channel', () => {
    const agents = [agent('a', { active: { chat: 1, email: 0, sms: 0 } }), agent('b')];
    const [decision] = decideAssignments([waiting('c1')], agents, 1000);
    expect(decision.agentId).toBe('b');
    expect(decision.candidates.map((c) => c.agentId)).toEqual(['b', 'a']);
  });

  it('breaks ties by whoever has gone longest without an assignment', () => {
    const agents = [agent('a', { lastAssignedAt: 500 }), agent('b', { lastAssignedAt: 100 })];
    const [decision] = decideAssignments([waiting('c1')], agents, 1000);
    expect(decision.agentId).toBe('b');
    expect(decision.reason).toContain('tie broken');
  });

  it('never exceeds capacity and leaves the surplus waiting', () => {
    const agents = [agent('a'), agent('b')];
    const queue = Array.from({ length: 7 }, (_, i) => waiting(`c${i}`));
    const decisions = decideAssignments(queue, agents, 1000);
    expect(decisions).toHaveLength(4);
    const perAgent = decisions.reduce<Record<string, number>>((counts, d) => {
      counts[d.agentId] = (counts[d.agentId] ?? 0) + 1;
      return counts;
    }, {});
    expect(perAgent).toEqual({ a: 2, b: 2 });
    expect(decisions.map((d) => d.conversationId)).toEqual(['c0', 'c1', 'c2', 'c3']);
  });

  it('skips agents who do not serve the channel or were excluded', () => {
    const agents = [agent('a', { channels: ['email'] }), agent('b'), agent('c')];
    const [decision] = decideAssignments([waiting('c1', { excludedAgentIds: ['b'] })], agents, 1000);
    expect(decision.agentId).toBe('c');
  });

  it('counts capacity per channel', () => {
    const agents = [agent('a', { capacity: { chat: 0, email: 1, sms: 0 } })];
    const decisions = decideAssignments([waiting('c1'), waiting('e1', { channel: 'email' })], agents, 1000);
    expect(decisions.map((d) => d.conversationId)).toEqual(['e1']);
  });
});
