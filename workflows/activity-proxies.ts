import { proxyLocalActivities, type RetryPolicy } from '@temporalio/workflow';
import type { ConversationActivities } from '../activities/conversation.activities';
import type { AssignmentActivities } from '../activities/assignment.activities';
import type { RoutingActivities } from '../activities/routing.activities';
import type { FailedMessageActivities } from '../activities/failed-message.activities';
import { DELIVERY_REJECTED, PERMANENT_DATA_ERROR } from '../core/platform/errors/failure-types';
import type { DeliveryActivities } from '../activities/delivery.activities';

/** How often a step is tried before the workflow gives up on it (a message is dead-lettered, an action rejected). */
export const STEP_MAX_ATTEMPTS = 6;

/**
 * Bounded retries: 200 ms, 400 ms, … up to 3.2 s between the six attempts, about 6 s of waiting in all, so a step that
 * keeps failing gives up well within an agent action's 15 s deadline. Bad data and failed validations (classified by
 * the worker's activity interceptor) and a domain rejection are not retried at all.
 */
export const STEP_RETRY: RetryPolicy = {
  initialInterval: '200ms',
  backoffCoefficient: 2,
  maximumInterval: '5s',
  maximumAttempts: STEP_MAX_ATTEMPTS,
  nonRetryableErrorTypes: [PERMANENT_DATA_ERROR, 'validation_failed', 'not_found'],
};

/**
 * Every step is short (a few SQL statements, or one answer), so they run as local activities in the same workflow
 * task: far lower latency than scheduled activities, and still retried and recorded. The schedule-to-close timeout
 * bounds a step's attempts together, whatever each one does.
 */
export const conversationSteps = proxyLocalActivities<ConversationActivities>({
  startToCloseTimeout: '60s',
  scheduleToCloseTimeout: '3m',
  retry: STEP_RETRY,
});

export const assignmentSteps = proxyLocalActivities<AssignmentActivities>({
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '90s',
  retry: STEP_RETRY,
});

export const routingSteps = proxyLocalActivities<RoutingActivities>({
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '90s',
  retry: STEP_RETRY,
});

/** Recording a dead letter cleans what it stores, so it only fails when the database is away: retried a while. */
export const deadLetterSteps = proxyLocalActivities<FailedMessageActivities>({
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '2m',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '10s', maximumAttempts: 10 },
});

/**
 * Outbound delivery, keyed by the message id (a retry never sends twice): transient vendor errors are retried a
 * bounded number of times, a permanent refusal not at all (the step has marked the message failed).
 */
export const deliverySteps = proxyLocalActivities<DeliveryActivities>({
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '90s',
  retry: { ...STEP_RETRY, nonRetryableErrorTypes: [...(STEP_RETRY.nonRetryableErrorTypes ?? []), DELIVERY_REJECTED] },
});
