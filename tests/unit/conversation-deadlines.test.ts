import { nextDeadline } from '../../workflows/conversation-deadlines';
import type { ConversationSettings, ConversationState } from '../../workflows/conversation.definitions';

const settings: ConversationSettings = {
  handoffConfidenceThreshold: 0.5,
  maxBotTurns: 3,
  firstResponseTargetSeconds: 60,
  inactivityResolveSeconds: 3600,
  reopenWindowSeconds: 86400,
  queueRecheckSeconds: 30,
  continueAsNewAfterEvents: 1000,
};

const T0 = '2026-01-01T00:00:00.000Z';
const ms = (iso: string, seconds: number) => Date.parse(iso) + seconds * 1000;

const state = (overrides: Partial<ConversationState>): ConversationState => ({
  status: 'bot',
  priority: 'normal',
  assigneeId: null,
  botTurns: 0,
  awaitingFirstResponse: false,
  excludedAgentIds: [],
  snoozedUntil: null,
  assignedAt: null,
  lastActivityAt: T0,
  hadHuman: false,
  ...overrides,
});

describe('conversation deadlines', () => {
  it('a bot conversation resolves itself after the quiet period', () => {
    expect(nextDeadline(state({}), settings)).toEqual({ kind: 'inactive', at: ms(T0, 3600) });
  });

  it('an assigned conversation without a first response waits on the first-response target', () => {
    const deadline = nextDeadline(
      state({ status: 'open', assigneeId: 'a', assignedAt: T0, awaitingFirstResponse: true }),
      settings,
    );
    expect(deadline).toEqual({ kind: 'first_response', at: ms(T0, 60) });
  });

  it('a queued conversation re-checks the queue periodically', () => {
    const deadline = nextDeadline(state({ status: 'open', awaitingFirstResponse: true }), settings);
    expect(deadline).toEqual({ kind: 'queue_recheck', at: ms(T0, 30) });
  });

  it('an answered open conversation resolves after the quiet period', () => {
    const deadline = nextDeadline(state({ status: 'open', assigneeId: 'a', assignedAt: T0 }), settings);
    expect(deadline?.kind).toBe('inactive');
  });

  it('a snoozed conversation wakes at its time and a resolved one closes after the reopen window', () => {
    const until = '2026-01-02T00:00:00.000Z';
    expect(nextDeadline(state({ status: 'snoozed', snoozedUntil: until }), settings)).toEqual({
      kind: 'snooze_over',
      at: Date.parse(until),
    });
    expect(nextDeadline(state({ status: 'resolved' }), settings)).toEqual({
      kind: 'reopen_window_over',
      at: ms(T0, 86400),
    });
  });
});
