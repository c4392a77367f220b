import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-app';
import {
  createConversationWorker,
  NativeConnection,
  type ConversationWorkerOptions,
} from '../../apps/worker/src/create-worker';
import { loadConfig, type AppConfig } from '../../core/platform/config/app-config';
import { createDataSource } from '../../core/data-source';
import { connectTemporalClient } from '../../core/platform/temporal/temporal-client';
import { migrateDatabase, recreateDatabase } from '../../scripts/ensure-database';
import { startTemporalDevServer } from '../../scripts/temporal-dev-server';
import type { BenchSettings } from './bench-settings';

export const NOOP_TASK_QUEUE = 'bench-noop';

export interface BenchStack {
  config: AppConfig;
  baseUrl: string;
  temporal: Client;
  temporalServerPid: number;
  apiDataSource: DataSource;
  workerDataSource: DataSource;
  worker: Worker;
  /** Runs the do-nothing workflow's worker until the returned function is called. */
  startNoopWorker(): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

const quietBundler = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => process.stderr.write(`[bundler] ${message}\n`),
  error: (message: string) => process.stderr.write(`[bundler] ${message}\n`),
};

const bundle = (workflowsPath: string) => bundleWorkflowCode({ workflowsPath, logger: quietBundler });

/** What the bench reads from the worker: its activity timings and its drain thread's drains. */
export type WorkerObservers = Pick<ConversationWorkerOptions, 'activityTimings' | 'drainObserver'>;

/**
 * The whole product in this process, on private services: a Temporal dev server over a SQLite file in a temp dir
 * (WAL), a freshly recreated and migrated PostgreSQL database, one conversation worker and the Nest API on 127.0.0.1.
 */
export async function startBenchStack(settings: BenchSettings, observers: WorkerObservers = {}): Promise<BenchStack> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => process.stderr.write(`cleanup failed: ${String(error)}\n`));
    }
    cleanups.length = 0;
  };
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const dir = await mkdtemp(join(tmpdir(), 'threadline-bench-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const [server, conversationBundle, noopBundle] = await Promise.all([
      startTemporalDevServer({ dbFile: join(dir, 'temporal.sqlite') }),
      bundle(require.resolve('../../workflows')),
      bundle(require.resolve('./noop.workflow')),
      recreateDatabase(settings.databaseUrl).then(() => migrateDatabase(settings.databaseUrl)),
    ]);
    cleanups.push(() => server.stop());
    const config = loadConfig({
      DATABASE_URL: settings.databaseUrl,
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: 'conversations-bench',
      PORT: '0',
      VISITOR_TOKEN_SECRET: randomBytes(32).toString('hex'),
      // Every visitor comes from 127.0.0.1 and keeps talking to the bot: lift the limits a real site would keep.
      WIDGET_RATE_PER_VISITOR_PER_MIN: '1000000',
      WIDGET_RATE_PER_IP_PER_MIN: '100000000',
      MAX_BOT_TURNS: '1000000',
      STREAM_POLL_MS: String(settings.streamPollMs),
      AI_PROVIDER: 'offline',
    });
    const dataSource = async (poolSize: number, applicationName: string) => {
      const source = await createDataSource({ url: config.databaseUrl, poolSize, applicationName }).initialize();
      cleanups.push(() => source.destroy());
      return source;
    };
    const apiDataSource = await dataSource(settings.apiPoolSize, 'threadline-bench-api');
    const workerDataSource = await dataSource(settings.workerPoolSize, 'threadline-bench-worker');
    const connection = await NativeConnection.connect({ address: config.temporal.address });
    cleanups.push(() => connection.close());
    const temporal = await connectTemporalClient(config.temporal);
    cleanups.push(() => temporal.connection.close());
    const { worker, run } = await createConversationWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      dataSource: workerDataSource,
      config,
      prestartDrainThread: true,
      workflowBundle: conversationBundle,
      tuning: settings.tuning,
      ...observers,
    });
    const running = run();
    running.catch(() => undefined);
    cleanups.push(async () => {
      if (worker.getState() === 'RUNNING') {
        worker.shutdown();
      }
      await running;
    });

    const app = await createApiApp({ config, dataSource: apiDataSource, temporal });
    cleanups.push(() => app.close());
    const baseUrl = await listen(app);

    const startNoopWorker = async () => {
      const noop = await Worker.create({
        connection,
        namespace: config.temporal.namespace,
        taskQueue: NOOP_TASK_QUEUE,
        workflowBundle: noopBundle,
      });
      const noopRunning = noop.run();
      return async () => {
        noop.shutdown();
        await noopRunning;
      };
    };
    return {
      config,
      baseUrl,
      temporal,
      temporalServerPid: server.pid,
      apiDataSource,
      workerDataSource,
      worker,
      startNoopWorker,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}
