import { readFileSync } from 'node:fs';
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
