import { PRIORITIES } from '../conversations/conversation-status';
import type { QueuedConversation } from './assignment.types';
import { compareIds } from './compare-ids';

type QueueKey = Pick<QueuedConversation, 'id' | 'priority' | 'slaDueAt' | 'queuedAt'>;

/**
 * The order a drain serves the queue in: priority (urgent first), then the earliest SLA due time (conversations
 * without one after those with one), then the longest wait, then id so the order is total and repeatable.
 */
export function compareQueued(a: QueueKey, b: QueueKey): number {
  return (
    PRIORITIES.indexOf(b.priority) - PRIORITIES.indexOf(a.priority) ||
    compareDueTimes(a.slaDueAt, b.slaDueAt) ||
    a.queuedAt - b.queuedAt ||
    compareIds(a.id, b.id)
  );
}

function compareDueTimes(a: number | null, b: number | null): number {
  if (a === null || b === null) {
    return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  }
  return a - b;
}
