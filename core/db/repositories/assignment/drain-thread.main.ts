import { Pool } from 'pg';
import { serveThreadRequests, threadOptions } from '../../../threads/serve-thread-requests';
import { PreparedStatementPool } from '../../prepared-statement-pool';
import { drainTenant, type DrainOutcome } from './drain-tenant';
import type { DrainThreadOptions } from './drain-thread';

/**
 * The drain thread (see AssignmentDrainThread): a tenant id drains that tenant; null only checks the database is
 * reachable. Plain pg with prepared statements, no TypeORM: the drain's statements are fixed, and the thread starts
 * faster without it.
 */
const options = threadOptions<DrainThreadOptions>();
const pool = new Pool({
  connectionString: options.databaseUrl,
  max: options.poolSize,
  application_name: options.applicationName,
});
// An idle connection that breaks is replaced on the next checkout; without a listener its error would end the thread.
pool.on('error', () => undefined);
const db = new PreparedStatementPool(pool);

serveThreadRequests<string | null, DrainOutcome>(async (tenantId) => {
  if (tenantId === null) {
    await db.query('SELECT 1');
    return { decisions: [], transactions: [] };
  }
  return drainTenant(db, tenantId);
});
