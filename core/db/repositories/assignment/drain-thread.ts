import { Worker } from 'node:worker_threads';
import type { DrainOutcome } from './drain-tenant';
import type { DrainReply, DrainRequest, DrainThreadData } from './drain-thread.protocol';

interface Pending {
  /** The thread the request went to: only its death fails the request. */
  worker: Worker;
  resolve: (outcome: DrainOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Loads the thread's entry; under a TypeScript runtime (tests, `npm start`) it first registers the same
 * transpile-only hook that `npm start` uses, since a thread does not inherit the parent's module hooks.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts') && !require.extensions['.ts']) {
  process.env.TS_NODE_SWC = 'true';
  require(workerData.typescriptHook);
}
require(workerData.entry);
`;

/**
 * Runs tenant drains on a thread of their own, with its own small pg pool. A drain holds the tenant's assignment lock
 * across several statements; on the worker's main thread every one of them would also wait behind whatever else the
 * event loop is doing (bot answers, triage, Temporal activations), and the lock would be held that much longer for
 * every other drain and manual assignment. The thread's event loop does nothing else.
 * A thread that dies fails the drains in flight (their activities retry) and is replaced on the next drain.
 */
export class AssignmentDrainThread {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly inFlight = new Set<Promise<DrainOutcome>>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly data: Omit<DrainThreadData, 'entry' | 'typescriptHook'>) {}

  drain(tenantId: string): Promise<DrainOutcome> {
    return this.request(tenantId);
  }

  /** Starts the thread and waits until it can drain, so the first drain after a worker starts is not slower. */
  async start(): Promise<void> {
    await this.request(null);
  }

  private request(tenantId: string | null): Promise<DrainOutcome> {
    if (this.closed) {
      return Promise.reject(new Error('The assignment drain thread is closed'));
    }
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const outcome = new Promise<DrainOutcome>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, tenantId } satisfies DrainRequest);
    });
    this.inFlight.add(outcome);
    const forget = () => this.inFlight.delete(outcome);
    outcome.then(forget, forget);
    return outcome;
  }

  /** Stops the thread once the drains in flight have answered. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) {
      return;
    }
    await Promise.allSettled([...this.inFlight]);
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
        ...this.data,
        entry: require.resolve('./drain-thread.main'),
        typescriptHook: resolveTypescriptHook(),
      } satisfies DrainThreadData,
    });
    // The thread must never keep a process alive that is otherwise done.
    worker.unref();
    worker.on('message', (reply: DrainReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`The assignment drain thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: DrainReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) {
      return;
    }
    this.pending.delete(reply.id);
    if ('outcome' in reply) {
      pending.resolve(reply.outcome);
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

function resolveTypescriptHook(): string {
  try {
    return require.resolve('ts-node/register/transpile-only');
  } catch {
    return ''; // compiled JavaScript needs no hook
  }
}
