import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { NOOP_TASK_QUEUE } from './bench-stack';
import { pokeSignal } from './noop.workflow';

export interface RawResult {
  starts: number;
  concurrency: number;
  /** signalWithStart calls answered per second. */
  perSecond: number;
  /** Seconds until the server had no running do-nothing workflow left, if visibility could tell. */
  drainedAfterS?: number;
}

/**
 * The baseline: `starts` signal-with-starts of a do-nothing workflow from `concurrency` callers, its worker running
 * in this process meanwhile, on the same server as the pipeline.
 */
export async function measureRawSignalWithStart(
  client: Client,
  starts: number,
  concurrency: number,
): Promise<RawResult> {
  const prefix = `bench-noop-${randomBytes(4).toString('hex')}`;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < starts) {
        const index = next++;
        await client.workflow.signalWithStart('benchNoopWorkflow', {
          workflowId: `${prefix}-${index}`,
          taskQueue: NOOP_TASK_QUEUE,
          args: [],
          signal: pokeSignal,
          signalArgs: ['hello'],
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const drained = await waitUntilDrained(client).catch(() => undefined);
  return {
    starts,
    concurrency,
    perSecond: starts / seconds,
    drainedAfterS: drained === undefined ? undefined : (drained - started) / 1000,
  };
}

/** When visibility last saw no running do-nothing workflow (it lags the server by a little). */
async function waitUntilDrained(client: Client): Promise<number | undefined> {
  const query = `WorkflowType = 'benchNoopWorkflow' AND ExecutionStatus = 'Running'`;
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const { count } = await client.workflow.count(query);
    if (count === 0) {
      return performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}
