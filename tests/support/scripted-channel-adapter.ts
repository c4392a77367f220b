import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  ChannelAdapter,
  OutboundMessage,
  RenderedMessage,
  SentMessage,
  WebhookOutcome,
  WebhookRequest,
} from '../../core/channels/channel-adapter';
import type { OutboundDeliveryStatus } from '../../core/channels/delivery-status';
import { DeliveryRefusedError, WebhookRejectedError } from '../../core/channels/delivery/delivery-errors';

/** What the scripted vendor does with the next send: accept it, refuse it for good, or fail as an outage would. */
export type ScriptedSend = { accept: true } | { refuse: string } | { fail: string };

/** One call the adapter received, with the idempotency key it was given. */
export interface RecordedSend {
  messageId: string;
  idempotencyKey: string;
  text: string;
  recipient: string | null;
}

/** The vendor's status words (Twilio's SMS vocabulary) mapped onto Threadline's; `sending` says nothing new. */
const VENDOR_STATUSES: Record<string, OutboundDeliveryStatus | null> = {
  accepted: 'queued',
  queued: 'queued',
  sending: null,
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'undelivered',
  failed: 'failed',
};

export const SCRIPTED_PROVIDER = 'scripted';
export const SCRIPTED_SMS_LIMIT = 160;

/**
 * A channel adapter for the seam's own tests, before any real SMS vendor adapter exists: an SMS "vendor" whose
 * sends follow a script, which de-duplicates by idempotency key as the contract asks, and whose webhooks are JSON
 * signed with an HMAC over the raw body (header x-scripted-signature). It exercises exactly what a real adapter
 * plugs into: the registry, the delivery step, and the webhook route.
 */
export class ScriptedChannelAdapter implements ChannelAdapter {
  readonly channel = 'sms' as const;
  readonly provider = SCRIPTED_PROVIDER;
  readonly sends: RecordedSend[] = [];
  readonly script: ScriptedSend[] = [];
  private readonly accepted = new Map<string, SentMessage>();

  constructor(readonly signingSecret = 'scripted-secret') {}

  render(message: OutboundMessage): RenderedMessage {
    const chars = [...message.body];
    const truncated = chars.length > SCRIPTED_SMS_LIMIT;
    return {
      text: truncated ? `${chars.slice(0, SCRIPTED_SMS_LIMIT - 1).join('')}…` : message.body,
      html: null,
      truncated,
    };
  }

  async send(message: OutboundMessage, rendered: RenderedMessage, idempotencyKey: string): Promise<SentMessage> {
    this.sends.push({
      messageId: message.messageId,
      idempotencyKey,
      text: rendered.text,
      recipient: message.recipientAddress,
    });
    const earlier = this.accepted.get(idempotencyKey);
    if (earlier) {
      return earlier; // the vendor de-duplicates by key: a second call sends nothing new
    }
    const next = this.script.shift() ?? { accept: true };
    if ('refuse' in next) {
      throw new DeliveryRefusedError(next.refuse, 'undelivered');
    }
    if ('fail' in next) {
      throw new Error(next.fail);
    }
    const sent: SentMessage = {
      providerMessageId: `SM${this.accepted.size + 1}-${message.messageId}`,
      status: 'queued',
    };
    this.accepted.set(idempotencyKey, sent);
    return sent;
  }

  mapStatus(vendorStatus: string): OutboundDeliveryStatus | null {
    return VENDOR_STATUSES[vendorStatus] ?? null;
  }

  /** The provider id the vendor gave the message with this id, once sent. */
  providerIdOf(messageId: string): string | undefined {
    return [...this.accepted.values()].find((sent) => sent.providerMessageId.endsWith(messageId))?.providerMessageId;
  }

  sign(rawBody: string): string {
    return createHmac('sha256', this.signingSecret).update(rawBody).digest('hex');
  }

  async readWebhook(request: WebhookRequest): Promise<WebhookOutcome> {
    this.verify(request);
    const body = request.body as Record<string, unknown>;
    if (request.hook === 'status') {
      const status =
        typeof body.status === 'string' && body.status in VENDOR_STATUSES ? this.mapStatus(body.status) : undefined;
      if (typeof body.id !== 'string' || status === undefined) {
        throw new WebhookRejectedError('invalid', 'A status report needs an id and a known status');
      }
      const receipts = status
        ? [
            {
              providerMessageId: body.id,
              status,
              reason: typeof body.error === 'string' ? body.error : null,
              occurredAt: new Date(),
            },
          ]
        : [];
      return { inbound: [], receipts };
    }
    if (request.hook === 'inbound') {
      if (typeof body.id !== 'string' || typeof body.from !== 'string' || typeof body.text !== 'string') {
        throw new WebhookRejectedError('invalid', 'An inbound message needs id, from and text');
      }
      const inbound = {
        externalId: `scripted:${body.id}`,
        body: body.text,
        receivedAt: new Date().toISOString(),
        envelope: { from: { address: body.from }, providerMessageId: body.id },
      };
      return { inbound: [inbound], receipts: [], response: { contentType: 'text/xml', body: '<Response/>' } };
    }
    throw new WebhookRejectedError('unknown_hook', `No hook ${request.hook}`);
  }

  private verify(request: WebhookRequest): void {
    const given = request.headers['x-scripted-signature'];
    const expected = Buffer.from(this.sign(request.rawBody?.toString('utf8') ?? ''));
    const actual = Buffer.from(typeof given === 'string' ? given : '');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new WebhookRejectedError('forbidden', 'The webhook signature does not match');
    }
  }
}
