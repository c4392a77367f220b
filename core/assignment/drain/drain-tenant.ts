import { planAssignments } from '../plan-assignments';
import type { AssignmentDecision, AssignmentPlan, QueuedConversation } from '../assignment.types';
import { CHANNELS } from '../../channels/channel';
import {
  channelsWithRoom,
  freeSlots,
  hasPlaceableWork,
  QUEUE_BATCH,
  loadAssignmentSettings,
  loadOnlineAgents,
  loadQueue,
} from './assignment-snapshot';
import { persistDecisions } from './persist-decisions';
import { lockTenant } from './tenant-lock';
import type { TransactionalSql } from '../../platform/db/sql-runner';
import { DrainClock, type DrainTransactionTiming } from './drain-timing';

export type { DrainTransactionTiming } from './drain-timing';

/**
 * Decisions saved per transaction. A drain placing hundreds (capacity raised in a busy queue) commits them in
 * batches, so the tenant lock is never held for long and other drains and manual assignments interleave.
 */
export const MAX_DECISIONS_PER_TRANSACTION = 25;

export interface DrainOutcome {
  decisions: AssignmentDecision[];
  /** Each transaction the drain ran: how long it waited for the tenant lock and held it. */
  transactions: DrainTransactionTiming[];
}

/** Drains one tenant's queue now; a function of its own so it can run on the drain thread (see drain-thread.ts). */
export type TenantDrainer = (tenantId: string) => Promise<DrainOutcome>;

const EMPTY_PLAN: AssignmentPlan = { decisions: [], waiting: [] };

/** A drain first reads this many waiting conversations per free slot from the head of the queue, at least the minimum. */
const QUEUE_ROWS_PER_SLOT = 4;
const QUEUE_HEAD_MIN = 50;

/**
 * Assigns every waiting conversation some eligible agent has room for, in queue order, each by its team's strategy,
 * in batches of MAX_DECISIONS_PER_TRANSACTION. Skips the lock entirely when no online agent has room for anything
 * queued.
 */
export async function drainTenant(db: TransactionalSql, tenantId: string): Promise<DrainOutcome> {
  const outcome: DrainOutcome = { decisions: [], transactions: [] };
  if (!(await hasPlaceableWork(db, tenantId))) {
    return outcome;
  }
  for (;;) {
    const clock = new DrainClock();
    const batch = (await planTenant(db, tenantId, true, clock)).decisions;
    outcome.transactions.push(clock.committed(batch.length));
    outcome.decisions.push(...batch);
    if (batch.length < MAX_DECISIONS_PER_TRANSACTION) {
      return outcome;
    }
  }
}

/**
 * Plans the tenant's queue from a snapshot read in one transaction. With `commit` it takes the tenant lock first and
 * saves up to one batch of decisions; without, it changes nothing and explains why the rest wait (a preview).
 */
export function planTenant(
  db: TransactionalSql,
  tenantId: string,
  commit: boolean,
  clock?: DrainClock,
): Promise<AssignmentPlan> {
  return db.transaction(async (tx) => {
    if (commit) {
      await lockTenant(tx, tenantId);
      clock?.locked();
    }
    const agents = await loadOnlineAgents(tx, tenantId);
    clock?.step('agents');
    const channels = commit ? channelsWithRoom(agents) : CHANNELS.slice();
    if (channels.length === 0) {
      return EMPTY_PLAN;
    }
    // A drain reads only the head of the queue, a few rows per free slot, since nothing further back can be placed
    // first. When constraints (skills, teams) leave slots unfilled from the head, it reads the whole batch and plans
    // again, so the outcome is the same as planning the whole batch at once.
    const want = commit ? Math.min(freeSlots(agents, channels), MAX_DECISIONS_PER_TRANSACTION) : Infinity;
    const headSize = commit ? Math.max(QUEUE_HEAD_MIN, want * QUEUE_ROWS_PER_SLOT) : QUEUE_BATCH;
    let queue = await loadQueue(tx, tenantId, channels, headSize);
    clock?.step('queue');
    if (queue.length === 0) {
      return EMPTY_PLAN;
    }
    const settings = await loadAssignmentSettings(tx, tenantId);
    clock?.step('settings');
    const planFrom = (rows: QueuedConversation[]) =>
      planAssignments({
        queue: rows,
        agents,
        ...settings,
        now: Date.now(),
        explainWaiting: !commit,
        maxDecisions: want,
      });
    let plan = planFrom(queue);
    clock?.step('plan');
    if (!commit) {
      return plan;
    }
    if (plan.decisions.length < want && queue.length === headSize && headSize < QUEUE_BATCH) {
      queue = await loadQueue(tx, tenantId, channels, QUEUE_BATCH);
      clock?.step('queue');
      plan = planFrom(queue);
      clock?.step('plan');
    }
    await persistDecisions(tx, tenantId, plan.decisions);
    clock?.step('persist');
    return plan;
  });
}
