import type { AiAnswer } from '../../core/knowledge/answer/ai-answer';
import type { EscalateInput } from '../../activities/conversation.activities';
import type { ConversationContext } from './conversation-context';
import { afterEscalation } from './conversation-state';
import { deliverOutbound } from './outbound-delivery';

export type HandOffReason = EscalateInput['reason'];

export interface HandOffTrigger {
  messageId: string;
  body: string;
}

export type HandOff = (reason: HandOffReason, trigger: HandOffTrigger, answer?: AiAnswer) => Promise<void>;

/** The hand-off notice's id, when the escalate step stored one (it is delivered like any outbound message). */
const noticeIdOf = (result: unknown): string | null => {
  const id = (result as { handoffMessageId?: unknown } | null | undefined)?.handoffMessageId;
  return typeof id === 'string' ? id : null;
};

/**
 * Hands the conversation to a person: routed first (team, skills and SLA are in place before it joins the queue, so
 * no drain sees it unrouted), then escalated, then the queue runs.
 */
export function createHandOff(ctx: ConversationContext): HandOff {
  return async (reason, trigger, answer) => {
    if (ctx.routing.enabled()) {
      await ctx.routing.route(trigger.body, 'escalated', `routed:escalated:${trigger.messageId}`);
    }
    const escalated: unknown = await ctx.steps.conversation.escalate({
      ...ctx.ref,
      triggerMessageId: trigger.messageId,
      reason,
      answer,
      threshold: ctx.settings.handoffConfidenceThreshold,
    });
    ctx.apply(afterEscalation(ctx.state));
    ctx.changed();
    await deliverOutbound(ctx, noticeIdOf(escalated));
    await ctx.drainQueue();
  };
}
