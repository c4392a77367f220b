import type { ConversationEvent, DirectoryAgent } from '../api/types';

const percent = (value: unknown) => (typeof value === 'number' ? value.toFixed(2) : '?');

/** A conversation event in plain words, e.g. "Handed off: the bot was not confident (0.31)". */
export function describeEvent(
  event: ConversationEvent,
  agents: Map<string, DirectoryAgent>,
  me: string | undefined,
): string {
  const data = event.data ?? {};
  const reason = typeof data.reason === 'string' ? data.reason : undefined;
  const agentName = (id: unknown) =>
    typeof id !== 'string' ? 'an agent' : id === me ? 'you' : (agents.get(id)?.name ?? 'an agent');
  switch (event.type) {
    case 'answered':
      return `The bot answered (confidence ${percent(data.confidence)})`;
    case 'escalated': {
      const attempt = data.aiAttempt as { confidence?: number } | null | undefined;
      if (reason === 'low_confidence') {
        return `Handed off because the bot was not confident (${percent(attempt?.confidence)})`;
      }
      if (reason === 'customer_requested_human') {
        return 'Handed off: the customer asked for a person';
      }
      if (reason === 'max_bot_turns') {
        return 'Handed off: the bot had answered as many times as it may';
      }
      if (reason === 'not_found') {
        return 'Handed off: the knowledge base has no answer';
      }
      return `Handed off to the team${reason ? `: ${reason.replace(/_/g, ' ')}` : ''}`;
    }
    case 'assigned': {
      const who = agentName(data.agentId);
      const why = typeof data.explanation === 'string' ? data.explanation : reason;
      return `Assigned to ${who}${why ? `: ${why}` : ''}`;
    }
    case 'unassigned':
      return `Unassigned from ${agentName(data.agentId)}${reason ? ` (${reason})` : ''}`;
    case 'transferred':
      return `Transferred to ${agentName(data.toAgentId ?? data.agentId)}${reason ? `: ${reason}` : ''}`;
    case 'routed':
      return `Routed${typeof data.rule === 'string' ? ` by rule "${data.rule}"` : ''}${reason ? `: ${reason}` : ''}`;
    case 'triaged':
      return `Tagged by AI: ${[data.topic, data.priority, data.sentiment].filter((part) => typeof part === 'string').join(', ') || 'no topic'}`;
    case 'retagged':
      return `Topic changed to ${String(data.topic)} by ${event.actor.startsWith('agent:') ? agentName(event.actor.slice(6)) : event.actor}`;
    case 'sla_breached':
      return `SLA breached${typeof data.target === 'string' ? `: ${data.target.replace(/_/g, ' ')}` : ''}`;
    case 'resolved':
      return `Resolved${reason ? ` (${reason})` : ''}`;
    case 'reopened':
      return reason === 'customer_wrote_after_resolution' ? 'Reopened: the customer wrote again' : 'Reopened';
    case 'snoozed':
      return `Snoozed${typeof data.until === 'string' ? ` until ${new Date(data.until).toLocaleString()}` : ''}`;
    case 'pending':
      return 'Marked pending: waiting on the customer';
    case 'delivery_failed':
      return `A message could not be delivered${typeof data.reason === 'string' ? `: ${data.reason}` : ''}`;
    default:
      return `${event.type.replace(/_/g, ' ')}${reason ? `: ${reason}` : ''}`;
  }
}
