import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the jest global setup started for this run, shared with every test file through a JSON file. */
export interface TestRuntime {
  temporalAddress: string;
  databaseUrl: string;
  /** Absent when workflows/index.ts did not exist when the run started. */
  workflowBundlePath?: string;
  temporalServerPid: number;
}

export const RUNTIME_FILE_ENV = 'THREADLINE_TEST_RUNTIME_FILE';

export function runtimeFilePath(ownerPid: number): string {
  return join(tmpdir(), `threadline-test-runtime-${ownerPid}.json`);
}

let cached: TestRuntime | undefined;

/** Reads the runtime written by tests/support/global-setup.ts (in a jest worker or in band). */
export function testRuntime(): TestRuntime {
  if (cached) {
    return cached;
  }
  const candidates = [process.env[RUNTIME_FILE_ENV], runtimeFilePath(process.ppid), runtimeFilePath(process.pid)];
  for (const path of candidates) {
    if (!path) {
      continue;
    }
    try {
      cached = JSON.parse(readFileSync(path, 'utf8')) as TestRuntime;
      return cached;
    } catch {
      // try the next candidate
    }
  }
  throw new Error('No test runtime found: run tests through jest so tests/support/global-setup.ts starts the services');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

function isTemporalDevServer(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start-dev');
  } catch {
    return false;
  }
}

/**
 * Cleans up after runs whose jest process died without its teardown (killed, timed out): stops the Temporal dev
 * server it started and removes its files. Their databases are dropped by createRunDatabase.
 */
export async function sweepDeadRuns(): Promise<void> {
  const pattern = /^threadline-test-runtime-(\d+)\.json$/;
  for (const name of await readdir(tmpdir())) {
    const owner = Number(pattern.exec(name)?.[1]);
    if (!Number.isInteger(owner) || owner === process.pid || isAlive(owner)) {
      continue;
    }
    const file = join(tmpdir(), name);
    try {
      const runtime = JSON.parse(readFileSync(file, 'utf8')) as TestRuntime;
      if (isTemporalDevServer(runtime.temporalServerPid)) {
        process.kill(runtime.temporalServerPid, 'SIGTERM');
      }
      if (runtime.workflowBundlePath) {
        await rm(runtime.workflowBundlePath, { force: true });
      }
    } catch {
      // unreadable leftovers are just removed
    }
    await rm(file, { force: true });
  }
}
