import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { testRuntime } from '../support/test-runtime';
import { HISTORIES_DIR } from '../support/histories';

/**
 * Every recorded scenario history must replay against the current workflow code. A change that alters the
 * commands a workflow makes fails here until it is guarded with patched() or versioned (see README).
 */
describe('recorded workflow histories replay deterministically', () => {
  it('replays every history in tests/histories', async () => {
    const files = (await readdir(HISTORIES_DIR)).filter((file) => file.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(3);
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: file,
        history: historyFromJSON(JSON.parse(await readFile(join(HISTORIES_DIR, file), 'utf8'))),
      })),
    );
    const { workflowBundlePath } = testRuntime();
    const bundle = workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : undefined;
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      bundle ?? { workflowsPath: require.resolve('../../workflows') },
      histories,
    )) {
      if (result.error) {
        failures.push(`${result.workflowId}: ${result.error.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('fails a history that the current code would not produce', async () => {
    const recorded = JSON.parse(await readFile(join(HISTORIES_DIR, 'escalate-assign-reply-resolve.json'), 'utf8'));
    const signaled = recorded.events.find(
      (event: { workflowExecutionSignaledEventAttributes?: unknown }) => event.workflowExecutionSignaledEventAttributes,
    );
    signaled.workflowExecutionSignaledEventAttributes.signalName = 'notAKnownSignal';
    const { workflowBundlePath } = testRuntime();
    const options = workflowBundlePath
      ? { workflowBundle: { codePath: workflowBundlePath } }
      : { workflowsPath: require.resolve('../../workflows') };
    await expect(Worker.runReplayHistory(options, historyFromJSON(recorded), 'tampered')).rejects.toThrow(
      /nondeterminism/i,
    );
  });
});
