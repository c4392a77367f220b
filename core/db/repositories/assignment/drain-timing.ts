/** One transaction of a drain, in epoch milliseconds (performance.timeOrigin + performance.now(), so any thread agrees). */
export interface DrainTransactionTiming {
  startedAt: number;
  /** When the tenant lock was granted; absent when there was nothing to lock for. */
  lockedAt?: number;
  committedAt: number;
  decisions: number;
  /** Milliseconds of each step while the lock was held (a slow drain says where its time went). */
  steps: Partial<Record<DrainStep, number>>;
  /** When the last step ended. */
  steppedAt?: number;
}

export type DrainStep = 'agents' | 'queue' | 'settings' | 'plan' | 'persist' | 'commit';

/** Adds the time since the previous step (or the lock) to `step`. */
export function markStep(timing: DrainTransactionTiming | undefined, step: DrainStep): void {
  const since = timing?.steppedAt ?? timing?.lockedAt;
  if (timing && since !== undefined) {
    const now = epochNow();
    timing.steps[step] = (timing.steps[step] ?? 0) + (now - since);
    timing.steppedAt = now;
  }
}

/** Epoch milliseconds with sub-millisecond precision, comparable between threads. */
export const epochNow = () => performance.timeOrigin + performance.now();
