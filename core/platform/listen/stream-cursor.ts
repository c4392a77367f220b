/** Where a stream stands for a poll: rows above `after` not in `sent` are still due. */
export interface CursorPosition {
  after: string;
  sent: string[];
}

/**
 * Where a live stream is in its source (a customer's messages by seq, a tenant's events by id). An id is taken at
 * INSERT but becomes visible at COMMIT, so a row with a lower id can show up after a higher one was sent. The cursor
 * therefore re-reads a short grace window above its settled floor and skips what it already sent; the floor only
 * moves past rows sent more than graceMs ago.
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

  /** Where the stream stands for a poll: its settled floor and what it sent above it. */
  position(): CursorPosition {
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
