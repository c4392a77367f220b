import type { FailedDeliveryStatus } from '../delivery-status';

/** The vendor refused an outbound message for good (invalid number, unsubscribed, blocked): retrying cannot help. */
export class DeliveryRefusedError extends Error {
  constructor(
    /** The vendor's words, shown to the agent beside the failed message. */
    readonly reason: string,
    /** The status the refusal maps to; `failed` unless the vendor says the address bounced or was undeliverable. */
    readonly status: FailedDeliveryStatus = 'failed',
  ) {
    super(reason);
    this.name = 'DeliveryRefusedError';
  }
}

/**
 * A webhook the adapter will not read: a bad signature (forbidden), a payload that is not the vendor's (invalid), or
 * a hook the adapter does not have (unknown_hook).
 */
export class WebhookRejectedError extends Error {
  constructor(
    readonly kind: 'forbidden' | 'invalid' | 'unknown_hook',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookRejectedError';
  }
}
