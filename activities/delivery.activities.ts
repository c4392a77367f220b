import { ApplicationFailure, Context } from '@temporalio/activity';
import type { ChannelAdapterRegistry } from '../core/channels/channel-adapter.registry';
import type { MessageDeliveryRepository, PendingDelivery } from '../core/channels/delivery/message-delivery.repository';
import type { DeliveryOutcome } from '../core/channels/delivery/delivery-outcome';
import { DeliveryRefusedError } from '../core/channels/delivery/delivery-errors';
import { DELIVERY_REJECTED } from '../core/platform/errors/failure-types';

export interface DeliveryRequest {
  tenantId: string;
  conversationId: string;
  messageId: string;
}

export interface DeliveryActivityDeps {
  deliveries: Pick<MessageDeliveryRepository, 'findPending' | 'recordSent' | 'recordFailed' | 'confirmSentByStoring'>;
  channels: Pick<ChannelAdapterRegistry, 'forOutbound' | 'sendingByStoring'>;
  /** This attempt's number (1 for the first); Temporal's activity context by default. */
  attempt?: () => number;
}

/** The same on every attempt for one message, so an adapter can tell a retry from a new message. */
export const deliveryIdempotencyKey = (messageId: string) => `threadline-message-${messageId}`;

const currentAttempt = () => Context.current().info.attempt;

/**
 * Sending stored outbound messages through their channel's adapter. Keyed by the message id: a message a vendor
 * accepted (or that failed) is not sent again, and a retry after an attempt whose outcome was lost asks the adapter what it sent
 * under the key first. A vendor's refusal marks the message failed with the vendor's reason and ends the step for
 * good (DELIVERY_REJECTED); any other error is retried by the workflow's bounded policy, after which the workflow
 * marks the message failed. A channel that sends by storing the row (chat) is confirmed in one statement first.
 */
export const createDeliveryActivities = ({ deliveries, channels, attempt = currentAttempt }: DeliveryActivityDeps) => {
  const storing = channels.sendingByStoring();
  const refuse = async (pending: PendingDelivery, error: DeliveryRefusedError): Promise<never> => {
    await deliveries.recordFailed(pending.tenantId, pending.messageId, error.status, error.reason);
    throw ApplicationFailure.create({ type: DELIVERY_REJECTED, message: error.reason, nonRetryable: true });
  };

  return {
    async deliverMessage(request: DeliveryRequest): Promise<DeliveryOutcome> {
      for (const adapter of storing) {
        const confirmed = await deliveries.confirmSentByStoring(request, adapter);
        if (confirmed) {
          return confirmed;
        }
      }
      const pending = await deliveries.findPending(request.tenantId, request.messageId);
      if (!pending || pending.conversationId !== request.conversationId) {
        throw ApplicationFailure.create({
          type: 'not_found',
          message: `No outbound message ${request.messageId} in conversation ${request.conversationId}`,
          nonRetryable: true,
        });
      }
      if (pending.status !== 'queued' || pending.providerMessageId !== null) {
        return { status: pending.status, failureReason: pending.failureReason }; // sent (or given up) before
      }
      const adapter = channels.forOutbound(pending.channel);
      if (!adapter) {
        return refuse(pending, new DeliveryRefusedError(`No provider is configured to send ${pending.channel}`));
      }
      const key = deliveryIdempotencyKey(pending.messageId);
      try {
        const earlier = attempt() > 1 && adapter.findSent ? await adapter.findSent(key) : null;
        const sent = earlier ?? (await adapter.send(pending, adapter.render(pending), key));
        return await deliveries.recordSent(pending.tenantId, pending.messageId, adapter.provider, sent);
      } catch (error) {
        if (error instanceof DeliveryRefusedError) {
          return refuse(pending, error);
        }
        throw error;
      }
    },

    /** The workflow's last word on a message whose attempts all failed: the agent sees why. */
    async markDeliveryFailed(request: DeliveryRequest & { reason: string }): Promise<DeliveryOutcome> {
      const pending = await deliveries.findPending(request.tenantId, request.messageId);
      if (!pending || pending.status !== 'queued' || pending.providerMessageId !== null) {
        // Gone, or an attempt whose result was lost did send it: nothing to mark.
        return { status: pending?.status ?? 'failed', failureReason: pending?.failureReason ?? null };
      }
      return deliveries.recordFailed(
        request.tenantId,
        request.messageId,
        'failed',
        `Not delivered after every retry: ${request.reason}`,
      );
    },
  };
};

export type DeliveryActivities = ReturnType<typeof createDeliveryActivities>;
