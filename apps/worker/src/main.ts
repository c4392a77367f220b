import 'reflect-metadata';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../../../core/config/app-config';
import { createDataSource } from '../../../core/db/data-source';
import { createConversationWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource({
    url: config.databaseUrl,
    applicationName: 'threadline-worker',
  }).initialize();
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const { run } = await createConversationWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataSource,
    config,
    prestartDrainThread: true,
    workflowBundle: config.workflowBundlePath ? { codePath: config.workflowBundlePath } : undefined,
  });
  console.log(`Worker polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);
  // Worker.run resolves after SIGINT/SIGTERM once in-flight tasks finish (the SDK installs those handlers).
  await run();
  await connection.close();
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
