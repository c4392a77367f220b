import { ApplicationFailure } from '@temporalio/workflow';
import { DELIVERY_REJECTED } from '../../core/platform/errors/failure-types';
import { isStepFailure } from '../step-failure';
import type { ConversationContext } from './conversation-context';

/** Outbound messages go out through the deliverMessage step; histories recorded before it replay without. */
export const DELIVERY_PATCH = 'deliver-outbound-v1';

/** A refusal has marked the message failed already; anything else ran out of attempts. */
const refused = (error: unknown) => (error instanceof ApplicationFailure ? error.type === DELIVERY_REJECTED : false);

/**
 * Sends one stored outbound message through its channel. A delivery that fails for good does not stop the
 * conversation: a refusal has marked the message failed with the vendor's reason; when the attempts ran out, the
 * workflow marks it failed with the last error, so the agent sees why either way.
 */
export async function deliverOutbound(
  ctx: Pick<ConversationContext, 'ref' | 'steps' | 'patched' | 'log'>,
  messageId: string | null | undefined,
): Promise<void> {
  if (!messageId || !ctx.patched(DELIVERY_PATCH)) {
    return;
  }
  const { tenantId, conversationId } = ctx.ref;
  const request = { tenantId, conversationId, messageId };
  try {
    await ctx.steps.delivery.deliverMessage(request);
  } catch (error) {
    if (!isStepFailure(error)) {
      throw error;
    }
    ctx.log.warn('An outbound message could not be delivered', { ...request, error: error.message });
    if (!refused(error)) {
      await markFailed(ctx, { ...request, reason: error.message });
    }
  }
}

async function markFailed(
  ctx: Pick<ConversationContext, 'steps' | 'log'>,
  request: { tenantId: string; conversationId: string; messageId: string; reason: string },
): Promise<void> {
  try {
    await ctx.steps.delivery.markDeliveryFailed(request);
  } catch (error) {
    if (!isStepFailure(error)) {
      throw error;
    }
    ctx.log.warn('A failed delivery could not be recorded', { ...request, error: error.message });
  }
}
