import type { ConversationStatus } from '../../core/conversations/conversation-status';
import type { InboundMessage } from '../conversation.definitions';
import type { ConversationContext } from './conversation-context';
import {
  afterActivity,
  afterBackToBot,
  afterCustomerReplied,
  afterReopenedToQueue,
  afterWake,
} from './conversation-state';
import type { BotTurn } from './bot-turn';
import type { HandOff } from './hand-off';

export type InboundHandler = (message: InboundMessage) => Promise<void>;

/** A stored customer message that the bot does not answer, by the conversation's status when it arrived. */
type StoredMessageHandler = (message: InboundMessage, messageId: string) => Promise<void>;

/**
 * What a customer's message does: the bot answers it while it may, otherwise it is stored and moves the conversation
 * on (hand-off after the bot's last turn, the next-response clock, waking, reopening).
 */
export function createInboundHandling(ctx: ConversationContext, botTurn: BotTurn, handOff: HandOff): InboundHandler {
  const { state, steps, ref } = ctx;
  const { tenantId, conversationId } = ref;

  const reopenByCustomer = (status: 'open' | 'bot', reason: string, eventKey: string) =>
    steps.conversation.changeStatus({ tenantId, conversationId, status, actor: 'customer', reason, eventKey });

  const drainIfUnassigned = async () => {
    if (state.assigneeId === null) {
      await ctx.drainQueue();
    }
  };

  const byStatus: Record<ConversationStatus, StoredMessageHandler> = {
    bot: (message, messageId) => handOff('max_bot_turns', { messageId, body: message.body }),
    open: (_message, messageId) => ctx.routing.customerWroteToHuman(messageId), // a person handles it
    pending: async (_message, messageId) => {
      await reopenByCustomer('open', 'customer replied', `customer_replied:${messageId}`);
      ctx.apply(afterCustomerReplied(state));
      await ctx.routing.customerWroteToHuman(messageId);
      await drainIfUnassigned();
    },
    snoozed: async (_message, messageId) => {
      await reopenByCustomer('open', 'customer wrote while snoozed', `woken:${messageId}`);
      ctx.apply(afterWake(state));
      await drainIfUnassigned();
    },
    resolved: async (message, messageId) => {
      if (state.hadHuman) {
        await steps.assignment.reopenToQueue({ tenantId, conversationId, eventKey: `reopened:${messageId}` });
        ctx.apply(afterReopenedToQueue(state));
        await ctx.drainQueue();
        return;
      }
      await reopenByCustomer('bot', 'customer wrote after resolution', `reopened:${messageId}`);
      ctx.apply(afterBackToBot(state));
      await botTurn(message); // finds the message stored and unanswered, and answers it
    },
  };

  return async (message) => {
    if (state.status === 'bot' && state.botTurns < ctx.settings.maxBotTurns) {
      await botTurn(message);
      return;
    }
    const { messageId, created } = await steps.conversation.recordCustomerMessage({
      ...ref,
      externalId: message.externalId,
      body: message.body,
      ...(message.envelope ? { envelope: message.envelope } : {}),
    });
    if (!created) {
      return; // a retried delivery of a message already handled
    }
    ctx.apply(afterActivity(state, ctx.now()));
    ctx.changed();
    await ctx.routing.triageFirst(message);
    await byStatus[state.status](message, messageId);
  };
}
