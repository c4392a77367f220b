import { ApplicationFailure, CancelledFailure, TemporalFailure } from '@temporalio/common';
import { classifyPermanentFailure } from '../../../../core/platform/db/permanent-failure';
import { PERMANENT_DATA_ERROR } from '../../../../core/platform/errors/failure-types';
import type { ActivityOutcome } from './activity-timing';

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
 * Classifies an error escaping an activity. Bad data, broken constraints and failed validations become a
 * non-retryable PermanentDataError, so the workflow hears of them at once instead of after every retry; anything else
 * is retried by the proxy's bounded policy under its own name. Each failure carries its step and attempt number, which
 * the dead-letter record keeps. A failure the activity chose itself, a cancellation and a non-error pass unchanged.
 */
export function classifyStepFailure(error: unknown, step: string, attempt: number): unknown {
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

/** How an attempt that threw `failure` (as classified) ended. */
export function outcomeOf(failure: unknown): ActivityOutcome {
  if (failure instanceof CancelledFailure) {
    return 'cancelled';
  }
  return failure instanceof ApplicationFailure && failure.nonRetryable ? 'non_retryable_failure' : 'retryable_failure';
}

/** What a failure log record says about the error: its type, whether it is retried, its SQLSTATE and message. */
export function describeFailure(failure: unknown): Record<string, unknown> {
  if (!(failure instanceof Error)) {
    return { errorType: typeof failure, message: String(failure) };
  }
  const [details] = failure instanceof ApplicationFailure ? (failure.details ?? []) : [];
  const sqlState = (details as Partial<StepFailureDetails> | undefined)?.sqlState ?? null;
  return {
    errorType: failure instanceof ApplicationFailure ? (failure.type ?? failure.name) : failure.name,
    nonRetryable: failure instanceof ApplicationFailure ? failure.nonRetryable : false,
    sqlState,
    message: failure.message,
  };
}
