import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { PreparedStatementPool } from '../../prepared-statement-pool';
import { drainTenant } from './drain-tenant';
import type { DrainReply, DrainRequest, DrainThreadData } from './drain-thread.protocol';

/**
 * The drain thread (see AssignmentDrainThread): answers each request with the drain's outcome or its error. Plain pg
 * with prepared statements, no TypeORM: the drain's statements are fixed, and the thread starts faster without it.
 */
const data = workerData as DrainThreadData;
const port = parentPort;
if (!port) {
  throw new Error('drain-thread.main runs only as a worker thread');
}
const pool = new Pool({
  connectionString: data.databaseUrl,
  max: data.poolSize,
  application_name: data.applicationName,
});
// An idle connection that breaks is replaced on the next checkout; without a listener its error would end the thread.
pool.on('error', () => undefined);
const db = new PreparedStatementPool(pool);

port.on('message', (request: DrainRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

async function answer({ id, tenantId }: DrainRequest): Promise<DrainReply> {
  try {
    const outcome =
      tenantId === null
        ? (await db.query('SELECT 1'), { decisions: [], transactions: [] })
        : await drainTenant(db, tenantId);
    return { id, outcome };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { id, error: { message: failure.message, stack: failure.stack } };
  }
}
