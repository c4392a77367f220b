import type { ConversationContext } from '../../../workflows/conversation/conversation-context';
import { commit } from '../../../workflows/conversation/conversation-state';
import type { ConversationState } from '../../../workflows/conversation.definitions';
import { aConversationState, conversationSettings, T0 } from '../../support/conversation-state.fixtures';

export const NOW = T0;
export const settings = conversationSettings;

/** A context whose steps are jest fakes recording every call in `calls`, in order; no Temporal involved. */
export function fakeContext(state: Partial<ConversationState> = {}, patches: string[] = []) {
  const named: [string, jest.Mock][] = [];
  const step = <T>(name: string, result: T) => {
    const fake = jest.fn(async (..._args: unknown[]) => result);
    named.push([name, fake]);
    return fake;
  };
  /** Every fake's calls, in the order they happened (a mocked result keeps the record). */
  const calls = () =>
    named
      .flatMap(([name, fake]) => fake.mock.invocationCallOrder.map((order) => ({ name, order })))
      .sort((a, b) => a.order - b.order)
      .map((call) => call.name);
  const ctx = {
    ref: { tenantId: 't', conversationId: 'c', customerId: 'u', channel: 'chat' },
    settings,
    state: aConversationState(state),
    steps: {
      conversation: {
        takeBotTurn: step('takeBotTurn', {}),
        recordCustomerMessage: step('recordCustomerMessage', { messageId: 'm1', created: true }),
        escalate: step('escalate', undefined),
        recordAgentReply: step('recordAgentReply', { id: 'reply-1' }),
        changeStatus: step('changeStatus', undefined),
      },
      assignment: {
        drainAssignmentQueue: step('drainAssignmentQueue', { notices: [], assigneeId: null }),
        assignConversation: step('assignConversation', undefined),
        releaseAfterMissedFirstResponse: step('releaseAfterMissedFirstResponse', 'high'),
        reopenToQueue: step('reopenToQueue', undefined),
      },
      routing: { handleSlaBreach: step('handleSlaBreach', { priority: 'high', released: true }) },
      delivery: {
        deliverMessage: step('deliverMessage', { status: 'sent', failureReason: null }),
        markDeliveryFailed: step('markDeliveryFailed', { status: 'failed', failureReason: 'gave up' }),
      },
    },
    routing: {
      enabled: () => true,
      route: step('route', undefined),
      triageFirst: jest.fn(async (_message: unknown, alongside?: () => Promise<void>) => {
        await alongside?.();
      }),
      customerWroteToHuman: step('customerWroteToHuman', undefined),
      breachSla: step('breachSla', undefined),
      retag: step('retag', undefined),
    },
    apply: (next: ConversationState) => commit(ctx.state, next),
    changed: jest.fn(),
    drainQueue: step('drain', undefined),
    patched: (name: string) => patches.includes(name),
    now: () => NOW,
    log: { warn: jest.fn() },
  } as unknown as ConversationContext;
  return { ctx, calls };
}

/** A fake step as the jest mock it is. */
export function mocked(step: unknown): jest.Mock {
  return step as jest.Mock;
}
