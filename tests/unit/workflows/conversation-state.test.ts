import {
  adoptedAssignee,
  afterAgentReply,
  afterAssign,
  afterEscalation,
  afterPend,
  afterRelease,
  afterRepeatedBotTurn,
  afterResolve,
  commit,
} from '../../../workflows/conversation/conversation-state';
import type { ConversationState } from '../../../workflows/conversation.definitions';
import { aConversationState, T0 } from '../../support/conversation-state.fixtures';

const T1 = '2026-01-01T00:01:00.000Z';
const sla = () => ({
  policyId: 'p',
  firstResponseDueAt: T1,
  nextResponseDueAt: T1,
  resolutionDueAt: T1,
  breachActions: { raisePriority: true, reassign: false, notify: true },
});
const state = (overrides: Partial<ConversationState> = {}) => aConversationState({ status: 'open', ...overrides });

describe('conversation state transitions', () => {
  it('adopts an assignee only for an open conversation held by someone else', () => {
    expect(adoptedAssignee(state(), 'a', T1)).toMatchObject({ assigneeId: 'a', assignedAt: T1 });
    expect(adoptedAssignee(state({ assigneeId: 'a' }), 'a', T1)).toBeNull();
    expect(adoptedAssignee(state({ status: 'bot' }), 'a', T1)).toBeNull();
  });

  it('an escalation opens the conversation, waiting for a first human answer', () => {
    expect(afterEscalation(state({ status: 'bot' }))).toMatchObject({
      status: 'open',
      hadHuman: true,
      awaitingFirstResponse: true,
    });
  });

  it('a repeated bot turn keeps the larger of the counted and stored turns', () => {
    expect(afterRepeatedBotTurn(state({ botTurns: 1 }), 2).botTurns).toBe(2);
    expect(afterRepeatedBotTurn(state({ botTurns: 3 }), 2).botTurns).toBe(3);
    expect(afterRepeatedBotTurn(state({ botTurns: 3 })).botTurns).toBe(3);
  });

  it('an agent reply stops the response clocks and leaves the resolution clock', () => {
    const next = afterAgentReply(state({ awaitingFirstResponse: true, sla: sla() }), T1);
    expect(next).toMatchObject({ awaitingFirstResponse: false, lastActivityAt: T1 });
    expect(next.sla).toMatchObject({ firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: T1 });
  });

  it('unassigning passes the previous assignee over; assigning does not', () => {
    const held = state({ assigneeId: 'a', assignedAt: T0, status: 'snoozed', snoozedUntil: T1 });
    expect(afterAssign(held, null, T1)).toMatchObject({
      status: 'open',
      assigneeId: null,
      assignedAt: null,
      snoozedUntil: null,
      excludedAgentIds: ['a'],
      hadHuman: true,
    });
    expect(afterAssign(held, 'b', T1)).toMatchObject({ assigneeId: 'b', assignedAt: T1, excludedAgentIds: [] });
  });

  it('a release puts it back in the queue, optionally without the agent and at a new priority', () => {
    expect(
      afterRelease(state({ assigneeId: 'a', assignedAt: T0 }), { excludeAgentId: 'a', priority: 'high' }),
    ).toMatchObject({
      assigneeId: null,
      assignedAt: null,
      awaitingFirstResponse: true,
      priority: 'high',
      excludedAgentIds: ['a'],
    });
  });

  it('resolving drops the SLA clocks and the passed-over agents; pending stops the next-response clock', () => {
    expect(afterResolve(state({ sla: sla(), excludedAgentIds: ['a'] }), T1)).toMatchObject({
      status: 'resolved',
      sla: null,
      excludedAgentIds: [],
      lastActivityAt: T1,
    });
    expect(afterPend(state({ sla: sla() }), T1).sla).toMatchObject({ nextResponseDueAt: null, firstResponseDueAt: T1 });
  });

  it('transitions leave their input untouched', () => {
    const before = state({ assigneeId: 'a', sla: sla() });
    const snapshot = JSON.parse(JSON.stringify(before));
    afterAssign(before, null, T1);
    afterAgentReply(before, T1);
    afterRelease(before, { excludeAgentId: 'a' });
    expect(before).toEqual(snapshot);
  });

  it('commit changes the state in place and keeps the SLA object the routing closures hold', () => {
    const current = state({ awaitingFirstResponse: true, sla: sla() });
    const held = current.sla;
    commit(current, afterAgentReply(current, T1));
    expect(current.sla).toBe(held);
    expect(held).toMatchObject({ firstResponseDueAt: null });
    commit(current, afterResolve(current, T1));
    expect(current.sla).toBeNull();
  });
});
