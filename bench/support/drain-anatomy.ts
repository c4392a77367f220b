import type { DataSource, EntityManager } from 'typeorm';
import type { AgentSnapshot } from '../../core/assignment/assignment.types';
import { eligibilityRules, teamMembers } from '../../core/assignment/eligibility';
import { planAssignments } from '../../core/assignment/plan-assignments';
import { explainWaiting } from '../../core/assignment/waiting-reason';
import { AssignmentQueueRepository } from '../../core/assignment/assignment-queue.repository';
import { drainTenant } from '../../core/assignment/drain/drain-tenant';
import { observedDrainer, type DrainObserver } from '../../apps/worker/src/drain-observer';
import { loadAssignmentSettings, loadOnlineAgents, loadQueue } from '../../core/assignment/drain/assignment-snapshot';
import { CHANNELS } from '../../core/channels/channel';

class RollBack extends Error {}

/**
 * One real drain of the tenant's queue inside a transaction that first applies `prepare` (e.g. more capacity) and is
 * rolled back afterwards: nothing it decides is kept. The drain nests as a savepoint; its advisory lock is the
 * outer transaction's, held until the rollback. The drain runs in this thread, timed by its own clock and reported to
 * `observe` as the worker's drain thread reports its drains. Returns how many conversations it assigned.
 */
export async function trialDrain(
  dataSource: DataSource,
  tenantId: string,
  prepare: (tx: EntityManager) => Promise<void>,
  observe: DrainObserver,
): Promise<number> {
  let decisions = 0;
  try {
    await dataSource.transaction(async (tx) => {
      await prepare(tx);
      // The repository only calls transaction() and query(), which a transaction's EntityManager has too.
      const db = tx as unknown as DataSource;
      const drainer = observedDrainer((id) => drainTenant(db, id), observe);
      decisions = (await new AssignmentQueueRepository(db, drainer).drain(tenantId)).length;
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

export interface PlannerTiming {
  /** planAssignments on the loaded snapshot, ms per run. */
  plan: number[];
  /** Of which: the waiting explanations a drain throws away (explainWaiting for every unplaced conversation). */
  explanations: number[];
  decisions: number;
  waiting: number;
}

/**
 * The pure planner alone, on the tenant's queue and agents as loaded now, with `extra` chat slots for `agentIds`:
 * how long planAssignments takes, and how much of it is explaining why the rest waits (which drain() discards).
 */
export async function timePlanner(
  dataSource: DataSource,
  tenantId: string,
  agentIds: string[],
  extra: number,
  runs: number,
): Promise<PlannerTiming> {
  const manager = dataSource.manager;
  const raised = new Set(agentIds);
  const agents = (await loadOnlineAgents(manager, tenantId)).map((agent) =>
    raised.has(agent.id) ? { ...agent, capacity: { ...agent.capacity, chat: agent.capacity.chat + extra } } : agent,
  );
  const queue = await loadQueue(manager, tenantId, [...CHANNELS]);
  const settings = await loadAssignmentSettings(manager, tenantId);
  const timing: PlannerTiming = { plan: [], explanations: [], decisions: 0, waiting: 0 };
  for (let i = 0; i < runs; i++) {
    const now = Date.now();
    let started = performance.now();
    const plan = planAssignments({ queue, agents, ...settings, now });
    timing.plan.push(performance.now() - started);
    timing.decisions = plan.decisions.length;
    timing.waiting = plan.waiting.length;
    // The same explanations again, against the loads as they were after the pass.
    const after = agents.map((agent) => ({ ...agent, active: { ...agent.active } }));
    const byId = new Map(after.map((agent) => [agent.id, agent]));
    for (const decision of plan.decisions) {
      (byId.get(decision.agentId) as AgentSnapshot).active[decision.channel] += 1;
    }
    const waiting = new Set(plan.waiting.map((w) => w.conversationId));
    started = performance.now();
    for (const conversation of queue) {
      if (waiting.has(conversation.id)) {
        const team = conversation.teamId === null ? undefined : settings.teams.get(conversation.teamId);
        const rules = eligibilityRules(conversation, team, team?.strategy ?? settings.tenantDefaultStrategy, now);
        const members = team ? teamMembers(team) : undefined;
        explainWaiting(members ? after.filter((agent) => members.has(agent.id)) : after, rules, now);
      }
    }
    timing.explanations.push(performance.now() - started);
  }
  return timing;
}
