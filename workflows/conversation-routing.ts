import { patched } from '@temporalio/workflow';
import type { SlaTarget } from '../core/sla/sla-policy.types';
import { routingSteps } from './activity-proxies';
import type { ConversationState, InboundMessage } from './conversation.definitions';
import { nowIso } from './workflow-time';

/** Triage, routing, SLA clocks and away-assignee checks; histories recorded before them replay without. */
export const ROUTING_PATCH = 'routing-and-workload-v1';

const PRIORITY_RANK = { low: 0, normal: 1, high: 2, urgent: 3 } as const;

const SLA_DUE_FIELDS = {
  first_response: 'firstResponseDueAt',
  next_response: 'nextResponseDueAt',
  resolution: 'resolutionDueAt',
} as const satisfies Record<SlaTarget, string>;

/** What the routing steps share with the rest of the conversation workflow. */
export interface RoutingContext {
  tenantId: string;
  conversationId: string;
  customerId: string;
  state: ConversationState;
  /** Marks the state changed, so the main loop re-evaluates its deadlines. */
  changed(): void;
  /** Runs the assignment queue and adopts this conversation's assignee. */
  drainQueue(): Promise<void>;
}

/**
 * The conversation workflow's triage, routing and SLA behaviour, as closures over its state. Deterministic like the
 * rest of the workflow: every effect is a local activity.
 */
export function conversationRouting(ctx: RoutingContext) {
  return { ...triageAndRouting(ctx), ...slaClocks(ctx) };
}

/** Triage of the first message, routing by the published policy, and an agent's re-tag. */
function triageAndRouting(ctx: RoutingContext) {
  const { tenantId, conversationId, customerId, state } = ctx;
  /** Set while the first message's triage runs beside the bot's turn; routing waits for its topic. */
  let triaging: Promise<void> | undefined;

  /** Tags the conversation from the customer's message (topic, priority, sentiment, language). */
  const triage = async (message: InboundMessage) => {
    const result = await routingSteps.triageConversation({
      tenantId,
      conversationId,
      customerId,
      text: message.body,
      eventKey: `triaged:${message.externalId}`,
    });
    state.triaged = true;
    state.topic = result.topic;
    if (PRIORITY_RANK[result.priority] > PRIORITY_RANK[state.priority]) {
      state.priority = result.priority;
    }
  };

  /** The published routing policy picks team, priority, skills and SLA; the SLA clocks start here. */
  const route = async (text: string | null, reason: string, key: string): Promise<void> => {
    await triaging;
    const routed = await routingSteps.routeConversation({ tenantId, conversationId, text, reason, eventKey: key });
    state.teamId = routed.teamId;
    state.priority = routed.priority;
    state.sla = routed.sla;
    state.skillRelaxAt = routed.skillRelaxAt;
    ctx.changed();
  };

  return {
    route,

    /** True for runs that take the routing behaviour (all new ones); false replaying older histories. */
    enabled: () => patched(ROUTING_PATCH),

    /** Triage of a conversation's first message: beside the bot's turn when there is one (same workflow task). */
    async triageFirst(message: InboundMessage, alongside?: () => Promise<void>): Promise<void> {
      if (state.triaged || !patched(ROUTING_PATCH)) {
        await alongside?.();
        return;
      }
      triaging = triage(message);
      // Both settle before this returns, so a failure of one (the message is dead-lettered) leaves nothing running.
      const [triaged, other] = await Promise.allSettled([triaging, alongside?.()]);
      triaging = undefined;
      for (const outcome of [triaged, other]) {
        if (outcome.status === 'rejected') {
          throw outcome.reason;
        }
      }
    },

    /** An agent's correction of the topic; an unassigned conversation is routed again on it. */
    async retag(topic: string, agentId: string, key: (kind: string) => string): Promise<void> {
      await routingSteps.retagConversation({ tenantId, conversationId, topic, agentId, eventKey: key('retagged') });
      state.topic = topic;
      state.triaged = true;
      ctx.changed();
      if (state.status === 'open' && state.assigneeId === null) {
        await route(null, 'topic_changed', key('routed'));
        await ctx.drainQueue();
      }
    },
  };
}

/** The SLA clocks and their breaches, and letting go of an assignee who is away. */
function slaClocks(ctx: RoutingContext) {
  const { tenantId, conversationId, state } = ctx;

  /** An assignee who went away or offline gets no more of this conversation: it goes back to the queue. */
  const requeueIfAssigneeAway = async (key: string, reason: string) => {
    if (state.assigneeId === null) {
      return;
    }
    const released = await routingSteps.requeueIfAssigneeUnavailable({
      tenantId,
      conversationId,
      reason,
      eventKey: key,
    });
    if (released) {
      Object.assign(state, { assigneeId: null, assignedAt: null, awaitingFirstResponse: true });
      ctx.changed();
      await ctx.drainQueue();
    }
  };

  return {
    /** A customer wrote to a conversation a person handles: the next-response clock starts; an away assignee lets go. */
    async customerWroteToHuman(messageId: string): Promise<void> {
      if (!patched(ROUTING_PATCH)) {
        return;
      }
      const sla = state.sla;
      if (sla && !state.awaitingFirstResponse && sla.nextResponseDueAt === null) {
        sla.nextResponseDueAt = await routingSteps.startNextResponseClock({
          tenantId,
          conversationId,
          slaPolicyId: sla.policyId,
          from: nowIso(),
        });
      }
      await requeueIfAssigneeAway(`requeued:${messageId}`, 'customer wrote while the assignee was unavailable');
    },

    /** An SLA target lapsed: logged and announced, then the policy's actions (raise priority, reassign). */
    async breachSla(target: SlaTarget): Promise<void> {
      const sla = state.sla;
      const dueAt = sla?.[SLA_DUE_FIELDS[target]];
      if (!sla || !dueAt) {
        return;
      }
      sla[SLA_DUE_FIELDS[target]] = null; // each due time breaches once
      const previousAssignee = state.assigneeId;
      const result = await routingSteps.handleSlaBreach({
        tenantId,
        conversationId,
        target,
        dueAt,
        actions: sla.breachActions,
        assigneeId: previousAssignee,
        eventKey: `sla_breached:${target}:${dueAt}`,
      });
      if (result.priority) {
        state.priority = result.priority;
      }
      if (result.released && previousAssignee) {
        if (sla.breachActions.reassign) {
          state.excludedAgentIds.push(previousAssignee);
        }
        Object.assign(state, { assigneeId: null, assignedAt: null, awaitingFirstResponse: true });
      }
      ctx.changed();
      if (state.status === 'open' && state.assigneeId === null) {
        await ctx.drainQueue();
      }
    },
  };
}
