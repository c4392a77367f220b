import { ApplicationFailure, TemporalFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { classifyPermanentFailure } from '../../../core/platform/db/permanent-failure';
import { PERMANENT_DATA_ERROR } from '../../../core/platform/errors/failure-types';

/**
 * What a failed attempt tells the workflow beside its message: which step and attempt it was, and the SQLSTATE if any.
 * A local activity's failure reaches the workflow without an ActivityFailure around it, so the step is named here.
 */
export interface StepFailureDetails {
  step: string;
  attempt: number;
  sqlState: string | null;
}

/**
 * The one place where an error escaping an activity (local ones included: the SDK runs them through the same
 * interceptors) is classified. Bad data, broken constraints and failed validations become a non-retryable
 * PermanentDataError, so the workflow hears of them at once instead of after every retry; anything else is retried
 * by the proxy's bounded policy. Errors an activity handles itself (a unique violation meaning "already stored")
 * never reach this point. Each failure carries its attempt number, which the dead-letter record keeps.
 */
export const permanentFailureInterceptor: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    async execute(input, next) {
      try {
        return await next(input);
      } catch (error) {
        throw classified(error, ctx.info.activityType, ctx.info.attempt);
      }
    },
  },
});

function classified(error: unknown, step: string, attempt: number): unknown {
  if (error instanceof TemporalFailure || !(error instanceof Error)) {
    return error; // the activity chose its failure already, or was cancelled (or threw a non-error the SDK reports)
  }
  const permanent = classifyPermanentFailure(error);
  const details: StepFailureDetails = { step, attempt, sqlState: permanent?.sqlState ?? null };
  return ApplicationFailure.create({
    message: permanent?.message ?? error.message,
    type: permanent ? PERMANENT_DATA_ERROR : error.name,
    nonRetryable: permanent !== undefined,
    details: [details],
    cause: error,
  });
}
