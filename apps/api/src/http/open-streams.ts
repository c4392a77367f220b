/** What the registry needs of a live stream. */
export interface PolledStream<Position> {
  start(): void;
  wake(): void;
  close(): void;
  onClose(listener: () => void): void;
  position(): Position;
}

export interface OpenStreamsOptions<Position> {
  pollMs: number;
  /** The indexes of the positions with something left to send: one query for all streams. */
  findDue: (positions: Position[]) => Promise<number[]>;
  logger: { warn(message: string): void };
}

/**
 * The live streams open in this process and their safety-net poll, for notifications a feed lost (while it
 * reconnects, or never sent across connections under embedded PGlite): one query every pollMs for all streams,
 * waking only those with something to send, instead of one read per stream.
 */
export class OpenStreams<Stream extends PolledStream<Position>, Position> {
  private readonly streams = new Set<Stream>();
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly options: OpenStreamsOptions<Position>) {}

  startPolling(): void {
    this.pollTimer ??= setInterval(() => void this.poll(), this.options.pollMs);
  }

  /** Starts the stream and keeps it until it closes. */
  add(stream: Stream): void {
    this.streams.add(stream);
    stream.onClose(() => this.streams.delete(stream));
    stream.start();
  }

  list(): Stream[] {
    return [...this.streams];
  }

  get size(): number {
    return this.streams.size;
  }

  /** A stream's onError: a failed read is logged, and the next wake-up or poll reads again. */
  readonly readFailed = (error: unknown): void => {
    this.options.logger.warn(`Stream read failed: ${errorText(error)}`);
  };

  /** Stops polling and ends every stream (an open response would hold the HTTP server open). */
  closeAll(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    this.list().forEach((stream) => stream.close());
  }

  private async poll(): Promise<void> {
    if (this.polling || this.streams.size === 0) {
      return;
    }
    this.polling = true;
    try {
      const streams = this.list();
      const due = await this.options.findDue(streams.map((stream) => stream.position()));
      due.forEach((index) => streams[index].wake());
    } catch (error) {
      this.options.logger.warn(`Stream poll failed: ${errorText(error)}`);
    } finally {
      this.polling = false;
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
