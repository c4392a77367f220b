import type { ChannelAdapter, OutboundMessage, RenderedMessage, SentMessage } from '../channel-adapter';
import { isOutboundDeliveryStatus, type OutboundDeliveryStatus } from '../delivery-status';

/**
 * Website chat. Its "vendor" is Threadline itself: storing the outbound row is what sends it, since the insert
 * notifies every open widget stream of the customer (the messages_notify trigger). So sending only confirms it,
 * under the message's own id, and nothing about chat changes for visitors. Chat has no webhooks: visitors write
 * through the widget API.
 */
export class ChatChannelAdapter implements ChannelAdapter {
  readonly channel = 'chat' as const;
  readonly provider = 'widget';
  readonly sendsByStoring = true;

  /** The widget shows the body as text and the citations as links of their own, so nothing is added or cut. */
  render(message: OutboundMessage): RenderedMessage {
    return { text: message.body, html: null, truncated: false };
  }

  send(message: OutboundMessage): Promise<SentMessage> {
    return Promise.resolve({ providerMessageId: message.messageId, status: 'sent' });
  }

  mapStatus(vendorStatus: string): OutboundDeliveryStatus | null {
    return isOutboundDeliveryStatus(vendorStatus) ? vendorStatus : null;
  }
}
