import type { Context } from '@temporalio/activity';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { ActivityOutcome, ActivityTiming, ActivityTimingSink } from './activity-timing';
import { classifyStepFailure, describeFailure, outcomeOf } from './step-failure.classifier';

export interface ActivityObserverOptions {
  /** Receives every attempt's timing; none by default. */
  timings?: ActivityTimingSink;
}

/**
 * The worker's one activity interceptor; the SDK runs local activities through it too. For every attempt it:
 * - ends the attempt when it is cancelled, even if its code does not listen (a query waiting on a lock, a vendor call
 *   that hangs): the worker cancels in-flight attempts when its shutdown grace time is over, and this lets shutdown
 *   finish then. The abandoned promise is left to settle on its own; its outcome is ignored;
 * - classifies an error escaping the activity (see classifyStepFailure). Errors an activity handles itself (a unique
 *   violation meaning "already stored") never reach this point;
 * - times it, for the injected sink;
 * - logs it on the activity context's logger (the worker's Runtime logger, with the SDK's activity attributes): a warn
 *   record per failed or cancelled attempt, a debug record per completed step.
 */
export const createActivityObserverInterceptor =
  ({ timings }: ActivityObserverOptions = {}): ActivityInterceptorsFactory =>
  (ctx) => ({
    inbound: {
      async execute(input, next) {
        const startedAt = performance.now();
        const { activityType, attempt } = ctx.info;
        const attemptRun = (async () => {
          try {
            return await next(input);
          } catch (error) {
            throw classifyStepFailure(error, activityType, attempt);
          }
        })();
        attemptRun.catch(() => undefined);
        try {
          const result = await Promise.race([attemptRun, ctx.cancelled]);
          observe(ctx, timings, startedAt, 'completed');
          return result;
        } catch (failure) {
          observe(ctx, timings, startedAt, outcomeOf(failure), failure);
          throw failure;
        }
      },
    },
  });

function observe(
  ctx: Context,
  sink: ActivityTimingSink | undefined,
  startedAt: number,
  outcome: ActivityOutcome,
  failure?: unknown,
): void {
  const { activityType, attempt, isLocal, workflowExecution } = ctx.info;
  const timing: ActivityTiming = {
    activityType,
    attempt,
    isLocal,
    workflowId: workflowExecution?.workflowId ?? null,
    startedAt,
    durationMs: performance.now() - startedAt,
    outcome,
  };
  const { startedAt: _startedAt, ...record } = timing;
  if (outcome === 'completed') {
    ctx.log.debug('Activity step completed', record);
  } else {
    ctx.log.warn('Activity attempt failed', { ...record, ...describeFailure(failure) });
  }
  try {
    sink?.record(timing);
  } catch (error) {
    ctx.log.warn('Activity timing sink failed', { activityType, error: String(error) });
  }
}
