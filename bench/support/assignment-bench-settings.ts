import { EnvReader } from '../../core/platform/config/env-reader';
import { ConfigError } from '../../core/platform/config/config-error';
import { loadBenchSettings, type BenchSettings } from './bench-settings';

/** The assignment bench's own knobs (BENCH_* variables), on top of the pipeline bench's stack settings. */
export interface AssignmentBenchSettings {
  stack: BenchSettings;
  escalations: number;
  /** Requests in flight at once while opening sessions and sending the escalating messages. */
  concurrency: number;
  /** Every agent's chat capacity after the burst: enough for everyone still waiting. */
  raisedCapacity: number;
  /** Single-row claims timed for the bare SQL baseline. */
  bareClaims: number;
  /** How long to wait for the queue to saturate, and for it to empty after the raise. */
  timeoutMs: number;
}

/** Its own database by default, so it never recreates the one the pipeline bench may be using. */
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/threadline_bench_assignment';

export function loadAssignmentBenchSettings(env: NodeJS.ProcessEnv = process.env): AssignmentBenchSettings {
  const stack = loadBenchSettings({ BENCH_DATABASE_URL: DEFAULT_DATABASE_URL, ...env });
  const read = new EnvReader(env);
  const settings: AssignmentBenchSettings = {
    stack,
    escalations: read.number('BENCH_ESCALATIONS', 1000, { min: 1, integer: true }),
    concurrency: read.number('BENCH_ESCALATION_CONCURRENCY', 50, { min: 1, integer: true }),
    raisedCapacity: read.number('BENCH_RAISED_CAPACITY', 100, { min: 1, integer: true }),
    bareClaims: read.number('BENCH_BARE_CLAIMS', 1000, { min: 1, integer: true }),
    timeoutMs: read.number('BENCH_ASSIGNMENT_TIMEOUT_MS', 300_000, { min: 1000, integer: true }),
  };
  if (read.problems.length > 0) {
    throw new ConfigError(read.problems);
  }
  return settings;
}
