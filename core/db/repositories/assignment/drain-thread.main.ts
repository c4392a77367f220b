import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { createSqlDataSource } from '../../sql-data-source';
import { drainTenant } from './drain-tenant';
import type { DrainReply, DrainRequest, DrainThreadData } from './drain-thread.protocol';

/** The drain thread (see AssignmentDrainThread): answers each request with the drain's outcome or its error. */
const data = workerData as DrainThreadData;
const port = parentPort;
if (!port) {
  throw new Error('drain-thread.main runs only as a worker thread');
}
const ready = createSqlDataSource({
  url: data.databaseUrl,
  poolSize: data.poolSize,
  applicationName: data.applicationName,
}).initialize();
ready.catch(() => undefined); // reported to each drain that awaits it

port.on('message', (request: DrainRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

async function answer({ id, tenantId }: DrainRequest): Promise<DrainReply> {
  try {
    const db = await ready;
    return { id, outcome: tenantId === null ? { decisions: [], transactions: [] } : await drainTenant(db, tenantId) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { id, error: { message: failure.message, stack: failure.stack } };
  }
}
