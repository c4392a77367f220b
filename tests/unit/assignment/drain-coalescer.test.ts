import { DrainCoalescer } from '../../../core/assignment/drain/drain-coalescer';

/** A drain whose completion the test controls, recording when each run started. */
function controlledDrains() {
  const runs: { tenantId: string; finish: (result: string[]) => void; fail: (error: Error) => void }[] = [];
  const coalescer = new DrainCoalescer<string>(
    (tenantId) =>
      new Promise<string[]>((resolve, reject) => {
        runs.push({ tenantId, finish: resolve, fail: reject });
      }),
  );
  return { runs, coalescer };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('DrainCoalescer', () => {
  it('runs at most one drain per tenant and queues one more for every caller that arrives meanwhile', async () => {
    const { runs, coalescer } = controlledDrains();
    const first = coalescer.drain('t1');
    const second = coalescer.drain('t1');
    const third = coalescer.drain('t1');
    expect(runs).toHaveLength(1);

    runs[0].finish(['a']);
    await settle();
    expect(runs).toHaveLength(2); // the queued drain starts only after the running one ended
    runs[1].finish(['b']);

    expect(await first).toEqual(['a']);
    expect(await second).toEqual(['b']); // the caller that queued the drain announces its decisions
    expect(await third).toEqual([]); // a caller that joined it gets none, so nothing is announced twice
  });

  it('keeps tenants independent', async () => {
    const { runs, coalescer } = controlledDrains();
    void coalescer.drain('t1');
    void coalescer.drain('t2');
    expect(runs.map((run) => run.tenantId)).toEqual(['t1', 't2']);
  });

  it('starts afresh once idle, and a failed drain still lets the queued one run', async () => {
    const { runs, coalescer } = controlledDrains();
    const failing = coalescer.drain('t1');
    const queued = coalescer.drain('t1');
    runs[0].fail(new Error('lost connection'));
    await expect(failing).rejects.toThrow('lost connection');
    await settle();
    runs[1].finish(['x']);
    expect(await queued).toEqual(['x']);
    await settle();
    const later = coalescer.drain('t1');
    expect(runs).toHaveLength(3);
    runs[2].finish([]);
    expect(await later).toEqual([]);
  });
});
