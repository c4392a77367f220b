import { proxyLocalActivities } from '@temporalio/workflow';
import type { ConversationActivities } from '../activities/conversation.activities';
import type { AssignmentActivities } from '../activities/assignment.activities';
import type { RoutingActivities } from '../activities/routing.activities';

/**
 * Every step is short (a few SQL statements, or one answer), so they run as local activities in the same workflow
 * task: far lower latency than scheduled activities, and still retried and recorded.
 */
export const conversationSteps = proxyLocalActivities<ConversationActivities>({
  startToCloseTimeout: '60s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

export const assignmentSteps = proxyLocalActivities<AssignmentActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});

export const routingSteps = proxyLocalActivities<RoutingActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', maximumInterval: '10s' },
});
