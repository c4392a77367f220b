import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startTemporalDevServer, type TemporalDevServer } from '../../scripts/temporal-dev-server';
import { migrateDatabase } from '../../scripts/ensure-database';
import { createRunDatabase } from './test-database';
import { RUNTIME_FILE_ENV, runtimeFilePath, type TestRuntime } from './test-runtime';

declare global {
  var __threadlineTemporal: TemporalDevServer | undefined;
}

const WORKFLOWS_INDEX = join(__dirname, '..', '..', 'workflows', 'index.ts');

async function bundleWorkflows(): Promise<string | undefined> {
  if (!existsSync(WORKFLOWS_INDEX)) {
    process.stderr.write(`\n[test setup] ${WORKFLOWS_INDEX} does not exist yet; stacks cannot start a worker\n`);
    return undefined;
  }
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_INDEX, logger: quietLogger });
  const path = join(tmpdir(), `threadline-workflow-bundle-${process.pid}.js`);
  await writeFile(path, code);
  return path;
}

const ignore = () => undefined;
const quietLogger = {
  log: ignore,
  trace: ignore,
  debug: ignore,
  info: ignore,
  warn: (message: string) => process.stderr.write(`[bundler] ${message}\n`),
  error: (message: string) => process.stderr.write(`[bundler] ${message}\n`),
};

/** Starts one Temporal dev server, one fresh migrated database and one workflow bundle for the whole run. */
export default async function globalSetup(): Promise<void> {
  const [temporal, databaseUrl, workflowBundlePath] = await Promise.all([
    startTemporalDevServer(),
    createRunDatabase().then(async (url) => {
      await migrateDatabase(url);
      return url;
    }),
    bundleWorkflows(),
  ]);
  globalThis.__threadlineTemporal = temporal;
  const runtime: TestRuntime = {
    temporalAddress: temporal.address,
    databaseUrl,
    workflowBundlePath,
    temporalServerPid: temporal.pid,
  };
  const file = runtimeFilePath(process.pid);
  await writeFile(file, JSON.stringify(runtime, null, 2));
  process.env[RUNTIME_FILE_ENV] = file;
}
