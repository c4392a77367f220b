import type { SqlRunner } from '../../platform/db/sql-runner';

/**
 * The per-tenant assignment lock: every change to who holds what takes it, for the rest of its transaction.
 * Assignment history uses clock_timestamp(), not now(): now() is when a transaction began, possibly before it waited
 * for this lock, which would date a claim before the release that made room for it.
 */
export async function lockTenant(tx: SqlRunner, tenantId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`assignment:${tenantId}`]);
}
