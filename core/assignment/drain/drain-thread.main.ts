import { Pool } from 'pg';
import { serveThreadRequests, threadOptions } from '../../platform/threads/serve-thread-requests';
import { PgSqlPool } from '../../platform/db/pg-sql-pool';
import { drainTenant, type DrainOutcome } from './drain-tenant';
import { DRAIN_POOL_IDLE_MS, type DrainThreadOptions } from './drain-thread';

/**
 * The drain thread (see AssignmentDrainThread): a tenant id drains that tenant; null only checks the database is
 * reachable. Plain pg (with prepared statements unless configured off), no TypeORM: the drain's statements are fixed,
 * and the thread starts faster without it.
 */
const options = threadOptions<DrainThreadOptions>();
const pool = new Pool({
  connectionString: options.databaseUrl,
  max: options.poolSize,
  application_name: options.applicationName,
  idleTimeoutMillis: DRAIN_POOL_IDLE_MS,
});
// An idle connection that breaks is replaced on the next checkout; without a listener its error would end the thread.
pool.on('error', () => undefined);
const db = new PgSqlPool(pool, { preparedStatements: options.preparedStatements });

serveThreadRequests<string | null, DrainOutcome>(async (tenantId) => {
  if (tenantId === null) {
    await db.query('SELECT 1');
    return { decisions: [], transactions: [] };
  }
  return drainTenant(db, tenantId);
});
