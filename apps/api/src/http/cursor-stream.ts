import type { Response } from 'express';
import { DomainError } from '../../../../core/platform/errors/domain-error';
import { SseStream } from './sse-stream';
import { StreamCursor, type CursorPosition } from '../../../../core/platform/listen/stream-cursor';

const PAGE_SIZE = 200;
const HEARTBEAT_MS = 15_000;
const ROW_ID = /^\d{1,18}$/;

/** The Last-Event-ID of a reconnecting client: a row id (`what`, e.g. 'a message seq'), else a 400. */
export function checkedLastEventId(header: string | undefined, what: string): string | undefined {
  if (header !== undefined && !ROW_ID.test(header)) {
    throw new DomainError('validation_failed', `Last-Event-ID must be ${what} (digits)`);
  }
  return header;
}

/** What every stream is opened with, whatever it carries: the response it writes to and where it starts. */
export type StreamStartOptions = Pick<CursorStreamOptions<unknown, object>, 'response' | 'startAfter' | 'onError'>;

/** A stream's key: its safety-net poll position without the cursor's own fields. */
export type StreamKey<Position extends CursorPosition> = Omit<Position, keyof CursorPosition>;

/** A row as it goes out; `data` must be one line (JSON is). */
export interface StreamedRow {
  event: string;
  data: string;
}

export interface CursorStreamOptions<Row, Key extends object> {
  /** Whose rows these are (tenant, customer, event types …), as the safety-net poll needs them; see position(). */
  key: Key;
  response: Response;
  /** Send rows with an id greater than this. */
  startAfter: string;
  /** Up to `limit` rows with an id greater than `after`, in id order. */
  readPage: (after: string, limit: number) => Promise<Row[]>;
  /** The row's place in the source (digits); also its SSE id, which a reconnecting client sends as Last-Event-ID. */
  idOf: (row: Row) => string;
  toEvent: (row: Row) => StreamedRow;
  /** Whether this caller may receive the row (default: every row); one left out is passed over, never sent later. */
  include?: (row: Row) => boolean;
  /** Registers for wake-ups from a feed; returns the function that ends the registration. */
  subscribe: (wake: () => void) => () => void;
  onError: (error: unknown) => void;
  heartbeatMs?: number;
}

/**
 * A Server-Sent Events stream of rows numbered by an increasing bigint (message seq, event id). Woken by a feed, by
 * a poll and once at the start, it reads the rows past its cursor page by page and sends each once; see StreamCursor
 * for why it re-reads a short window below the newest id it sent.
 */
export class CursorStream<Row, Key extends object> {
  private readonly cursor: StreamCursor;
  private readonly sse: SseStream;

  constructor(private readonly options: CursorStreamOptions<Row, Key>) {
    this.cursor = new StreamCursor(options.startAfter);
    this.sse = new SseStream({
      response: options.response,
      heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
      subscribe: options.subscribe,
      read: () => this.readOnce(),
      onError: options.onError,
    });
  }

  start(): void {
    this.sse.start();
  }

  wake(): void {
    this.sse.wake();
  }

  /** Ends the stream; called when the client disconnects, when its credentials lapse, and on shutdown. */
  close(): void {
    this.sse.close();
  }

  onClose(listener: () => void): void {
    this.sse.onClose(listener);
  }

  /** What a poll needs to tell whether this stream has something to send. */
  position(): Key & CursorPosition {
    return { ...this.options.key, ...this.cursor.position() };
  }

  private async readOnce(): Promise<void> {
    const { readPage, idOf, toEvent, include } = this.options;
    this.cursor.settle();
    let after = this.cursor.readAfter;
    for (;;) {
      const page = await readPage(after, PAGE_SIZE);
      for (const row of page) {
        if (this.sse.closed) {
          return;
        }
        const id = idOf(row);
        if (this.cursor.shouldSend(id)) {
          if (include?.(row) ?? true) {
            const { event, data } = toEvent(row);
            this.sse.send(id, event, data);
          }
          // A row passed over counts as handled too, so the poll does not keep waking the stream for it.
          this.cursor.markSent(id);
        }
      }
      if (page.length < PAGE_SIZE) {
        return;
      }
      after = idOf(page[page.length - 1]);
    }
  }
}
