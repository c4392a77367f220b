import 'reflect-metadata';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../../../core/platform/config/app-config';
import { createDataSource } from '../../../core/data-source';
import { createConversationWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource({
    url: config.databaseUrl,
    applicationName: 'threadline-worker',
  }).initialize();
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const { run } = await createConversationWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataSource,
    config,
    prestartDrainThread: true,
    workflowBundle: config.workflowBundlePath ? { codePath: config.workflowBundlePath } : undefined,
  });
  console.log(`Worker polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);
  let stopRequested = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopRequested = true;
    });
  }
  // Worker.run resolves after SIGINT/SIGTERM once in-flight tasks finish (the SDK installs those handlers). Scheduled
  // activities still running after WORKER_SHUTDOWN_GRACE_SECONDS are cancelled; a local activity that does not finish
  // (a query stuck on a lock) makes the worker give up a few seconds later, and the server re-runs its workflow task
  // on another worker.
  try {
    await run();
  } catch (error) {
    if (!stopRequested) {
      throw error;
    }
    const grace = config.worker.shutdownGraceSeconds;
    console.warn(`Worker stopped by force: work in flight did not finish within ${grace}s; Temporal re-runs it`);
    process.exit(1);
  }
  // An activity abandoned at shutdown may still hold a database client: closing waits for it only so long.
  const closed = await settlesWithin(CLOSE_TIMEOUT_MS, Promise.all([connection.close(), dataSource.destroy()]));
  if (!closed) {
    console.warn(`Connections did not close within ${CLOSE_TIMEOUT_MS} ms after the worker stopped; exiting anyway`);
    process.exit(0);
  }
}

const CLOSE_TIMEOUT_MS = 5_000;

/** True when the promise settles within the time, false when the time runs out first. */
function settlesWithin(ms: number, promise: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
