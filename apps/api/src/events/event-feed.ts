/** What the conversation_events trigger announces on `threadline_events` per statement: a tenant and its newest id. */
export interface EventNotice {
  tenantId: string;
  id: string;
}

export const EVENT_CHANNEL = 'threadline_events';

/**
 * Wakes a tenant's live event streams when events may have been stored. Delivery is best effort (a notification can
 * be lost while the feed reconnects), so the streams are also polled; the feed only makes them prompt. Also the Nest
 * injection token.
 */
export abstract class EventFeed {
  /** Returns the function that ends the subscription. */
  abstract subscribe(tenantId: string, listener: () => void): () => void;
  abstract start(): Promise<void>;
  abstract close(): Promise<void>;
}

export function parseEventNotice(payload: string | undefined): EventNotice | undefined {
  try {
    const { tenantId, id } = JSON.parse(payload ?? '') as Partial<Record<keyof EventNotice, unknown>>;
    return typeof tenantId === 'string' && (typeof id === 'string' || typeof id === 'number')
      ? { tenantId, id: String(id) }
      : undefined;
  } catch {
    return undefined;
  }
}
