/**
 * The external ids client-sent messages are stored under: messages are unique per (tenant, channel, external id), so
 * a retried request stores nothing new. Each key names its author and its conversation, so the same client message id
 * on two conversations stores two messages.
 */
export function agentReplyExternalId(agentId: string, conversationId: string, clientMessageId: string): string {
  return `agent:${agentId}:${conversationId}:${clientMessageId}`;
}

/** Visitor ids are `v_<uuid>`, so these never collide with the `agent:`, `bot:` and `system:` keys of the channel. */
export function visitorMessageExternalId(visitorId: string, conversationId: string, clientMessageId: string): string {
  return `${visitorId}:${conversationId}:${clientMessageId}`;
}
