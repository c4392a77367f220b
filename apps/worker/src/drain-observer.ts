import type { DrainOutcome, TenantDrainer } from '../../../core/assignment/drain/drain-tenant';

/** One drain the worker's drain thread ran, as its caller saw it; the outcome's transactions carry the thread's timings. */
export interface ObservedDrain {
  tenantId: string;
  /** performance.now() in the worker's thread when the drain was asked for, and when its answer arrived. */
  calledAt: number;
  returnedAt: number;
  outcome: DrainOutcome;
}

/** Receives every drain that answered (a benchmark reading lock and step timings); the worker has none by default. */
export type DrainObserver = (drain: ObservedDrain) => void;

/** `drainer`, reporting each drain that answered to `observer`; `drainer` itself when there is no observer. */
export function observedDrainer(drainer: TenantDrainer, observer: DrainObserver | undefined): TenantDrainer {
  if (!observer) {
    return drainer;
  }
  return async (tenantId) => {
    const calledAt = performance.now();
    const outcome = await drainer(tenantId);
    observer({ tenantId, calledAt, returnedAt: performance.now(), outcome });
    return outcome;
  };
}
