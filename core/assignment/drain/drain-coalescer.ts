interface TenantSlot<T> {
  current: Promise<T[]>;
  /** A drain that starts once `current` ends: it sees every change committed before its callers asked. */
  queued?: Promise<T[]>;
}

/**
 * At most one drain per tenant runs in this process, and at most one more waits behind it. A caller arriving while
 * one waits joins it instead of adding another: the waiting drain starts after the caller's change committed, so it
 * serves them too. A burst of a thousand escalations then costs a handful of drains instead of a thousand lock waits.
 * Only the caller that queued a drain receives its decisions (to announce them); callers that joined get none.
 */
export class DrainCoalescer<T> {
  private readonly slots = new Map<string, TenantSlot<T>>();

  constructor(private readonly run: (tenantId: string) => Promise<T[]>) {}

  drain(tenantId: string): Promise<T[]> {
    const slot = this.slots.get(tenantId);
    if (!slot) {
      return this.begin(tenantId);
    }
    if (slot.queued) {
      return slot.queued.then(() => []);
    }
    const queued = slot.current.then(
      () => this.begin(tenantId),
      () => this.begin(tenantId),
    );
    slot.queued = queued;
    return queued;
  }

  private begin(tenantId: string): Promise<T[]> {
    const current = this.run(tenantId);
    this.slots.set(tenantId, { current });
    const release = () => {
      const slot = this.slots.get(tenantId);
      if (slot?.current === current && !slot.queued) {
        this.slots.delete(tenantId);
      }
    };
    current.then(release, release);
    return current;
  }
}
