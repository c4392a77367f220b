import { setHandler } from '@temporalio/workflow';
import {
  agentReplyUpdate,
  assignUpdate,
  assignedSignal,
  inboundMessageSignal,
  pendUpdate,
  reopenUpdate,
  resolveUpdate,
  retagUpdate,
  snoozeUpdate,
  stateQuery,
  type InboundMessage,
} from '../conversation.definitions';
import type { ConversationContext } from './conversation-context';
import { createAgentUpdates, type UpdateKey } from './agent-updates';
import { reject } from './rejections';

/** Registers the conversation's query, signals and updates; inbound messages go to `inbox` for the main loop. */
export function registerHandlers(
  ctx: ConversationContext,
  inbox: InboundMessage[],
  updateKey: UpdateKey,
  adoptAssignee: (agentId: string) => void,
): void {
  const { state } = ctx;
  const updates = createAgentUpdates(ctx, updateKey);
  setHandler(stateQuery, () => state);
  setHandler(inboundMessageSignal, (message) => {
    inbox.push(message);
  });
  setHandler(assignedSignal, ({ agentId }) => {
    if (state.assigneeId === null) {
      adoptAssignee(agentId);
    }
  });
  setHandler(agentReplyUpdate, updates.reply, {
    validator: (request) => {
      if (typeof request?.body !== 'string' || request.body.trim() === '') {
        throw reject('validation_failed', 'A reply needs a non-empty body');
      }
    },
  });
  setHandler(assignUpdate, updates.assign);
  setHandler(resolveUpdate, updates.resolve);
  setHandler(reopenUpdate, updates.reopen);
  setHandler(snoozeUpdate, updates.snooze, {
    validator: (request) => {
      const until = Date.parse(request?.until ?? '');
      if (!Number.isFinite(until) || until <= Date.now()) {
        throw reject('validation_failed', 'Snooze needs an `until` time in the future');
      }
    },
  });
  setHandler(pendUpdate, updates.pend);
  setHandler(
    retagUpdate,
    async (request) => {
      await ctx.routing.retag(request.topic, request.actorAgentId, updateKey);
      return { ...state };
    },
    {
      validator: (request) => {
        if (typeof request?.topic !== 'string' || request.topic.trim() === '') {
          throw reject('validation_failed', 'A re-tag needs a topic');
        }
      },
    },
  );
}
