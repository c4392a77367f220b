import type { Info } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure, type LogLevel, type LogMetadata, type Logger } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { createActivityObserverInterceptor } from '../../../apps/worker/src/activity-interceptor/activity-observer.interceptor';
import type { ActivityTiming } from '../../../apps/worker/src/activity-interceptor/activity-timing';
import { PERMANENT_DATA_ERROR } from '../../../core/platform/errors/failure-types';

interface LogRecord {
  level: LogLevel;
  message: string;
  meta: LogMetadata;
}

/** The worker's Runtime logger as the activity context sees it, remembering what it was given. */
class RecordingLogger implements Logger {
  readonly records: LogRecord[] = [];
  log(level: LogLevel, message: string, meta: LogMetadata = {}): void {
    this.records.push({ level, message, meta });
  }
  trace = (message: string, meta?: LogMetadata) => this.log('TRACE', message, meta);
  debug = (message: string, meta?: LogMetadata) => this.log('DEBUG', message, meta);
  info = (message: string, meta?: LogMetadata) => this.log('INFO', message, meta);
  warn = (message: string, meta?: LogMetadata) => this.log('WARN', message, meta);
  error = (message: string, meta?: LogMetadata) => this.log('ERROR', message, meta);
  /** Records this interceptor wrote (the SDK logs its own lifecycle lines too). */
  ours(): LogRecord[] {
    return this.records.filter(
      (record) => record.message.startsWith('Activity step') || record.message.startsWith('Activity attempt'),
    );
  }
}

/** A pg error as the driver raises it: SQLSTATE in `code`. */
function pgError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

const queryFailed = (driverError: Error) => new QueryFailedError('INSERT …', [], driverError);

/** One activity attempt in a real SDK activity context, through the worker's interceptor. */
function anAttempt(info: Partial<Info> = {}) {
  const timings: ActivityTiming[] = [];
  const logger = new RecordingLogger();
  const env = new MockActivityEnvironment(
    {
      activityType: 'takeBotTurn',
      attempt: 3,
      isLocal: true,
      workflowExecution: { workflowId: 'conversation-42', runId: 'run-1' },
      ...info,
    },
    { logger, interceptors: [createActivityObserverInterceptor({ timings: { record: (t) => timings.push(t) } })] },
  );
  const run = <T>(step: () => Promise<T>) => env.run(step);
  const fail = (error: unknown) => run(() => Promise.reject(error)).catch((e: unknown) => e);
  return { env, run, fail, timings, logger };
}

describe('the activity interceptor: error classification', () => {
  it('turns bad data into a non-retryable PermanentDataError carrying the attempt', async () => {
    const failure = (await anAttempt({ attempt: 1 }).fail(
      queryFailed(pgError('22021', 'invalid byte sequence')),
    )) as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: PERMANENT_DATA_ERROR, nonRetryable: true });
    expect(failure.details).toEqual([{ step: 'takeBotTurn', attempt: 1, sqlState: '22021' }]);
  });

  it('leaves other errors retryable under their own name', async () => {
    const failure = (await anAttempt({ attempt: 4 }).fail(new TypeError('fetch failed'))) as ApplicationFailure;
    expect(failure).toMatchObject({ type: 'TypeError', nonRetryable: false, message: 'fetch failed' });
    expect(failure.details).toEqual([{ step: 'takeBotTurn', attempt: 4, sqlState: null }]);
  });

  it('passes failures the activity chose, and cancellations, through unchanged', async () => {
    const chosen = ApplicationFailure.nonRetryable('gone', 'validation_failed');
    await expect(anAttempt().fail(chosen)).resolves.toBe(chosen);
    const cancelled = new CancelledFailure('cancelled');
    await expect(anAttempt().fail(cancelled)).resolves.toBe(cancelled);
  });

  it('classifies an error the activity throws before it returns a promise', async () => {
    const { env } = anAttempt();
    const failure = await env
      .run(() => {
        throw queryFailed(pgError('23514', 'violates check constraint'));
      })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ type: PERMANENT_DATA_ERROR, nonRetryable: true });
  });
});

describe('the activity interceptor: cancellation', () => {
  it('ends an attempt when it is cancelled, even if the activity does not listen', async () => {
    const { env, timings } = anAttempt();
    const attempt = env.run(() => new Promise<never>(() => undefined));
    env.cancel('WORKER_SHUTDOWN');
    const failure = await attempt.catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CancelledFailure);
    expect((failure as CancelledFailure).message).toBe('WORKER_SHUTDOWN');
    expect(timings.map((t) => t.outcome)).toEqual(['cancelled']);
  });

  it('passes the result of an attempt that finishes', async () => {
    await expect(anAttempt().run(() => Promise.resolve('done'))).resolves.toBe('done');
  });

  it('ignores how an abandoned attempt settles later', async () => {
    const { env, timings, logger } = anAttempt();
    let fail!: (error: Error) => void;
    const attempt = env.run(
      () =>
        new Promise<never>((_, reject) => {
          fail = reject;
        }),
    );
    env.cancel('TIMED_OUT');
    await expect(attempt).rejects.toBeInstanceOf(CancelledFailure);
    fail(new Error('the stuck query finally failed'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(timings).toHaveLength(1);
    expect(logger.ours()).toHaveLength(1);
  });
});

describe('the activity interceptor: timing', () => {
  it('records each completed attempt with its step, attempt, workflow and duration', async () => {
    const { run, timings } = anAttempt({ activityType: 'drainAssignmentQueue', attempt: 2, isLocal: false });
    const before = performance.now();
    await run(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const after = performance.now();
    expect(timings).toEqual([
      {
        activityType: 'drainAssignmentQueue',
        attempt: 2,
        isLocal: false,
        workflowId: 'conversation-42',
        startedAt: expect.any(Number),
        durationMs: expect.any(Number),
        outcome: 'completed',
      },
    ]);
    const [timing] = timings;
    expect(timing.startedAt).toBeGreaterThanOrEqual(before);
    // The step waited for its timer, so its duration covers it, and it ended before the caller saw the result.
    expect(timing.durationMs).toBeGreaterThanOrEqual(19);
    expect(timing.startedAt + timing.durationMs).toBeLessThanOrEqual(after);
  });

  it('records failed attempts by how they end: retried or not', async () => {
    const retryable = anAttempt();
    await retryable.fail(new Error('vendor timed out'));
    const permanent = anAttempt();
    await permanent.fail(pgError('22P02', 'invalid input syntax for type json'));
    const chosen = anAttempt();
    await chosen.fail(ApplicationFailure.nonRetryable('A re-tag needs a topic', 'validation_failed'));
    expect([retryable, permanent, chosen].map(({ timings }) => timings.map((t) => t.outcome))).toEqual([
      ['retryable_failure'],
      ['non_retryable_failure'],
      ['non_retryable_failure'],
    ]);
  });

  it('keeps an attempt working when the sink throws', async () => {
    const logger = new RecordingLogger();
    const env = new MockActivityEnvironment(
      { activityType: 'recordCustomerMessage' },
      {
        logger,
        interceptors: [
          createActivityObserverInterceptor({
            timings: {
              record: () => {
                throw new Error('sink full');
              },
            },
          }),
        ],
      },
    );
    await expect(env.run(() => Promise.resolve(7))).resolves.toBe(7);
    expect(logger.records.find((r) => r.message === 'Activity timing sink failed')?.meta).toMatchObject({
      activityType: 'recordCustomerMessage',
      error: 'Error: sink full',
    });
  });

  it('works without a sink', async () => {
    const env = new MockActivityEnvironment(
      {},
      { logger: new RecordingLogger(), interceptors: [createActivityObserverInterceptor()] },
    );
    await expect(env.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});

describe('the activity interceptor: structured logging', () => {
  it('logs a completed step at debug level with its type, attempt, duration, outcome and workflow', async () => {
    const { run, logger, timings } = anAttempt({ activityType: 'triageConversation', attempt: 1 });
    await run(() => Promise.resolve());
    expect(logger.ours()).toEqual([
      {
        level: 'DEBUG',
        message: 'Activity step completed',
        meta: expect.objectContaining({
          activityType: 'triageConversation',
          attempt: 1,
          isLocal: true,
          workflowId: 'conversation-42',
          durationMs: timings[0].durationMs,
          outcome: 'completed',
          sdkComponent: 'activity',
        }),
      },
    ]);
  });

  it('logs one warn record per failed attempt, saying what failed and whether it is retried', async () => {
    const { fail, logger, timings } = anAttempt({ attempt: 5 });
    await fail(queryFailed(pgError('23514', 'new row for relation "messages" violates check constraint "x"')));
    const records = logger.ours();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      level: 'WARN',
      message: 'Activity attempt failed',
      meta: {
        activityType: 'takeBotTurn',
        attempt: 5,
        workflowId: 'conversation-42',
        durationMs: timings[0].durationMs,
        outcome: 'non_retryable_failure',
        errorType: PERMANENT_DATA_ERROR,
        nonRetryable: true,
        sqlState: '23514',
        message: expect.stringContaining('violates check constraint'),
      },
    });
  });

  it('logs a retryable failure under its own type, and a cancelled attempt as cancelled', async () => {
    const retryable = anAttempt();
    await retryable.fail(new TypeError('fetch failed'));
    expect(retryable.logger.ours()[0].meta).toMatchObject({
      outcome: 'retryable_failure',
      errorType: 'TypeError',
      nonRetryable: false,
    });
    // The SDK's logger leaves out null attributes: no SQLSTATE, no key.
    expect(retryable.logger.ours()[0].meta).not.toHaveProperty('sqlState');
    const cancelled = anAttempt();
    const attempt = cancelled.run(() => new Promise<never>(() => undefined));
    cancelled.env.cancel('WORKER_SHUTDOWN');
    await attempt.catch(() => undefined);
    expect(cancelled.logger.ours()).toEqual([
      expect.objectContaining({ level: 'WARN', meta: expect.objectContaining({ outcome: 'cancelled' }) }),
    ]);
  });
});
