import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP request a fake vendor received, body parsed as JSON when it is JSON. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** What the fake "model" does for one request. */
export type FakeLlmBehaviour =
  /**
   * Return this object as the model's structured output, in whatever form the request asked for; a function
   * computes it from the prompt text (e.g. to name the source number a passage got).
   */
  | { kind: 'output'; output: unknown | ((prompt: string, request: RecordedRequest) => unknown) }
  /** Return this as the model's plain text content: no tool call, no JSON unless the text is JSON. */
  | { kind: 'text'; text: string }
  /** Answer with a vendor error of this HTTP status. */
  | { kind: 'error'; status: number; message?: string }
  /** Never answer (the connection stays open until the client gives up or the server stops): a timeout. */
  | { kind: 'hang' };

/** A behaviour that produces a model answer, with any output function already applied. */
export type ModelBehaviour = { kind: 'output'; output: unknown } | { kind: 'text'; text: string };

/** How one vendor speaks: which route it serves and how it writes answers and errors. */
export interface VendorDialect {
  route: { method: string; path: string };
  /** Rejects a request the real vendor would reject before any model runs (auth, version headers); else undefined. */
  reject?(request: RecordedRequest): { status: number; message: string } | undefined;
  answer(request: RecordedRequest, behaviour: ModelBehaviour, res: ServerResponse): void;
  error(status: number, message: string | undefined, res: ServerResponse): void;
  /** Everything the client put in front of the model (system and user turns), as plain text. */
  promptText(request: RecordedRequest): string;
}

/**
 * A local HTTP server speaking one LLM vendor's wire format. It records every request and answers with the
 * scripted behaviours in order (`next`), then with the standing behaviour (`always`).
 */
export class FakeLlmServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: FakeLlmBehaviour[] = [];
  private standing: FakeLlmBehaviour = { kind: 'text', text: 'The fake model was not told what to answer.' };
  private readonly server: Server;
  private address = '';

  private constructor(private readonly dialect: VendorDialect) {
    this.server = createServer((req, res) => {
      const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers };
      void readJson(req).then(
        (body) => this.handle({ ...request, body }, res),
        () => dialect.error(400, 'The request body is not valid JSON', res),
      );
    });
  }

  static async start(dialect: VendorDialect): Promise<FakeLlmServer> {
    const fake = new FakeLlmServer(dialect);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.address = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The server's origin, e.g. http://127.0.0.1:40123 (no trailing slash). */
  get url(): string {
    return this.address;
  }

  /** Every request after the scripted ones gets this behaviour. */
  always(behaviour: FakeLlmBehaviour): this {
    this.standing = behaviour;
    return this;
  }

  /** The next request gets this behaviour; calls queue up in order. */
  next(behaviour: FakeLlmBehaviour): this {
    this.queue.push(behaviour);
    return this;
  }

  /** Forgets recorded requests and scripted behaviours; the standing behaviour stays. */
  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  /** The requests that reached the vendor's model route. */
  modelRequests(): RecordedRequest[] {
    return this.requests.filter((request) => this.isModelRoute(request));
  }

  /** The prompt text of each request that reached the model route, in order. */
  prompts(): string[] {
    return this.modelRequests().map((request) => this.dialect.promptText(request));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private isModelRoute(request: RecordedRequest): boolean {
    return request.method === this.dialect.route.method && request.path.split('?')[0] === this.dialect.route.path;
  }

  private handle(request: RecordedRequest, res: ServerResponse): void {
    this.requests.push(request);
    if (!this.isModelRoute(request)) {
      this.dialect.error(404, `No route ${request.method} ${request.path}`, res);
      return;
    }
    const rejection = this.dialect.reject?.(request);
    if (rejection) {
      this.dialect.error(rejection.status, rejection.message, res);
      return;
    }
    const behaviour = this.queue.shift() ?? this.standing;
    if (behaviour.kind === 'hang') {
      return;
    }
    if (behaviour.kind === 'error') {
      this.dialect.error(behaviour.status, behaviour.message, res);
      return;
    }
    this.dialect.answer(
      request,
      behaviour.kind === 'output' && typeof behaviour.output === 'function'
        ? { kind: 'output', output: behaviour.output(this.dialect.promptText(request), request) }
        : behaviour,
      res,
    );
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

/** Plain text of a message `content` that is either a string or an array of typed parts. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }
  if (Array.isArray(content)) {
    return content.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('\n');
  }
  return '';
}
