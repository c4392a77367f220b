import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { TestStack } from './test-stack';
import { testRuntime } from './test-runtime';

const ROOT = join(__dirname, '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/**
 * The production worker entry point (apps/worker/src/main.ts) as its own process on the stack's database, Temporal
 * and task queue, resolved once it polls; `env` adds or overrides settings.
 */
export async function startWorkerProcess(stack: TestStack, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      TS_NODE_SWC: '1',
      DATABASE_URL: stack.config.databaseUrl,
      TEMPORAL_ADDRESS: stack.config.temporal.address,
      TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
      VISITOR_TOKEN_SECRET: 'unused-by-the-worker',
      WORKFLOW_BUNDLE_PATH: testRuntime().workflowBundlePath ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker polling')) {
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
  return { child, exited };
}
