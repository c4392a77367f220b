import type { DrainOutcome, TenantDrainer } from '../../../core/assignment/drain/drain-tenant';
import { observedDrainer, type ObservedDrain } from '../../../apps/worker/src/drain-observer';

const outcome: DrainOutcome = {
  decisions: [],
  transactions: [{ startedAt: 1, lockedAt: 2, committedAt: 3, decisions: 0, steps: { agents: 0.5 } }],
};

describe('the drain observer', () => {
  it('reports each drain that answered, with its outcome and when it was asked and answered', async () => {
    const seen: ObservedDrain[] = [];
    const drainer = observedDrainer(
      () => Promise.resolve(outcome),
      (drain) => seen.push(drain),
    );
    const before = performance.now();
    await expect(drainer('tenant-1')).resolves.toBe(outcome);
    expect(seen).toEqual([
      { tenantId: 'tenant-1', calledAt: expect.any(Number), returnedAt: expect.any(Number), outcome },
    ]);
    expect(seen[0].calledAt).toBeGreaterThanOrEqual(before);
    expect(seen[0].returnedAt).toBeGreaterThanOrEqual(seen[0].calledAt);
  });

  it('reports nothing for a drain that failed, and passes its error on', async () => {
    const seen: ObservedDrain[] = [];
    const failure = new Error('drain thread died');
    const drainer = observedDrainer(
      () => Promise.reject(failure),
      (drain) => seen.push(drain),
    );
    await expect(drainer('tenant-1')).rejects.toBe(failure);
    expect(seen).toEqual([]);
  });

  it('is the drainer itself without an observer', () => {
    const drainer: TenantDrainer = () => Promise.resolve(outcome);
    expect(observedDrainer(drainer, undefined)).toBe(drainer);
  });
});
