/** Where an outbound message is, in one vocabulary for every channel and vendor. */
export const OUTBOUND_DELIVERY_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
  'bounced',
  'undelivered',
] as const;
export type OutboundDeliveryStatus = (typeof OUTBOUND_DELIVERY_STATUSES)[number];

/** A message's delivery status: `received` for the customer's own messages, the outbound ones otherwise. */
export const DELIVERY_STATUSES = ['received', ...OUTBOUND_DELIVERY_STATUSES] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The statuses that mean the message did not reach the customer; the agent sees the reason beside them. */
export const FAILED_DELIVERY_STATUSES = [
  'failed',
  'bounced',
  'undelivered',
] as const satisfies OutboundDeliveryStatus[];
export type FailedDeliveryStatus = (typeof FAILED_DELIVERY_STATUSES)[number];

export const isFailedDeliveryStatus = (status: DeliveryStatus): status is FailedDeliveryStatus =>
  (FAILED_DELIVERY_STATUSES as readonly DeliveryStatus[]).includes(status);

export const isOutboundDeliveryStatus = (value: unknown): value is OutboundDeliveryStatus =>
  typeof value === 'string' && (OUTBOUND_DELIVERY_STATUSES as readonly string[]).includes(value);

/**
 * How far along each status is. Vendors report out of order and more than once, so the message keeps the furthest
 * status it has heard of: a late `sent` never undoes `delivered`. A failure outranks a delivery receipt (a bounce
 * can follow an accepted delivery, and is the vendor's later word), and a read receipt outranks everything, since
 * the customer saw the message. Among equal ranks the first one heard stays.
 */
const RANK: Record<DeliveryStatus, number> = {
  received: 0,
  queued: 0,
  sent: 1,
  delivered: 2,
  failed: 3,
  bounced: 3,
  undelivered: 3,
  read: 4,
};

/** The status a message has after `incoming` is heard, whatever order reports arrive in (commutative, idempotent). */
export function mergeDeliveryStatus<T extends DeliveryStatus>(current: T, incoming: T): T {
  return RANK[incoming] > RANK[current] ? incoming : current;
}
