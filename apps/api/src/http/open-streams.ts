import { DomainError } from '../../../../core/platform/errors/domain-error';

/** What the registry needs of a live stream. */
export interface PolledStream<Position> {
  start(): void;
  wake(): void;
  close(): void;
  onClose(listener: () => void): void;
  position(): Position;
}

export interface OpenStreamsOptions<Stream, Position> {
  pollMs: number;
  /** The indexes of the positions with something left to send: one query for all streams. */
  findDue: (positions: Position[]) => Promise<number[]>;
  logger: { warn(message: string): void };
  /** At most `max` open streams per owner (a visitor, an agent) in this process: the next one is a 429. */
  cap?: { max: number; ownerOf: (stream: Stream) => string; what: string };
  /** Every checkMs, the streams whose credentials lapsed (expired, revoked, deactivated) are ended. */
  credentials?: { checkMs: number; findLapsed: (streams: Stream[]) => Promise<Stream[]> };
}

/**
 * The live streams open in this process and their safety-net poll, for notifications a feed lost (while it
 * reconnects): one query every pollMs for all streams, waking only those with something to send, instead of one read
 * per stream.
 */
export class OpenStreams<Stream extends PolledStream<Position>, Position> {
  private readonly streams = new Set<Stream>();
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;
  private credentialTimer: NodeJS.Timeout | undefined;
  private checkingCredentials = false;

  constructor(private readonly options: OpenStreamsOptions<Stream, Position>) {}

  /** Starts the safety-net poll and, when configured, the periodic credential check. */
  startPolling(): void {
    this.pollTimer ??= setInterval(() => void this.poll(), this.options.pollMs);
    const { credentials } = this.options;
    if (credentials) {
      this.credentialTimer ??= setInterval(() => void this.closeLapsed(), credentials.checkMs);
    }
  }

  /**
   * Refuses a stream over its owner's cap (429, before anything is written), else starts it and keeps it until
   * it closes. Counting and adding happen in one synchronous step, so concurrent opens cannot both slip under.
   */
  add(stream: Stream): void {
    const { cap } = this.options;
    if (cap) {
      const owner = cap.ownerOf(stream);
      const open = this.list().filter((other) => cap.ownerOf(other) === owner).length;
      if (open >= cap.max) {
        throw new DomainError(
          'rate_limited',
          `Too many open streams: at most ${cap.max} per ${cap.what}; close one before opening another`,
          { maxStreams: cap.max },
        );
      }
    }
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
    clearInterval(this.credentialTimer);
    this.credentialTimer = undefined;
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

  /** Ends the streams whose credentials no longer hold; a failed check is logged and tried again next time. */
  private async closeLapsed(): Promise<void> {
    const { credentials } = this.options;
    if (!credentials || this.checkingCredentials || this.streams.size === 0) {
      return;
    }
    this.checkingCredentials = true;
    try {
      (await credentials.findLapsed(this.list())).forEach((stream) => stream.close());
    } catch (error) {
      this.options.logger.warn(`Stream credential check failed: ${errorText(error)}`);
    } finally {
      this.checkingCredentials = false;
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
