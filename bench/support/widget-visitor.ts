import type { WidgetHttp } from './widget-http';

interface StreamedMessage {
  id: string;
  authorKind: string;
  body: string;
}

export interface Exchange {
  /** POST /widget/messages until its 202. */
  acceptMs: number;
  /** From the send to the visitor's own message coming back on the stream (stored by the workflow). */
  echoMs: number;
  /** From the send to the bot's reply on this visitor's stream. */
  replyMs: number;
}

type Waiter = { resolve: (message: StreamedMessage) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/**
 * One website visitor: a widget session, its SSE stream, and one question at a time. The stream carries the
 * visitor's own message back too; the next bot (or hand-off) message after a send is the reply to it.
 */
export class WidgetVisitor {
  private waiter: Waiter | undefined;
  private closeStream: (() => void) | undefined;
  private sent = 0;
  private echoedAt: number | undefined;
  /** The conversation the API put the last message in. */
  conversationId: string | undefined;

  private constructor(
    private readonly http: WidgetHttp,
    readonly token: string,
    private readonly replyTimeoutMs: number,
  ) {}

  static async start(http: WidgetHttp, widgetKey: string, replyTimeoutMs: number): Promise<WidgetVisitor> {
    const { status, body } = await http.post<{ visitorToken: string }>('/widget/sessions', { widgetKey });
    if (status !== 201) {
      throw new Error(`POST /widget/sessions answered ${status}: ${JSON.stringify(body)}`);
    }
    return new WidgetVisitor(http, body.visitorToken, replyTimeoutMs);
  }

  async openStream(): Promise<void> {
    const { response, close } = await this.http.openStream(`/widget/stream?token=${encodeURIComponent(this.token)}`);
    this.closeStream = close;
    response.setEncoding('utf8');
    let buffer = '';
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.onBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    });
    response.on('error', () => undefined);
  }

  /** Sends `body` and waits for the bot's reply on the stream. */
  async ask(body: string): Promise<Exchange> {
    if (this.waiter) {
      throw new Error('a visitor asks one question at a time');
    }
    const started = performance.now();
    this.echoedAt = undefined;
    const reply = new Promise<StreamedMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`no reply within ${this.replyTimeoutMs} ms`));
      }, this.replyTimeoutMs);
      this.waiter = { resolve, reject, timer };
    });
    reply.catch(() => undefined);
    const accepted = await this.send(body).catch((error: unknown) => {
      this.settle(undefined, error instanceof Error ? error : new Error(String(error)));
      throw error;
    });
    const message = await reply;
    if (message.authorKind !== 'bot') {
      throw new Error(`expected a bot answer, got a ${message.authorKind} message: ${message.body}`);
    }
    const repliedAt = performance.now();
    return {
      acceptMs: accepted - started,
      echoMs: (this.echoedAt ?? repliedAt) - started,
      replyMs: repliedAt - started,
    };
  }

  /** Sends without waiting for the reply (the stream may be closed); resolves at the 202. */
  async send(body: string): Promise<number> {
    this.sent += 1;
    const clientMessageId = `m${this.sent}_${Math.random().toString(36).slice(2, 10)}`;
    const { status, body: answer } = await this.http.post<{ conversationId: string }>(
      '/widget/messages',
      { clientMessageId, body },
      this.token,
    );
    if (status !== 202) {
      throw new Error(`POST /widget/messages answered ${status}: ${JSON.stringify(answer)}`);
    }
    this.conversationId = answer.conversationId;
    return performance.now();
  }

  close(): void {
    this.closeStream?.();
    this.settle(undefined, new Error('visitor closed'));
  }

  private onBlock(block: string): void {
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) {
        event = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data += line.slice(5).trim();
      }
    }
    if (event !== 'message' || data === '') {
      return;
    }
    const message = JSON.parse(data) as StreamedMessage;
    if (message.authorKind === 'customer') {
      this.echoedAt ??= performance.now();
    } else {
      this.settle(message);
    }
  }

  private settle(message: StreamedMessage | undefined, error?: Error): void {
    const waiter = this.waiter;
    if (!waiter) {
      return;
    }
    this.waiter = undefined;
    clearTimeout(waiter.timer);
    if (message) {
      waiter.resolve(message);
    } else {
      waiter.reject(error ?? new Error('no reply'));
    }
  }
}
