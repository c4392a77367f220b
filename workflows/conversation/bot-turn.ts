import type { InboundMessage } from '../conversation.definitions';
import type { ConversationContext } from './conversation-context';
import { afterActivity, afterBotReply, afterRepeatedBotTurn } from './conversation-state';
import type { HandOff } from './hand-off';
import { deliverOutbound } from './outbound-delivery';

export type BotTurn = (message: InboundMessage) => Promise<void>;

/**
 * The hot path: one local activity stores the message and answers it; a confident answer is delivered (deliverOutbound), an unsure one
 * (or a customer asking for a person) hands off. The first message's triage runs beside it, in the same workflow task.
 */
export function createBotTurn(ctx: ConversationContext, handOff: HandOff): BotTurn {
  const answer = async (message: InboundMessage) => {
    const turn = await ctx.steps.conversation.takeBotTurn({
      ...ctx.ref,
      externalId: message.externalId,
      body: message.body,
      ...(message.envelope ? { envelope: message.envelope } : {}),
      nextBotTurn: ctx.state.botTurns + 1,
      threshold: ctx.settings.handoffConfidenceThreshold,
    });
    if (!turn.fresh || !turn.answer) {
      // Already handled: a retried delivery (counted before), or this turn re-run after its result was lost (not yet).
      ctx.apply(afterRepeatedBotTurn(ctx.state, turn.botTurns));
      await deliverOutbound(ctx, turn.replyMessageId); // sent already unless this turn's first result was lost
      return;
    }
    ctx.apply(afterActivity(ctx.state, ctx.now()));
    ctx.changed();
    if (turn.replied) {
      ctx.apply(afterBotReply(ctx.state));
      await deliverOutbound(ctx, turn.replyMessageId);
      return;
    }
    await handOff(
      turn.answer.wantsHuman ? 'customer_requested_human' : 'low_confidence',
      { messageId: turn.messageId, body: message.body },
      turn.answer,
    );
  };
  return (message) => ctx.routing.triageFirst(message, () => answer(message));
}
