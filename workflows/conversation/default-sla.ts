import type { SlaBreachActions } from '../../core/sla/sla-policy.types';
import type { ConversationContext } from './conversation-context';
import { afterRelease } from './conversation-state';

/**
 * The config first-response target (FIRST_RESPONSE_TARGET_SECONDS) is the default SLA policy: when no tenant SLA
 * policy matched, each assignee has that long to answer, and a miss is an SLA breach like any other, with these
 * actions. Histories recorded before take the old `first_response` path (assignment's releaseAfterMissedFirstResponse).
 */
export const DEFAULT_SLA_PATCH = 'default-sla-first-response-v1';

export const DEFAULT_SLA_BREACH_ACTIONS: SlaBreachActions = { raisePriority: true, reassign: true, notify: true };

/** How the assignment history names a release for a missed default first-response target. */
export const DEFAULT_SLA_RELEASE_REASON = 'first_response_target_missed';

/** The default policy's first-response target lapsed: priority up, and back to the queue without the silent agent. */
export async function breachDefaultFirstResponse(ctx: ConversationContext, dueAt: string): Promise<void> {
  const { state } = ctx;
  const agentId = state.assigneeId;
  if (agentId === null || state.sla) {
    return;
  }
  const result = await ctx.steps.routing.handleSlaBreach({
    tenantId: ctx.ref.tenantId,
    conversationId: ctx.ref.conversationId,
    target: 'first_response',
    dueAt,
    actions: DEFAULT_SLA_BREACH_ACTIONS,
    assigneeId: agentId,
    eventKey: `sla_breached:first_response:${dueAt}`,
    releaseReason: DEFAULT_SLA_RELEASE_REASON,
  });
  if (result.released) {
    ctx.apply(afterRelease(state, { excludeAgentId: agentId, priority: result.priority }));
  } else if (result.priority) {
    ctx.apply({ ...state, priority: result.priority });
  }
  ctx.changed();
  await ctx.drainQueue();
}
