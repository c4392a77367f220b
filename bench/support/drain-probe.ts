import { AsyncLocalStorage } from 'node:async_hooks';
import { Client as PgClient } from 'pg';
import { AssignmentQueueRepository } from '../../core/assignment/assignment-queue.repository';
import { AssignmentDrainThread } from '../../core/assignment/drain/drain-thread';

/**
 * What a drain's statements do, recognised from their SQL (see AssignmentQueueRepository and assignment-snapshot).
 * persist is the one statement that saves a batch of decisions (claim, history, explanations, rotation; see
 * persist-decisions.ts); other is anything unrecognised, counted with it.
 */
export const DRAIN_STEPS = [
  'begin',
  'lock',
  'agents',
  'queue',
  'settings',
  'plan',
  'persist',
  'other',
  'commit',
] as const;
export type DrainStep = (typeof DRAIN_STEPS)[number];

/** The steps a summary reports: what runs while the lock is held. */
export const HELD_STEPS: readonly DrainStep[] = ['agents', 'queue', 'settings', 'plan', 'persist', 'commit'];

const PERSIST_STEPS: readonly DrainStep[] = ['persist', 'other'];

export const persistMs = (drain: DrainTiming) => PERSIST_STEPS.reduce((sum, step) => sum + drain.steps[step], 0);

export interface DrainTiming {
  /** performance.now() when the activity called drain, and when it returned. */
  calledAt: number;
  returnedAt: number;
  /** When the advisory lock was granted, and when COMMIT came back (undefined when not reached). */
  lockedAt?: number;
  committedAt?: number;
  decisions: number;
  /** Milliseconds per step; `plan` is the gap in JS between the settings query and the next statement. */
  steps: Record<DrainStep, number>;
  /** Statements sent inside this drain. */
  statements: number;
}

interface Open extends DrainTiming {
  lastEndedAt?: number;
  lastStep?: DrainStep;
}

function stepOf(sql: string): DrainStep {
  // A drain inside an outer transaction (the bench's rolled-back anatomy runs) uses a savepoint.
  if (sql.startsWith('START TRANSACTION') || sql.startsWith('SAVEPOINT')) {
    return 'begin';
  }
  if (sql === 'COMMIT' || sql.startsWith('RELEASE SAVEPOINT')) {
    return 'commit';
  }
  if (sql.includes('pg_advisory_xact_lock')) {
    return 'lock';
  }
  if (sql.includes('FROM agents a') && sql.includes('LEFT JOIN LATERAL')) {
    return 'agents';
  }
  if (sql.includes('queued_at IS NOT NULL') && sql.startsWith('SELECT')) {
    return 'queue';
  }
  if (sql.includes('FROM tenants tn')) {
    return 'settings';
  }
  return sql.startsWith('WITH d AS') ? 'persist' : 'other';
}

const zeroSteps = (): Record<DrainStep, number> =>
  Object.fromEntries(DRAIN_STEPS.map((step) => [step, 0])) as Record<DrainStep, number>;

/**
 * Times every AssignmentQueueRepository.drain in this process and each statement it sends, by wrapping the
 * repository's prototype method and pg's Client#query (a bench-only patch: the product has no hook for it). The
 * statement timings are client-side round trips, so the steps add up to the drain's time.
 */
export class DrainProbe {
  readonly drains: DrainTiming[] = [];
  private readonly current = new AsyncLocalStorage<Open>();
  /** Where drains made inside aside() are recorded instead. */
  private readonly trial = new AsyncLocalStorage<DrainTiming[]>();
  private installed = false;

  install(): void {
    if (this.installed) {
      return;
    }
    this.installed = true;
    const { drains, current, trial } = this;
    const drain = AssignmentQueueRepository.prototype.drain;
    AssignmentQueueRepository.prototype.drain = async function probedDrain(this: AssignmentQueueRepository, tenantId) {
      const timing: Open = {
        calledAt: performance.now(),
        returnedAt: 0,
        decisions: 0,
        steps: zeroSteps(),
        statements: 0,
      };
      const decisions = await current.run(timing, () => drain.call(this, tenantId));
      timing.returnedAt = performance.now();
      timing.decisions = decisions.length;
      const { lastEndedAt: _ended, lastStep: _step, ...done } = timing;
      // A drain that sent nothing from this thread ran on the drain thread, and is recorded below instead.
      if (done.statements > 0) {
        (trial.getStore() ?? drains).push(done);
      }
      return decisions;
    };

    // Drains on the worker's drain thread: that thread times its own transactions and their steps (in epoch ms); its
    // statements are not visible here. One timing per transaction, each a decision on its own.
    const threadDrain = AssignmentDrainThread.prototype.drain;
    AssignmentDrainThread.prototype.drain = async function probedThreadDrain(this: AssignmentDrainThread, tenantId) {
      const calledAt = performance.now();
      const outcome = await threadDrain.call(this, tenantId);
      const returnedAt = performance.now();
      const local = (epochMs: number) => epochMs - performance.timeOrigin;
      if (outcome.transactions.length === 0) {
        drains.push({ calledAt, returnedAt, decisions: 0, steps: zeroSteps(), statements: 0 });
      }
      outcome.transactions.forEach((transaction, index, all) => {
        drains.push({
          calledAt: index === 0 ? calledAt : local(transaction.startedAt),
          returnedAt: index === all.length - 1 ? returnedAt : local(transaction.committedAt),
          lockedAt: transaction.lockedAt === undefined ? undefined : local(transaction.lockedAt),
          committedAt: local(transaction.committedAt),
          decisions: transaction.decisions,
          steps: { ...zeroSteps(), ...transaction.steps },
          // The drain thread times its steps itself; count them as its statements so summaries show them.
          statements: Object.keys(transaction.steps).length,
        });
      });
      return outcome;
    };

    const query = PgClient.prototype.query;
    PgClient.prototype.query = function probedQuery(this: PgClient, ...args: unknown[]) {
      const timing = current.getStore();
      const sent = (query as (...a: unknown[]) => unknown).apply(this, args);
      if (!timing || typeof args[0] !== 'string' || !(sent instanceof Promise)) {
        return sent;
      }
      const step = stepOf(args[0].trimStart());
      const startedAt = performance.now();
      if (timing.lastStep === 'settings' && timing.lastEndedAt !== undefined) {
        timing.steps.plan += startedAt - timing.lastEndedAt;
      }
      timing.statements += 1;
      return sent.then((result: unknown) => {
        const endedAt = performance.now();
        timing.steps[step] += endedAt - startedAt;
        timing.lastEndedAt = endedAt;
        timing.lastStep = step;
        if (step === 'lock') {
          timing.lockedAt = endedAt;
        } else if (step === 'commit') {
          timing.committedAt = endedAt;
        }
        return result;
      });
    } as typeof query;
  }

  /**
   * Resolves once the recorded drains hold `decisions` decisions in all (or after `timeoutMs`). The rows commit on the
   * drain thread before its answer reaches this one, so a queue seen empty in the database can still be unrecorded.
   */
  async recorded(decisions: number, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if (this.drains.reduce((sum, drain) => sum + drain.decisions, 0) >= decisions) {
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  /** Drains that assigned at least one conversation, by when they got the lock (between two performance.now()). */
  deciding(from = 0, to = Infinity): DrainTiming[] {
    return this.drains.filter((d) => d.decisions > 0 && startedAt(d) >= from && startedAt(d) < to);
  }

  /** Drains that found nothing to assign (no agent with room, or nobody waiting). */
  idle(): DrainTiming[] {
    return this.drains.filter((d) => d.decisions === 0);
  }

  /** Runs `work`, recording the drains it makes apart from the others (rolled-back trial drains do not count). */
  async aside<T>(work: () => Promise<T>): Promise<{ result: T; drains: DrainTiming[] }> {
    const drains: DrainTiming[] = [];
    const result = await this.trial.run(drains, work);
    return { result, drains };
  }
}

/** The lock-held part of a drain: from the lock being granted to COMMIT returning (the decision itself). */
export const heldMs = (drain: DrainTiming) =>
  drain.lockedAt !== undefined && drain.committedAt !== undefined ? drain.committedAt - drain.lockedAt : NaN;

/** Everything before the lock was granted: waiting for a pooled connection, BEGIN, and queueing on the lock. */
export const waitedMs = (drain: DrainTiming) =>
  drain.lockedAt !== undefined ? drain.lockedAt - drain.calledAt : drain.returnedAt - drain.calledAt;

const startedAt = (drain: DrainTiming) => drain.lockedAt ?? drain.calledAt;
