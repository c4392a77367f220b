import type { ConversationEventRepository } from '../conversations/conversation-event.repository';

/** One missed SLA target: which, on which conversation, and what was done about it (the event's data). */
export interface SlaBreach {
  conversationId: string;
  /** Derived by the workflow from the target and its deadline, so a retried step logs the breach once. */
  eventKey: string;
  data: { target: string; agentId: string | null; priority: string | null } & Record<string, unknown>;
}

/** Logs an `sla_breached` event (the agents' event stream carries it); both breach paths write it the same way. */
export function appendSlaBreach(
  events: Pick<ConversationEventRepository, 'append'>,
  tenantId: string,
  { conversationId, eventKey, data }: SlaBreach,
): Promise<void> {
  return events.append(tenantId, { conversationId, type: 'sla_breached', actor: 'workflow', eventKey, data });
}
