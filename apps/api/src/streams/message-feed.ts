/** What the messages table's AFTER INSERT trigger announces on `threadline_messages`: a pointer, not the row. */
export interface MessageNotice {
  tenantId: string;
  conversationId: string;
  customerId: string;
  seq: string;
}

/** Called when messages of the subscribed customer may have been stored; the subscriber reads them back itself. */
export type MessageFeedListener = () => void;

/**
 * Wakes live streams when messages are stored. Delivery is best effort (a notification can be lost while the feed
 * reconnects), so readers also poll; the feed only makes them prompt. Also the Nest injection token.
 */
export abstract class MessageFeed {
  /** Returns the function that ends the subscription. */
  abstract subscribe(tenantId: string, customerId: string, listener: MessageFeedListener): () => void;
  abstract start(): Promise<void>;
  abstract close(): Promise<void>;
}

export const MESSAGE_CHANNEL = 'threadline_messages';

export function parseMessageNotice(payload: string | undefined): MessageNotice | undefined {
  try {
    const value = JSON.parse(payload ?? '') as Partial<Record<keyof MessageNotice, unknown>>;
    const { tenantId, conversationId, customerId, seq } = value;
    if (typeof tenantId !== 'string' || typeof customerId !== 'string' || typeof conversationId !== 'string') {
      return undefined;
    }
    return { tenantId, conversationId, customerId, seq: String(seq) };
  } catch {
    return undefined;
  }
}
