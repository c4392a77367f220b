import type { ConversationSettings, ConversationState } from '../../workflows/conversation.definitions';

/** Workflow-free fixtures for the pure conversation code (deadlines, state transitions, fake contexts). */
export const T0 = '2026-01-01T00:00:00.000Z';

export const conversationSettings: ConversationSettings = {
  handoffConfidenceThreshold: 0.5,
  maxBotTurns: 3,
  firstResponseTargetSeconds: 60,
  inactivityResolveSeconds: 3600,
  reopenWindowSeconds: 86400,
  queueRecheckSeconds: 30,
  continueAsNewAfterEvents: 1000,
};

/** A bot conversation with no history, last active at T0. */
export function aConversationState(overrides: Partial<ConversationState> = {}): ConversationState {
  return {
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
    sla: null,
    ...overrides,
  };
}
