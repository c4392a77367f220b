import { rm } from 'node:fs/promises';
import { dropRunDatabase } from './test-database';
import { RUNTIME_FILE_ENV, testRuntime } from './test-runtime';

export default async function globalTeardown(): Promise<void> {
  const runtime = testRuntime();
  await globalThis.__threadlineTemporal?.stop();
  globalThis.__threadlineTemporal = undefined;
  await dropRunDatabase(runtime.databaseUrl);
  const files = [process.env[RUNTIME_FILE_ENV], runtime.workflowBundlePath].filter((path) => path !== undefined);
  await Promise.all(files.map((path) => rm(path, { force: true })));
}
