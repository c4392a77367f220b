/** Wakes the listeners registered under a key (a customer's streams, a tenant's streams). */
export class FanOut {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Returns the function that removes the listener. */
  subscribe(key: string, listener: () => void): () => void {
    const set = this.listeners.get(key) ?? new Set<() => void>();
    set.add(listener);
    this.listeners.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) {
        this.listeners.delete(key);
      }
    };
  }

  publish(key: string): void {
    for (const listener of [...(this.listeners.get(key) ?? [])]) {
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
