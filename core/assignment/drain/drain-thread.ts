import { ModuleThread } from '../../platform/threads/module-thread';
import type { DrainOutcome } from './drain-tenant';

/** The drain thread closes a connection idle this long; the next drain opens a new one (pg's default, made explicit). */
export const DRAIN_POOL_IDLE_MS = 10_000;

export interface DrainThreadOptions {
  databaseUrl: string;
  poolSize: number;
  applicationName: string;
  /** See PgSqlPoolOptions: off behind a transaction-pooling PgBouncer. */
  preparedStatements: boolean;
}

/**
 * Runs tenant drains on a thread of their own, with its own small pg pool. A drain holds the tenant's assignment lock
 * across several statements; on the worker's main thread every one of them would also wait behind whatever else the
 * event loop is doing (bot answers, triage, Temporal activations), and the lock would be held that much longer for
 * every other drain and manual assignment. The thread's event loop does nothing else.
 * A thread that dies fails the drains in flight (their activities retry) and is replaced on the next drain.
 */
export class AssignmentDrainThread {
  private readonly thread: ModuleThread<string | null, DrainOutcome, DrainThreadOptions>;

  constructor(options: DrainThreadOptions) {
    this.thread = new ModuleThread(require.resolve('./drain-thread.main'), 'assignment drain thread', options);
  }

  drain(tenantId: string): Promise<DrainOutcome> {
    return this.thread.call(tenantId);
  }

  /** Starts the thread and waits until it can drain, so the first drain after a worker starts is not slower. */
  async start(): Promise<void> {
    await this.thread.call(null);
  }

  /** Stops the thread once the drains in flight have answered. */
  close(): Promise<void> {
    return this.thread.close();
  }
}
