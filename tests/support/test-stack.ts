import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../core/platform/config/app-config';
import { createDataSource } from '../../core/data-source';
import { connectTemporalClient } from '../../core/platform/temporal/temporal-client';
import { ConversationGateway } from '../../apps/api/src/temporal/conversation-gateway';
import { createApiApp } from '../../apps/api/src/create-app';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createConversationWorker, NativeConnection } from '../../apps/worker/src/create-worker';
import { httpClient, type HttpClient } from './http-client';
import { testRuntime } from './test-runtime';
import type { ChannelAdapter } from '../../core/channels/channel-adapter';

export interface TestStackOptions {
  /** Extra or overriding environment variables for loadConfig. */
  env?: Record<string, string>;
  /** Start an in-process worker on the stack's task queue (default true). */
  worker?: boolean;
  /** Channel adapters beside the configured ones, for both the API and the worker. */
  channelAdapters?: ChannelAdapter[];
}

export interface TestStack {
  baseUrl: string;
  config: AppConfig;
  dataSource: DataSource;
  temporal: Client;
  http: HttpClient;
  /** The API's door into Temporal, for tests that drive workflows without HTTP. */
  gateway: ConversationGateway;
  stop(): Promise<void>;
}

/** Environment for a test stack: its own task queue, short timings, generous rate limits. */
function stackEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const runtime = testRuntime();
  return {
    DATABASE_URL: runtime.databaseUrl,
    TEMPORAL_ADDRESS: runtime.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: `conversations-test-${randomBytes(6).toString('hex')}`,
    PORT: '0',
    VISITOR_TOKEN_SECRET: randomBytes(32).toString('hex'),
    WIDGET_RATE_PER_VISITOR_PER_MIN: '10000',
    WIDGET_RATE_PER_IP_PER_MIN: '100000',
    WIDGET_READ_RATE_PER_VISITOR_PER_MIN: '10000',
    WIDGET_READ_RATE_PER_IP_PER_MIN: '100000',
    STREAM_POLL_MS: '50',
    STREAM_CREDENTIAL_CHECK_MS: '1000',
    // Every test file logs in from 127.0.0.1 against the run's one database: a per-IP lockout would cross files.
    LOGIN_MAX_FAILURES_PER_IP: '100000',
    QUEUE_RECHECK_SECONDS: '1',
    AI_PROVIDER: 'offline',
    ...overrides,
  };
}

/**
 * Starts the real product around the run's shared PostgreSQL and Temporal: a DataSource, a Temporal client,
 * an in-process worker on a task queue of its own, and the Nest app on a free port of 127.0.0.1.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const config = loadConfig(stackEnv(options.env));
  const cleanups: (() => Promise<unknown>)[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const errors: unknown[] = [];
      for (const cleanup of cleanups.reverse()) {
        await cleanup().catch((error: unknown) => errors.push(error));
      }
      if (errors.length > 0) {
        throw new AggregateError(errors, 'test stack did not stop cleanly');
      }
    })();
    return stopping;
  };

  try {
    const dataSource = await createDataSource({
      url: config.databaseUrl,
      poolSize: 5,
      applicationName: 'threadline-test',
    }).initialize();
    cleanups.push(() => dataSource.destroy());
    const temporal = await connectTemporalClient(config.temporal);
    cleanups.push(() => temporal.connection.close());
    if (options.worker !== false) {
      cleanups.push(await startWorker(config, dataSource, options.channelAdapters));
    }
    const app = await createApiApp({ config, dataSource, temporal, channelAdapters: options.channelAdapters });
    cleanups.push(() => app.close());
    const baseUrl = await listen(app);
    const gateway = new ConversationGateway(
      temporal,
      config.temporal.taskQueue,
      config.conversation,
      config.conversation.queueRecheckSeconds,
    );
    return { baseUrl, config, dataSource, temporal, http: httpClient(baseUrl), gateway, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Starts a stack before the enclosing describe block's tests and stops it after them. The returned object is filled
 * in by that beforeAll hook, so read its fields only inside hooks and tests.
 */
export function useTestStack(options: TestStackOptions = {}): TestStack {
  const stack = {} as TestStack;
  let started: TestStack | undefined;
  beforeAll(async () => {
    started = await startTestStack(options);
    Object.assign(stack, started);
  });
  afterAll(async () => {
    await started?.stop();
  });
  return stack;
}

/** Keeps the SDK's per-state INFO logs out of test output; the first stack in a process installs the runtime. */
function installQuietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed in this process
  }
}

async function startWorker(
  config: AppConfig,
  dataSource: DataSource,
  channelAdapters?: ChannelAdapter[],
): Promise<() => Promise<void>> {
  installQuietTemporalRuntime();
  const { workflowBundlePath } = testRuntime();
  if (!workflowBundlePath) {
    throw new Error('No workflow bundle: workflows/index.ts was missing when the test run started');
  }
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  try {
    const { worker, run } = await createConversationWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      dataSource,
      config,
      channelAdapters,
      workflowBundle: { codePath: workflowBundlePath },
    });
    const running = run();
    running.catch(() => undefined); // a crash surfaces when stop() awaits it
    return async () => {
      if (worker.getState() === 'RUNNING') {
        worker.shutdown();
      }
      await running;
      await connection.close();
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}
