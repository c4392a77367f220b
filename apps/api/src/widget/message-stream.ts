import type { Response } from 'express';
import type { MessageRepository, StreamPosition } from '../../../../core/db/repositories/message.repository';
import type { MessageFeed } from '../../../../core/messaging/message-feed';
import { StreamCursor } from './stream-cursor';
import type { Visitor } from './visitor';
import { toWidgetMessage } from './widget.views';

const PAGE_SIZE = 200;

export interface MessageStreamOptions {
  visitor: Visitor;
  response: Response;
  messages: MessageRepository;
  feed: MessageFeed;
  /** Send messages with seq greater than this. */
  startAfter: string;
  heartbeatMs: number;
  onError: (error: unknown) => void;
}

/**
 * One visitor's Server-Sent Events connection. Woken by the feed, by its service's poll (the safety net, one query
 * for every stream) and once at the start, it reads the customer's messages past its cursor and writes each as an
 * `event: message` with `id: <seq>`. Wake-ups that arrive during a read are folded into one more read.
 */
export class MessageStream {
  private readonly cursor: StreamCursor;
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | undefined;
  private reading = false;
  private wokenWhileReading = false;
  private closed = false;
  private readonly closeListeners: (() => void)[] = [];

  constructor(private readonly options: MessageStreamOptions) {
    this.cursor = new StreamCursor(options.startAfter);
  }

  start(): void {
    const { response, visitor, feed } = this.options;
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.on('close', () => this.close());
    if (response.destroyed || response.closed) {
      this.close();
      return;
    }
    this.write('retry: 3000\n: connected\n\n');
    this.unsubscribe = feed.subscribe(visitor.tenantId, visitor.customerId, () => this.wake());
    this.timers.push(setInterval(() => this.write(': heartbeat\n\n'), this.options.heartbeatMs));
    this.wake();
  }

  /** What a poll needs to tell whether this stream has something to send. */
  position(): StreamPosition {
    const { visitor } = this.options;
    return { tenantId: visitor.tenantId, customerId: visitor.customerId, ...this.cursor.position() };
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Ends the stream; called when the client disconnects and on shutdown. */
  close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.timers.forEach(clearInterval);
    this.unsubscribe?.();
    if (!this.options.response.writableEnded) {
      this.options.response.end();
    }
    this.closeListeners.forEach((listener) => listener());
  }

  wake(): void {
    if (this.closed) {
      return;
    }
    if (this.reading) {
      this.wokenWhileReading = true;
      return;
    }
    void this.readUntilQuiet();
  }

  private async readUntilQuiet(): Promise<void> {
    this.reading = true;
    try {
      do {
        this.wokenWhileReading = false;
        await this.readOnce();
      } while (this.wokenWhileReading && !this.closed);
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.reading = false;
    }
  }

  private async readOnce(): Promise<void> {
    const { messages, visitor } = this.options;
    this.cursor.settle();
    let after = this.cursor.readAfter;
    for (;;) {
      const page = await messages.listForCustomerAfter(visitor.tenantId, visitor.customerId, after, PAGE_SIZE);
      for (const row of page) {
        if (this.closed) {
          return;
        }
        if (this.cursor.shouldSend(row.seq)) {
          const data = JSON.stringify(toWidgetMessage(row));
          this.write(`id: ${row.seq}\nevent: message\ndata: ${data}\n\n`);
          this.cursor.markSent(row.seq);
        }
      }
      if (page.length < PAGE_SIZE) {
        return;
      }
      after = page[page.length - 1].seq;
    }
  }

  private write(chunk: string): void {
    const { response } = this.options;
    if (!this.closed && !response.writableEnded && !response.destroyed) {
      response.write(chunk);
    }
  }
}
