/** Every conversation's workflow id; the opener stores it, the API and the worker address the workflow by it. */
export function conversationWorkflowId(tenantId: string, conversationId: string): string {
  return `conversation:${tenantId}:${conversationId}`;
}
