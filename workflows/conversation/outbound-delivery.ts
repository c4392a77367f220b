import { isStepFailure } from '../step-failure';
import type { ConversationContext } from './conversation-context';

/** Outbound messages go out through the deliverMessage step; histories recorded before it replay without. */
export const DELIVERY_PATCH = 'deliver-outbound-v1';

export interface DeliveryRequest {
  tenantId: string;
  conversationId: string;
  messageId: string;
}

/** The delivery step as the workflow calls it (activities/delivery.activities.ts). */
export interface DeliverySteps {
  deliverMessage(input: DeliveryRequest): Promise<{ status: string; failureReason: string | null }>;
}

/**
 * Sends one stored outbound message through its channel. A delivery that fails for good (the vendor refused it, or
 * its retries ran out) does not stop the conversation: the step has marked the message failed with the reason the
 * agent sees, so the failure is only logged here.
 */
export async function deliverOutbound(
  ctx: Pick<ConversationContext, 'ref' | 'steps' | 'patched' | 'log'>,
  messageId: string | null | undefined,
): Promise<void> {
  const delivery = ctx.steps.delivery;
  if (!messageId || !delivery || !ctx.patched(DELIVERY_PATCH)) {
    return;
  }
  const { tenantId, conversationId } = ctx.ref;
  try {
    await delivery.deliverMessage({ tenantId, conversationId, messageId });
  } catch (error) {
    if (!isStepFailure(error)) {
      throw error;
    }
    ctx.log.warn('An outbound message could not be delivered', {
      tenantId,
      conversationId,
      messageId,
      error: error.message,
    });
  }
}
