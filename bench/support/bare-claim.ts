import type { DataSource } from 'typeorm';
import { aCustomer, aTenant, anAgent } from '../../tests/support/factories';

/**
 * The cheapest possible queue claim: one row, oldest first, no capacity, skills, team or history (a CTE, because
 * TypeORM returns [rows, count] for a bare UPDATE … RETURNING).
 */
const BARE_CLAIM = `
  WITH claimed AS (
    UPDATE conversations SET assignee_id = $1
    WHERE id = (SELECT id FROM conversations
                WHERE tenant_id = $2 AND status = 'open' AND assignee_id IS NULL
                ORDER BY queued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id)
  SELECT id FROM claimed`;

/**
 * Times `count` bare single-row claims, one after another, on a scratch tenant of their own with `count` queued rows
 * in the same conversations table (and through the same TypeORM pool path the drains use). Milliseconds each.
 */
export async function measureBareClaims(dataSource: DataSource, count: number): Promise<number[]> {
  const tenant = await aTenant(dataSource, { name: 'Bare claim baseline' });
  const customer = await aCustomer(dataSource, tenant.id);
  const { agent } = await anAgent(dataSource, tenant.id);
  await dataSource.query(
    `INSERT INTO conversations (tenant_id, customer_id, channel, status, workflow_id, queued_at)
     SELECT $1, $2, 'chat', 'open', 'bare-claim:' || gen_random_uuid(), now() + n * interval '1 millisecond'
     FROM generate_series(1, $3) AS n`,
    [tenant.id, customer.id, count],
  );
  await dataSource.query(`ANALYZE conversations`);
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const claimed: unknown[] = await dataSource.query(BARE_CLAIM, [agent.id, tenant.id]);
    durations.push(performance.now() - started);
    if (claimed.length !== 1) {
      throw new Error(`bare claim ${i + 1} of ${count} found nothing to claim`);
    }
  }
  return durations;
}
