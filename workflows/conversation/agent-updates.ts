import type {
  AgentReplyRequest,
  AssignRequest,
  ConversationState,
  MessageView,
  ResolveRequest,
  SnoozeRequest,
} from '../conversation.definitions';
import type { ConversationContext } from './conversation-context';
import {
  afterAgentReply,
  afterAssign,
  afterPend,
  afterReopen,
  afterResolve,
  afterSnooze,
  afterTakeOver,
} from './conversation-state';
import { deliverOutbound } from './outbound-delivery';
import { reject } from './rejections';

/** A deterministic idempotency key for the update being handled (its update id). */
export type UpdateKey = (kind: string) => string;

/**
 * The agents' actions on the conversation, as handlers the workflow registers for its updates. Each checks the
 * status, runs its step, applies its transition and re-runs the queue where capacity changed.
 */
export function createAgentUpdates(ctx: ConversationContext, updateKey: UpdateKey) {
  return { ...createOwnershipUpdates(ctx, updateKey), ...createStatusUpdates(ctx, updateKey) };
}

/** Who owns the conversation: an agent's reply (taking an unowned one over) and assignment. */
function createOwnershipUpdates(ctx: ConversationContext, updateKey: UpdateKey) {
  const { state, steps } = ctx;
  const { tenantId, conversationId } = ctx.ref;

  return {
    async reply(request: AgentReplyRequest): Promise<MessageView> {
      if (state.status === 'resolved') {
        throw reject('invalid_state', 'The conversation is resolved; reopen it before replying');
      }
      if (state.status === 'bot' || state.assigneeId === null) {
        // An agent replying to an unowned conversation takes it over (a person's choice, so capacity may be exceeded).
        await steps.assignment.assignConversation({
          tenantId,
          conversationId,
          agentId: request.agentId,
          actorAgentId: request.agentId,
          reason: 'replied to an unassigned conversation',
          eventKey: updateKey('taken_over'),
        });
        ctx.apply(afterTakeOver(state, request.agentId, ctx.now()));
      }
      const message = await steps.conversation.recordAgentReply({ ...ctx.ref, ...request });
      ctx.apply(afterAgentReply(state, ctx.now()));
      ctx.changed();
      await deliverOutbound(ctx, message.id);
      return message;
    },

    async assign(request: AssignRequest): Promise<ConversationState> {
      if (state.status === 'resolved') {
        throw reject('invalid_state', 'The conversation is resolved; reopen it before assigning it');
      }
      await steps.assignment.assignConversation({
        tenantId,
        conversationId,
        agentId: request.agentId,
        actorAgentId: request.actorAgentId,
        reason: request.reason ?? (request.agentId ? 'assigned by an agent' : 'unassigned by an agent'),
        eventKey: updateKey(request.agentId ? 'assigned' : 'unassigned'),
        excludeAgentId: request.agentId === null ? state.assigneeId : null,
      });
      ctx.apply(afterAssign(state, request.agentId, ctx.now()));
      ctx.changed();
      await ctx.drainQueue(); // a transfer frees the previous assignee's capacity; an unassign re-queues this one
      return { ...state };
    },
  };
}

/** Status changes by an agent: resolve, reopen, snooze, wait on the customer. */
function createStatusUpdates(ctx: ConversationContext, updateKey: UpdateKey) {
  const { state, steps } = ctx;
  const { tenantId, conversationId } = ctx.ref;
  const changeStatus = (status: ConversationState['status'], actor: string, reason: string, kind: string) =>
    steps.conversation.changeStatus({ tenantId, conversationId, status, actor, reason, eventKey: updateKey(kind) });

  return {
    async resolve(request: ResolveRequest): Promise<ConversationState> {
      if (state.status === 'resolved') {
        return { ...state };
      }
      await changeStatus('resolved', `agent:${request.actorAgentId}`, 'resolved by an agent', 'resolved');
      ctx.apply(afterResolve(state, ctx.now()));
      ctx.changed();
      await ctx.drainQueue(); // the assignee has room again
      return { ...state };
    },

    async reopen(request: ResolveRequest): Promise<ConversationState> {
      if (state.status !== 'resolved' && state.status !== 'snoozed' && state.status !== 'pending') {
        throw reject(
          'invalid_state',
          `Only resolved, pending or snoozed conversations can be reopened; this one is ${state.status}`,
        );
      }
      await changeStatus('open', `agent:${request.actorAgentId}`, 'reopened by an agent', 'reopened');
      ctx.apply(afterReopen(state, ctx.now()));
      ctx.changed();
      if (state.assigneeId === null) {
        await ctx.drainQueue();
      }
      return { ...state };
    },

    async snooze(request: SnoozeRequest): Promise<ConversationState> {
      if (state.status === 'resolved') {
        throw reject('invalid_state', 'A resolved conversation cannot be snoozed');
      }
      await steps.conversation.changeStatus({
        tenantId,
        conversationId,
        status: 'snoozed',
        actor: `agent:${request.actorAgentId}`,
        reason: 'snoozed by an agent',
        snoozedUntil: request.until,
        eventKey: updateKey('snoozed'),
      });
      ctx.apply(afterSnooze(state, request.until));
      ctx.changed();
      await ctx.drainQueue(); // snoozed conversations do not count against capacity
      return { ...state };
    },

    async pend(request: ResolveRequest): Promise<ConversationState> {
      if (state.status !== 'open') {
        throw reject('invalid_state', `Only open conversations can wait on the customer; this one is ${state.status}`);
      }
      await changeStatus('pending', `agent:${request.actorAgentId}`, 'waiting on the customer', 'pending');
      ctx.apply(afterPend(state, ctx.now()));
      ctx.changed();
      await ctx.drainQueue(); // pending conversations do not count against capacity
      return { ...state };
    },
  };
}
