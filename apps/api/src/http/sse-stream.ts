import type { Response } from 'express';

export interface SseStreamOptions {
  response: Response;
  heartbeatMs: number;
  /** Registers for wake-ups; returns the function that ends the registration. */
  subscribe: (wake: () => void) => () => void;
  /** Reads what is new and sends it. Never runs twice at once: wake-ups during a read fold into one more read. */
  read: () => Promise<void>;
  onError: (error: unknown) => void;
}

/**
 * One Server-Sent Events response that re-reads its source whenever it is woken (by a feed, a poll, or once at the
 * start), with heartbeats so proxies keep the connection open. Closing the response ends the subscription.
 */
export class SseStream {
  private heartbeat: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private reading = false;
  private wokenWhileReading = false;
  private ended = false;
  private readonly closeListeners: (() => void)[] = [];

  constructor(private readonly options: SseStreamOptions) {}

  start(): void {
    const { response } = this.options;
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
    this.unsubscribe = this.options.subscribe(() => this.wake());
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), this.options.heartbeatMs);
    this.wake();
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Writes one event; `data` must be one line (JSON is). Line breaks in `id` or `event` would end the field. */
  send(id: string, event: string, data: string): void {
    this.write(`id: ${oneLine(id)}\nevent: ${oneLine(event)}\ndata: ${data}\n\n`);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Ends the stream; called when the client disconnects, when its credentials lapse, and on shutdown. */
  close(): void {
    if (this.ended) {
      return;
    }
    this.ended = true;
    clearInterval(this.heartbeat);
    this.unsubscribe?.();
    if (!this.options.response.writableEnded) {
      this.options.response.end();
    }
    this.closeListeners.forEach((listener) => listener());
  }

  wake(): void {
    if (this.ended) {
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
        await this.options.read();
      } while (this.wokenWhileReading && !this.ended);
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.reading = false;
    }
  }

  private write(chunk: string): void {
    const { response } = this.options;
    if (!this.ended && !response.writableEnded && !response.destroyed) {
      response.write(chunk);
    }
  }
}

const oneLine = (value: string) => value.replace(/[\r\n]/g, ' ');
