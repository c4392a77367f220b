interface Entry<T> {
  fingerprint: string;
  value: Promise<T>;
}

/**
 * One value per tenant built from its knowledge base (a fitted model, an index of vectors), kept while the knowledge
 * base's fingerprint stays the same. Concurrent callers share one build; a failed build is forgotten, so the next
 * call tries again; the least recently used tenants are dropped beyond `maxTenants`.
 */
export class FingerprintCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxTenants: number) {}

  get(tenantId: string, fingerprint: string, build: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(tenantId);
    this.entries.delete(tenantId);
    const entry = cached?.fingerprint === fingerprint ? cached : this.build(tenantId, fingerprint, build);
    this.entries.set(tenantId, entry);
    while (this.entries.size > this.maxTenants) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return entry.value;
  }

  private build(tenantId: string, fingerprint: string, build: () => Promise<T>): Entry<T> {
    const entry = { fingerprint, value: build() };
    // Handled here, so a build nobody waits for any more (its caller timed out) is still forgotten when it fails.
    entry.value.catch(() => {
      if (this.entries.get(tenantId) === entry) {
        this.entries.delete(tenantId);
      }
    });
    return entry;
  }
}
