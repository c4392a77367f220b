/** One transaction of a drain, in epoch milliseconds (performance.timeOrigin + performance.now(), so any thread agrees). */
export interface DrainTransactionTiming {
  startedAt: number;
  /** When the tenant lock was granted; absent when there was nothing to lock for. */
  lockedAt?: number;
  committedAt: number;
  decisions: number;
  /** Milliseconds of each step while the lock was held (a slow drain says where its time went). */
  steps: Partial<Record<DrainStep, number>>;
}

export type DrainStep = 'agents' | 'queue' | 'settings' | 'plan' | 'persist' | 'commit';

/** Epoch milliseconds with sub-millisecond precision, comparable between threads. */
export const epochNow = () => performance.timeOrigin + performance.now();

/** Times one drain transaction: started when made, then the lock, each step, and the commit. */
export class DrainClock {
  private readonly timing: DrainTransactionTiming = { startedAt: epochNow(), committedAt: 0, decisions: 0, steps: {} };
  private lastAt?: number;

  locked(): void {
    this.timing.lockedAt = this.lastAt = epochNow();
  }

  /** Adds the time since the previous step (or the lock) to `step`. */
  step(step: DrainStep): void {
    if (this.lastAt === undefined) {
      return;
    }
    const now = epochNow();
    this.timing.steps[step] = (this.timing.steps[step] ?? 0) + (now - this.lastAt);
    this.lastAt = now;
  }

  /** After the transaction committed: the commit is the last step. */
  committed(decisions: number): DrainTransactionTiming {
    this.step('commit');
    return { ...this.timing, committedAt: this.lastAt ?? epochNow(), decisions };
  }
}
