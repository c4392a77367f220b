import type { MessageFeedListener, MessageNotice } from './message-feed';

/** Subscribers keyed by tenant and customer; a notice wakes only the streams of the customer it names. */
export class MessageFanOut {
  private readonly listeners = new Map<string, Set<MessageFeedListener>>();

  subscribe(tenantId: string, customerId: string, listener: MessageFeedListener): () => void {
    const key = keyOf(tenantId, customerId);
    const set = this.listeners.get(key) ?? new Set<MessageFeedListener>();
    set.add(listener);
    this.listeners.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) {
        this.listeners.delete(key);
      }
    };
  }

  publish(notice: Pick<MessageNotice, 'tenantId' | 'customerId'>): void {
    for (const listener of [...(this.listeners.get(keyOf(notice.tenantId, notice.customerId)) ?? [])]) {
      listener();
    }
  }

  /** After a gap in delivery (reconnect), every subscriber re-reads in case it missed something. */
  wakeAll(): void {
    for (const set of [...this.listeners.values()]) {
      for (const listener of [...set]) {
        listener();
      }
    }
  }

  get subscriberCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) {
      count += set.size;
    }
    return count;
  }
}

function keyOf(tenantId: string, customerId: string): string {
  return `${tenantId}:${customerId}`;
}
