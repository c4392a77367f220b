/**
 * Where a live stream is in a customer's messages. A seq is taken at INSERT but becomes visible at COMMIT, so a row
 * with a lower seq can show up after a higher one was sent. The cursor therefore re-reads a short grace window above
 * its settled floor and skips what it already sent; the floor only moves past messages sent more than graceMs ago.
 */
export class StreamCursor {
  private floor: bigint;
  private readonly sent = new Map<bigint, number>();

  constructor(
    startAfter: string,
    private readonly graceMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {
    this.floor = BigInt(startAfter);
  }

  /** Read messages with seq greater than this. */
  get readAfter(): string {
    return this.floor.toString();
  }

  shouldSend(seq: string): boolean {
    const value = BigInt(seq);
    return value > this.floor && !this.sent.has(value);
  }

  markSent(seq: string): void {
    this.sent.set(BigInt(seq), this.now());
  }

  /** Where the stream stands for a poll: its settled floor and what it sent above it (see StreamPosition). */
  position(): { after: string; sent: string[] } {
    this.settle();
    return { after: this.floor.toString(), sent: [...this.sent.keys()].map(String) };
  }

  /** Moves the floor past everything sent long enough ago and forgets it. */
  settle(): void {
    const cutoff = this.now() - this.graceMs;
    for (const [seq, sentAt] of this.sent) {
      if (sentAt <= cutoff && seq > this.floor) {
        this.floor = seq;
      }
    }
    for (const seq of this.sent.keys()) {
      if (seq <= this.floor) {
        this.sent.delete(seq);
      }
    }
  }
}
