import { join } from 'node:path';
import { REPO_ROOT } from './data-dir';
import { superviseProcess, type SupervisedProcess } from './supervised-process';

/**
 * A larger young generation: the API and the worker allocate many short-lived objects per message, and fewer
 * scavenges cut the reply p99 noticeably (bench: 389 → 267 ms at half of max load). Same flag as `start:api`/`start:worker`.
 */
const NODE_FLAGS = ['--max-semi-space-size=32'];

/** Runs a TypeScript entry point build-free, exactly as `npm run start:api` / `start:worker` do (see register-ts.js). */
export function startNodeService(name: string, entry: string, env: NodeJS.ProcessEnv): SupervisedProcess {
  const args = [
    ...NODE_FLAGS,
    '-r',
    join(__dirname, 'register-ts.js'),
    '-r',
    join(__dirname, 'exit-with-parent.ts'),
    entry,
  ];
  return superviseProcess(name, process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    output: 'prefix',
    ipc: true,
  });
}

/** Polls GET /health until it answers 200; gives up (returns false) when `stopped()` turns true. */
export async function waitUntilHealthy(url: string, stopped: () => boolean): Promise<boolean> {
  while (!stopped()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        return true;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}
