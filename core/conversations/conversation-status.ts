/**
 * bot: handled by the AI; open: in the human inbox; pending: an agent is waiting on the customer; snoozed: hidden
 * until a time; resolved: done.
 */
export const CONVERSATION_STATUSES = ['bot', 'open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function raisePriority(priority: Priority): Priority {
  const index = PRIORITIES.indexOf(priority);
  return PRIORITIES[Math.min(index + 1, PRIORITIES.length - 1)];
}
