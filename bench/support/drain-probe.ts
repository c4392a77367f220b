import type { DrainObserver, ObservedDrain } from '../../apps/worker/src/drain-observer';
import type { DrainStep } from '../../core/assignment/drain/drain-timing';

/** The steps a drain transaction times while it holds the tenant lock (see core/assignment/drain/drain-timing.ts). */
export const HELD_STEPS: readonly DrainStep[] = ['agents', 'queue', 'settings', 'plan', 'persist', 'commit'];

/** One drain transaction, on this thread's performance.now() clock. */
export interface DrainTiming {
  /** When the drain was asked for (its first transaction) or the transaction began, and when it returned or committed. */
  calledAt: number;
  returnedAt: number;
  /** When the tenant lock was granted, and when COMMIT came back (undefined when not reached). */
  lockedAt?: number;
  committedAt?: number;
  decisions: number;
  /** Milliseconds per step while the lock was held; zero for steps not reached. */
  steps: Record<DrainStep, number>;
  /** Whether the transaction timed its steps (it took the lock). */
  stepped: boolean;
}

const zeroSteps = (): Record<DrainStep, number> =>
  Object.fromEntries(HELD_STEPS.map((step) => [step, 0])) as Record<DrainStep, number>;

/** A drain's transactions carry epoch milliseconds (comparable between threads); this thread's clock is relative. */
const local = (epochMs: number) => epochMs - performance.timeOrigin;

/**
 * One timing per transaction of a drain, each a decision of its own; a drain that found nothing to lock for is one
 * timing without a lock. The first transaction starts when the drain was asked for, the last ends when it answered.
 */
export function drainTimings({ calledAt, returnedAt, outcome }: ObservedDrain): DrainTiming[] {
  if (outcome.transactions.length === 0) {
    return [{ calledAt, returnedAt, decisions: 0, steps: zeroSteps(), stepped: false }];
  }
  return outcome.transactions.map((transaction, index, all) => ({
    calledAt: index === 0 ? calledAt : local(transaction.startedAt),
    returnedAt: index === all.length - 1 ? returnedAt : local(transaction.committedAt),
    lockedAt: transaction.lockedAt === undefined ? undefined : local(transaction.lockedAt),
    committedAt: local(transaction.committedAt),
    decisions: transaction.decisions,
    steps: { ...zeroSteps(), ...transaction.steps },
    stepped: Object.keys(transaction.steps).length > 0,
  }));
}

/**
 * Every drain the worker's drain thread ran, as the product reports them (ConversationWorkerOptions.drainObserver,
 * timed by the drain's own clock): nothing is patched.
 */
export class DrainProbe {
  readonly drains: DrainTiming[] = [];
  readonly observe: DrainObserver = (drain) => {
    this.drains.push(...drainTimings(drain));
  };

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

  /** Runs `work` with an observer of its own, so the drains it makes (rolled-back trials) are kept apart. */
  static async aside<T>(work: (observe: DrainObserver) => Promise<T>): Promise<{ result: T; drains: DrainTiming[] }> {
    const drains: DrainTiming[] = [];
    const result = await work((drain) => drains.push(...drainTimings(drain)));
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
