import { cpus, totalmem } from 'node:os';
import { EnvReader } from '../../core/platform/config/env-reader';
import { ConfigError } from '../../core/platform/config/config-error';
import type { WorkerTuning } from '../../apps/worker/src/create-worker';

/** Every knob of one bench run; BENCH_* variables override the defaults, which fit a 2-core machine in ~5 minutes. */
export interface BenchSettings {
  databaseUrl: string;
  /** Worker tuning passed to createConversationWorker; unset knobs keep the worker's own defaults. */
  tuning: Partial<WorkerTuning>;
  apiPoolSize: number;
  workerPoolSize: number;
  streamPollMs: number;
  raw: { starts: number; concurrency: number };
  closedLoop: { steps: number[]; warmupMs: number; measureMs: number };
  openLoop: { durationMs: number; poolSize: number };
  openConversations: { count: number; concurrency: number };
  replyTimeoutMs: number;
  /** Where to write a CPU profile of the main thread over the closed-loop ramp, if anywhere. */
  cpuProfilePath?: string;
}

export const SQLITE_PRAGMAS = ['journal_mode=WAL', 'synchronous=NORMAL'];

const positiveList = (raw: string | undefined, fallback: number[]): number[] =>
  raw ? raw.split(',').map((part) => Number(part.trim())) : fallback;

export function loadBenchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const read = new EnvReader(env);
  const optional = (name: string) => (env[name] ? read.number(name, 0, { min: 1, integer: true }) : undefined);
  const tuning: Partial<WorkerTuning> = {
    maxConcurrentWorkflowTaskExecutions: optional('BENCH_MAX_WORKFLOW_TASKS'),
    maxConcurrentLocalActivityExecutions: optional('BENCH_MAX_LOCAL_ACTIVITIES'),
    maxCachedWorkflows: optional('BENCH_MAX_CACHED_WORKFLOWS'),
  };
  const steps = positiveList(env.BENCH_VISITOR_STEPS, [4, 8, 16, 32, 64]);
  if (steps.some((step) => !Number.isInteger(step) || step < 1)) {
    read.problems.push(
      `BENCH_VISITOR_STEPS must be positive integers separated by commas, got "${env.BENCH_VISITOR_STEPS}"`,
    );
  }
  const settings: BenchSettings = {
    databaseUrl: read.string('BENCH_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/threadline_bench'),
    tuning: Object.fromEntries(Object.entries(tuning).filter(([, value]) => value !== undefined)),
    apiPoolSize: read.number('BENCH_API_POOL_SIZE', 10, { min: 1, integer: true }),
    workerPoolSize: read.number('BENCH_WORKER_POOL_SIZE', 10, { min: 1, integer: true }),
    streamPollMs: read.number('BENCH_STREAM_POLL_MS', 1000, { min: 50, integer: true }),
    raw: {
      starts: read.number('BENCH_RAW_STARTS', 3000, { min: 1, integer: true }),
      concurrency: read.number('BENCH_RAW_CONCURRENCY', 64, { min: 1, integer: true }),
    },
    closedLoop: {
      steps,
      warmupMs: read.number('BENCH_WARMUP_MS', 2000, { min: 0, integer: true }),
      measureMs: read.number('BENCH_MEASURE_MS', 8000, { min: 1000, integer: true }),
    },
    openLoop: {
      durationMs: read.number('BENCH_OPEN_LOOP_MS', 15000, { min: 1000, integer: true }),
      poolSize: Math.max(...steps),
    },
    openConversations: {
      count: read.number('BENCH_OPEN_CONVERSATIONS', 1000, { min: 1, integer: true }),
      concurrency: read.number('BENCH_OPEN_CONCURRENCY', 32, { min: 1, integer: true }),
    },
    replyTimeoutMs: read.number('BENCH_REPLY_TIMEOUT_MS', 30000, { min: 1000, integer: true }),
    cpuProfilePath: read.optionalString('BENCH_CPU_PROFILE'),
  };
  if (read.problems.length > 0) {
    throw new ConfigError(read.problems);
  }
  return settings;
}

export function machineDescription(): string {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}
