import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import { PERMANENT_DATA_ERROR } from '../core/platform/errors/failure-types';
import { STEP_MAX_ATTEMPTS } from './activity-proxies';

/** Why a step of the workflow failed for good, in the words a dead letter and the event log keep. */
export interface StepFailure {
  step: string;
  errorType: string;
  reason: string;
  attempts: number;
}

/**
 * How a step's final failure reaches the workflow: a scheduled activity's inside an ActivityFailure; a local
 * activity's as the failure itself (an ApplicationFailure, or a TimeoutFailure when its time ran out).
 */
export type StepFailureError = ActivityFailure | ApplicationFailure | TimeoutFailure;

export const isStepFailure = (error: unknown): error is StepFailureError =>
  error instanceof ActivityFailure || error instanceof ApplicationFailure || error instanceof TimeoutFailure;

/** What each step was doing, for a reason an admin can read; unknown steps are named as they are. */
const STEP_WORDS: Record<string, string> = {
  takeBotTurn: 'store and answer the message',
  recordCustomerMessage: 'store the message',
  triageConversation: 'triage the message',
  routeConversation: 'route the conversation',
  escalate: 'hand the conversation to the team',
  changeStatus: 'change the conversation status',
  drainAssignmentQueue: 'assign the conversation',
  reopenToQueue: 'reopen the conversation',
  requeueIfAssigneeUnavailable: 'check the assignee',
  startNextResponseClock: 'start the next-response clock',
};

const MAX_DETAIL_CHARS = 300;

/** Reads a failed step: which, what kind of error, after how many attempts, and why in plain words. */
export function describeStepFailure(error: StepFailureError): StepFailure {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  const details = detailsOf(failure);
  const step = error instanceof ActivityFailure ? error.activityType : (details.step ?? 'unknown');
  const errorType = failure instanceof ApplicationFailure ? (failure.type ?? 'Error') : (failure?.name ?? 'Error');
  const detail = (failure?.message ?? error.message).split('\n')[0].trim().slice(0, MAX_DETAIL_CHARS);
  const exhausted = error instanceof ActivityFailure && error.retryState === 'MAXIMUM_ATTEMPTS_REACHED';
  const attempts = details.attempt ?? (exhausted ? STEP_MAX_ATTEMPTS : 1);
  const doing = STEP_WORDS[step] ?? `run step ${step}`;
  const timedOut =
    failure instanceof TimeoutFailure || (error instanceof ActivityFailure && error.retryState === 'TIMEOUT');
  const reason =
    errorType === PERMANENT_DATA_ERROR
      ? `Could not ${doing}: ${detail}. Retrying the same message cannot help.`
      : timedOut
        ? `Could not ${doing}: it did not finish in time (${detail}).`
        : `Could not ${doing} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${detail}.`;
  return { step, errorType, reason, attempts };
}

/** The step and attempt the worker's activity interceptor puts in a failure's details. */
function detailsOf(failure: Error | undefined): { step?: string; attempt?: number } {
  if (!(failure instanceof ApplicationFailure)) {
    return {};
  }
  const [details] = failure.details ?? [];
  const { step, attempt } = (details ?? {}) as { step?: unknown; attempt?: unknown };
  return {
    step: typeof step === 'string' ? step : undefined,
    attempt: typeof attempt === 'number' ? attempt : undefined,
  };
}
