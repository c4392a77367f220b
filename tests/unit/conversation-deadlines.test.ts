import { nextDeadline } from '../../workflows/conversation-deadlines';
import type { ConversationState } from '../../workflows/conversation.definitions';
import { aConversationState, conversationSettings, T0 } from '../support/conversation-state.fixtures';

const ms = (iso: string, seconds: number) => Date.parse(iso) + seconds * 1000;

const state = aConversationState;
const settings = conversationSettings;

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

  describe('SLA and skill-relaxation clocks', () => {
    const sla = (overrides: Partial<NonNullable<ConversationState['sla']>>) => ({
      policyId: 'p',
      firstResponseDueAt: null,
      nextResponseDueAt: null,
      resolutionDueAt: null,
      breachActions: { raisePriority: true, reassign: false, notify: true },
      ...overrides,
    });

    it('an SLA due time earlier than every other clock comes first', () => {
      const due = '2026-01-01T00:00:10.000Z';
      const deadline = nextDeadline(state({ status: 'open', sla: sla({ firstResponseDueAt: due }) }), settings);
      expect(deadline).toEqual({ kind: 'sla_first_response', at: Date.parse(due) });
    });

    it('the next-response clock stops while the conversation waits on the customer', () => {
      const due = '2026-01-01T00:00:10.000Z';
      const open = nextDeadline(
        state({ status: 'open', assigneeId: 'a', sla: sla({ nextResponseDueAt: due }) }),
        settings,
      );
      expect(open?.kind).toBe('sla_next_response');
      const pending = nextDeadline(state({ status: 'pending', sla: sla({ nextResponseDueAt: due }) }), settings);
      expect(pending).toEqual({ kind: 'inactive', at: ms(T0, 3600) });
    });

    it('no SLA clock runs for a resolved conversation', () => {
      const due = '2026-01-01T00:00:10.000Z';
      const deadline = nextDeadline(state({ status: 'resolved', sla: sla({ resolutionDueAt: due }) }), settings);
      expect(deadline?.kind).toBe('reopen_window_over');
    });

    it('a queued conversation wakes at its skill-relaxation moment', () => {
      const relax = '2026-01-01T00:00:05.000Z';
      const deadline = nextDeadline(state({ status: 'open', skillRelaxAt: relax }), settings);
      expect(deadline).toEqual({ kind: 'skills_relax', at: Date.parse(relax) });
    });
  });
});
