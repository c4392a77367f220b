/** How one activity attempt ended, as the interceptor saw it. */
export type ActivityOutcome = 'completed' | 'retryable_failure' | 'non_retryable_failure' | 'cancelled';

/** One activity attempt (local ones too), timed by the worker's activity interceptor. */
export interface ActivityTiming {
  activityType: string;
  attempt: number;
  isLocal: boolean;
  /** The workflow that ran the step; null for an activity started on its own. */
  workflowId: string | null;
  /** performance.now() in the worker's thread when the attempt started. */
  startedAt: number;
  durationMs: number;
  outcome: ActivityOutcome;
}

/** Where the worker sends every attempt's timing (a benchmark reading per-step durations); the worker has none by default. */
export interface ActivityTimingSink {
  record(timing: ActivityTiming): void;
}
