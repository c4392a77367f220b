import { get, type ClientRequest, type IncomingMessage } from 'node:http';

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * A minimal Server-Sent Events reader over node:http, for tests: it records every event of one connection and lets a
 * test wait for the events it expects (waits end on an outcome, with a generous timeout only as a backstop).
 */
export class SseConnection {
  readonly events: SseEvent[] = [];
  private waiters: (() => void)[] = [];
  private ended = false;
  private markEnded!: () => void;
  /** Resolves when the server ends the stream or the connection drops. */
  readonly finished = new Promise<void>((resolve) => {
    this.markEnded = resolve;
  });

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly request: ClientRequest,
  ) {}

  /** Uses node:http on a connection of its own, so closing the stream really closes the socket. */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
    return new Promise((resolve, reject) => {
      const request = get(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === 'string') {
            responseHeaders.set(name, value);
          }
        }
        const connection = new SseConnection(response.statusCode ?? 0, responseHeaders, request);
        if (connection.status === 200) {
          void connection.read(response);
        } else {
          connection.ended = true;
          connection.markEnded();
          response.resume();
        }
        resolve(connection);
      });
      request.on('error', reject);
    });
  }

  /** Events named `event` (default: message) with their data parsed as JSON. */
  messages<T = any>(event = 'message'): T[] {
    return this.events.filter((e) => e.event === event).map((e) => JSON.parse(e.data) as T);
  }

  /** Resolves once the recorded events satisfy `done`; rejects after timeoutMs or if the stream ends first. */
  async waitUntil(done: (events: SseEvent[]) => boolean, { timeoutMs = 60_000, what = 'events' } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.events)) {
      if (this.ended) {
        throw new Error(`stream ended before ${what}; got ${JSON.stringify(this.events)}`);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.events)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for a message event whose data has this `id` and returns its parsed data. */
  async waitForMessage<T extends { id: string } = any>(id: string): Promise<T> {
    await this.waitUntil(() => this.messages<T>().some((m) => m.id === id), { what: `message ${id}` });
    return this.messages<T>().find((m) => m.id === id)!;
  }

  close(): void {
    this.request.destroy();
  }

  private async read(body: IncomingMessage): Promise<void> {
    body.setEncoding('utf8');
    let buffer = '';
    try {
      for await (const chunk of body as AsyncIterable<string>) {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = parseBlock(block);
          if (event) {
            this.events.push(event);
          }
        }
        this.notify();
      }
    } catch {
      // aborted by close() or the server went away
    } finally {
      this.ended = true;
      this.markEnded();
      this.notify();
    }
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}

function parseBlock(block: string): SseEvent | undefined {
  const event: SseEvent = { event: 'message', data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') {
      event.id = value;
    } else if (field === 'event') {
      event.event = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length === 0) {
    return undefined;
  }
  event.data = data.join('\n');
  return event;
}
