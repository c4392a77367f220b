import type { Channel } from './channel';
import type { OutboundDeliveryStatus } from './delivery-status';
import type { InboundMessage } from './inbound-message';
import type { Citation } from '../conversations/message';

/** An outbound message as the delivery step hands it to its channel's adapter. */
export interface OutboundMessage {
  tenantId: string;
  conversationId: string;
  messageId: string;
  authorKind: 'bot' | 'agent' | 'system';
  body: string;
  citations: Citation[];
  /** The customer's address on the channel (the latest one they wrote from); null on chat. */
  recipientAddress: string | null;
  /** The subject of the conversation's latest inbound message, for channels that have subjects. */
  subject: string | null;
}

/** A reply made fit for the channel: within its length limit, as plain text and, where the channel has it, HTML. */
export interface RenderedMessage {
  text: string;
  html: string | null;
  /** The body was shortened to the channel's limit. */
  truncated: boolean;
}

/** What the vendor said when it accepted a message. */
export interface SentMessage {
  /** The vendor's id for the message; status reports name it. */
  providerMessageId: string;
  status: OutboundDeliveryStatus;
}

/** One status report from a vendor, already mapped onto Threadline's statuses. */
export interface DeliveryReceipt {
  providerMessageId: string;
  status: OutboundDeliveryStatus;
  /** The vendor's words for a failure (error code and message). */
  reason: string | null;
  occurredAt: Date;
}

/** A webhook request as the controller received it; adapters verify signatures against the raw bytes. */
export interface WebhookRequest {
  /** The last path segment: `inbound`, `status`, … (which ones exist is the adapter's business). */
  hook: string;
  /** The tenant of the channel inbox whose token the URL carried, when it carried one. */
  tenantId: string | null;
  /** The full URL the vendor called (signatures such as Twilio's cover it). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed body: form fields or JSON. */
  body: unknown;
  rawBody: Buffer | null;
}

/** What a webhook carried: customer messages to hand to their conversations, and delivery receipts. */
export interface WebhookOutcome {
  inbound: InboundMessage[];
  receipts: DeliveryReceipt[];
  /** What to answer the vendor (Twilio wants TwiML); a plain 200 when absent. */
  response?: { contentType: string; body: string };
}

/**
 * One channel on one vendor. The conversation workflow and the inbox never change to add a channel: an adapter
 * normalises what the vendor sends into InboundMessage and DeliveryReceipt, sends outbound messages, and renders
 * replies for the channel. Errors it throws while sending are transient (retried with backoff) unless they are a
 * DeliveryRefusedError (the vendor refused the message for good). Errors while reading a webhook are
 * WebhookRejectedError (bad signature, malformed payload).
 */
export interface ChannelAdapter {
  readonly channel: Channel;
  readonly provider: string;
  /**
   * True when storing the outbound row is what sends it (chat: the insert notifies the visitor's streams), so `send`
   * only confirms the row under the message's own id with status `sent`. The delivery step then confirms such a
   * message in one statement instead of reading it, rendering it and writing the result.
   */
  readonly sendsByStoring?: boolean;
  /** Fits a reply to the channel: its length limit, plain text or HTML, how citations appear. */
  render(message: OutboundMessage): RenderedMessage;
  /**
   * Sends a rendered message. The key is the same on every attempt for one message, and the adapter must not send
   * twice for one key: it passes it to a vendor that de-duplicates, or looks it up first (see findSent).
   */
  send(message: OutboundMessage, rendered: RenderedMessage, idempotencyKey: string): Promise<SentMessage>;
  /** What the vendor already accepted under this key, for a retry after an attempt whose outcome was lost. */
  findSent?(idempotencyKey: string): Promise<SentMessage | null>;
  /** Maps one of the vendor's own status words onto Threadline's; null for those that say nothing (e.g. `opened`). */
  mapStatus(vendorStatus: string): OutboundDeliveryStatus | null;
  /** Reads a webhook the vendor called; absent for channels that have none (chat talks to the widget API). */
  readWebhook?(request: WebhookRequest): Promise<WebhookOutcome>;
}
