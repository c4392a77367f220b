import type { DataSource, EntityManager } from 'typeorm';
import { AssignmentQueueRepository } from '../../core/db/repositories/assignment-queue.repository';

class RollBack extends Error {}

/**
 * One real drain of the tenant's queue inside a transaction that first applies `prepare` (e.g. more capacity) and is
 * rolled back afterwards: nothing it decides is kept. The drain nests as a savepoint; its advisory lock is the
 * outer transaction's, held until the rollback. Returns how many conversations it assigned.
 */
export async function trialDrain(
  dataSource: DataSource,
  tenantId: string,
  prepare: (tx: EntityManager) => Promise<void>,
): Promise<number> {
  let decisions = 0;
  try {
    await dataSource.transaction(async (tx) => {
      await prepare(tx);
      // The repository only calls transaction() and query(), which a transaction's EntityManager has too.
      decisions = (await new AssignmentQueueRepository(tx as unknown as DataSource).drain(tenantId)).length;
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) {
      throw error;
    }
  }
  return decisions;
}

/** `prepare` for trialDrain: gives agents `extra` more chat slots. */
export const addChatCapacity = (tenantId: string, agentIds: string[], extra: number) => async (tx: EntityManager) => {
  await tx.query(
    `UPDATE agents SET capacity = jsonb_set(capacity, '{chat}', to_jsonb((capacity->>'chat')::int + $3))
     WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tenantId, agentIds, extra],
  );
};
