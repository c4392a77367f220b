import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ModuleThreadData, ThreadReply, ThreadRequest } from './thread-protocol';

interface Pending<Response> {
  /** The thread the request went to: only its death fails the request. */
  worker: Worker;
  resolve: (response: Response) => void;
  reject: (error: Error) => void;
  /** Settles with the request, whichever way: what close() waits for. */
  settled: Promise<unknown>;
}

/**
 * Loads the thread's entry; under a TypeScript runtime (tests, `npm start`) it first registers the hook `npm start`
 * uses (scripts/embedded/register-ts.js), since a thread does not inherit the parent's module hooks.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts') && !require.extensions['.ts']) {
  require(workerData.typescriptHook);
}
require(workerData.entry);
`;

/** The project's one TypeScript hook; only a .ts entry needs it. */
const TYPESCRIPT_HOOK = join(__dirname, '..', '..', '..', 'scripts', 'embedded', 'register-ts.js');

/**
 * A module running on a worker thread of its own, answering requests (see serveThreadRequests for the other side).
 * For work that must not share the main event loop: holding a database lock, or seconds of CPU.
 * The thread starts with the first request and never keeps the process alive. A thread that dies fails the requests
 * it was running and is replaced on the next one.
 */
export class ModuleThread<Request, Response, Options = unknown> {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending<Response>>();
  private nextId = 1;
  private closed = false;

  /** `entry` is an absolute module path (use require.resolve), `name` what errors call the thread. */
  constructor(
    private readonly entry: string,
    private readonly name: string,
    private readonly options: Options,
  ) {}

  call(request: Request): Promise<Response> {
    if (this.closed) {
      return Promise.reject(new Error(`The ${this.name} is closed`));
    }
    const worker = this.ensureWorker();
    const id = this.nextId++;
    let settle!: Pick<Pending<Response>, 'resolve' | 'reject'>;
    const response = new Promise<Response>((resolve, reject) => (settle = { resolve, reject }));
    this.pending.set(id, { worker, ...settle, settled: response.catch(() => undefined) });
    worker.postMessage({ id, request } satisfies ThreadRequest<Request>);
    return response;
  }

  /** Stops the thread once the requests in flight have answered. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) {
      return;
    }
    await Promise.all([...this.pending.values()].map((pending) => pending.settled));
    this.worker = undefined;
    await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) {
      return this.worker;
    }
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        entry: this.entry,
        typescriptHook: TYPESCRIPT_HOOK,
        options: this.options,
      } satisfies ModuleThreadData<Options>,
    });
    worker.unref();
    worker.on('message', (reply: ThreadReply<Response>) => this.settle(reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`The ${this.name} exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: ThreadReply<Response>): void {
    const pending = this.pending.get(reply.id);
    if (!pending) {
      return;
    }
    this.pending.delete(reply.id);
    if ('response' in reply) {
      pending.resolve(reply.response);
    } else {
      pending.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    }
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker === worker) {
      this.worker = undefined;
    }
    // A thread reports 'error' and then 'exit'; by then a replacement may hold requests of its own.
    for (const [id, pending] of this.pending) {
      if (pending.worker === worker) {
        this.pending.delete(id);
        pending.reject(error);
      }
    }
  }
}
