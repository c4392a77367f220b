export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * A minimal Server-Sent Events reader over fetch, for tests: it records every event of one connection and lets a
 * test wait for the events it expects (waits end on an outcome, with a generous timeout only as a backstop).
 */
export class SseConnection {
  readonly events: SseEvent[] = [];
  private waiters: (() => void)[] = [];
  private ended = false;

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    const connection = new SseConnection(response.status, response.headers, abort);
    if (response.ok && response.body) {
      void connection.read(response.body);
    } else {
      connection.ended = true;
    }
    return connection;
  }

  /** Events named `event` (default: message) with their data parsed as JSON. */
  messages<T = any>(event = 'message'): T[] {
    return this.events.filter((e) => e.event === event).map((e) => JSON.parse(e.data) as T);
  }

  /** Resolves once the recorded events satisfy `done`; rejects after timeoutMs or if the stream ends first. */
  async waitUntil(done: (events: SseEvent[]) => boolean, { timeoutMs = 20_000, what = 'events' } = {}): Promise<void> {
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
    await this.waitUntil((events) => this.messages<T>().some((m) => m.id === id), { what: `message ${id}` });
    return this.messages<T>().find((m) => m.id === id)!;
  }

  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
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
