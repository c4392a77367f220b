import type { SlaTarget } from '../../core/sla/sla-policy.types';
import type { Deadline } from '../conversation-deadlines';
import type { ConversationContext } from './conversation-context';
import {
  afterAutoResolve,
  afterMissedFirstResponse,
  afterQueueRecheck,
  afterSkillsRelaxed,
  afterWake,
} from './conversation-state';
import { breachDefaultFirstResponse } from './default-sla';

export type DeadlineHandler = (deadline: Deadline) => Promise<void>;

const SLA_TARGETS = {
  sla_first_response: 'first_response',
  sla_next_response: 'next_response',
  sla_resolution: 'resolution',
} as const satisfies Record<string, SlaTarget>;

/** What each clock does when it rings: reassign, re-run the queue, breach an SLA target, wake, or resolve. */
export function createDeadlineHandling(ctx: ConversationContext): DeadlineHandler {
  const { state, steps, settings } = ctx;
  const { tenantId, conversationId } = ctx.ref;

  /** The config first-response target, as runs recorded before the default SLA policy handle it. */
  const missedFirstResponse = async () => {
    const agentId = state.assigneeId;
    if (agentId === null) {
      return;
    }
    const priority = await steps.assignment.releaseAfterMissedFirstResponse({
      tenantId,
      conversationId,
      agentId,
      targetSeconds: settings.firstResponseTargetSeconds,
      eventKey: `first_response_breached:${agentId}:${state.assignedAt ?? ''}`,
    });
    ctx.apply(afterMissedFirstResponse(state, agentId, priority));
    await ctx.drainQueue();
  };

  const snoozeOver = async () => {
    await steps.conversation.changeStatus({
      tenantId,
      conversationId,
      status: 'open',
      actor: 'workflow',
      reason: 'snooze ended',
      eventKey: `woken:${state.snoozedUntil ?? ''}`,
    });
    ctx.apply(afterWake(state));
    if (state.assigneeId === null) {
      await ctx.drainQueue();
    }
  };

  const inactive = async () => {
    await steps.conversation.changeStatus({
      tenantId,
      conversationId,
      status: 'resolved',
      actor: 'workflow',
      reason: `no activity for ${settings.inactivityResolveSeconds}s`,
      eventKey: `auto_resolved:${state.lastActivityAt}`,
    });
    ctx.apply(afterAutoResolve(state, ctx.now()));
    await ctx.drainQueue();
  };

  return async (deadline) => {
    switch (deadline.kind) {
      case 'first_response':
        return missedFirstResponse();
      case 'queue_recheck':
        ctx.apply(afterQueueRecheck(state, ctx.now()));
        return ctx.drainQueue();
      case 'skills_relax':
        ctx.apply(afterSkillsRelaxed(state));
        return ctx.drainQueue();
      case 'sla_first_response':
        // Without a tenant SLA policy this clock is the default policy's (the config first-response target).
        return state.sla
          ? ctx.routing.breachSla('first_response')
          : breachDefaultFirstResponse(ctx, new Date(deadline.at).toISOString());
      case 'sla_next_response':
      case 'sla_resolution':
        return ctx.routing.breachSla(SLA_TARGETS[deadline.kind]);
      case 'snooze_over':
        return snoozeOver();
      case 'inactive':
        return inactive();
      case 'reopen_window_over':
        return; // handled by the main loop, which ends the run
    }
  };
}
