import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startTemporalDevServer, type TemporalDevServer } from '../../scripts/temporal-dev-server';
import { migrateDatabase } from '../../scripts/ensure-database';
import { createRunDatabase, dropRunDatabase } from './test-database';
import { RUNTIME_FILE_ENV, runtimeFilePath, sweepDeadRuns, type TestRuntime } from './test-runtime';

declare global {
  var __threadlineTemporal: TemporalDevServer | undefined;
}

const WORKFLOWS_INDEX = join(__dirname, '..', '..', 'workflows', 'index.ts');

const ignore = () => undefined;
const bundlerLogger = {
  log: ignore,
  trace: ignore,
  debug: ignore,
  info: ignore,
  warn: (message: string) => process.stderr.write(`[bundler] ${message}\n`),
  error: (message: string) => process.stderr.write(`[bundler] ${message}\n`),
};

async function bundleWorkflows(): Promise<string | undefined> {
  if (!existsSync(WORKFLOWS_INDEX)) {
    process.stderr.write(`\n[test setup] ${WORKFLOWS_INDEX} does not exist yet; stacks cannot start a worker\n`);
    return undefined;
  }
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_INDEX, logger: bundlerLogger });
  const path = join(tmpdir(), `threadline-workflow-bundle-${process.pid}.js`);
  await writeFile(path, code);
  return path;
}

async function migratedRunDatabase(): Promise<string> {
  const url = await createRunDatabase();
  await migrateDatabase(url);
  return url;
}

/** Starts one Temporal dev server, one fresh migrated database and one workflow bundle for the whole run. */
export default async function globalSetup(): Promise<void> {
  await sweepDeadRuns();
  const [temporal, database, bundle] = await Promise.allSettled([
    startTemporalDevServer(),
    migratedRunDatabase(),
    bundleWorkflows(),
  ]);
  if (temporal.status === 'rejected' || database.status === 'rejected' || bundle.status === 'rejected') {
    await (temporal.status === 'fulfilled' ? temporal.value.stop() : undefined);
    await (database.status === 'fulfilled' ? dropRunDatabase(database.value) : undefined);
    const reasons = [temporal, database, bundle].flatMap((result) =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    throw reasons.length === 1 ? reasons[0] : new AggregateError(reasons, 'test setup failed');
  }
  globalThis.__threadlineTemporal = temporal.value;
  const runtime: TestRuntime = {
    temporalAddress: temporal.value.address,
    databaseUrl: database.value,
    workflowBundlePath: bundle.value,
    temporalServerPid: temporal.value.pid,
  };
  const file = runtimeFilePath(process.pid);
  await writeFile(file, JSON.stringify(runtime, null, 2));
  process.env[RUNTIME_FILE_ENV] = file;
}
