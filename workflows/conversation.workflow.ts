import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  patched,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { ConversationWorkflowInput, InboundMessage } from './conversation.definitions';
import { assignmentSteps, conversationSteps, deliverySteps, routingSteps } from './activity-proxies';
import { conversationRouting } from './conversation-routing';
import { LazyAlarm } from './lazy-alarm';
import { nowIso } from './workflow-time';
import { announceAssignments } from './announce-assignments';
import { nextDeadline, type DeadlineOptions } from './conversation-deadlines';
import { handleOrDeadLetter } from './dead-letters';
import type { ConversationContext, ConversationSteps } from './conversation/conversation-context';
import { adoptedAssignee, commit, initialState } from './conversation/conversation-state';
import { createHandOff } from './conversation/hand-off';
import { createBotTurn } from './conversation/bot-turn';
import { createInboundHandling } from './conversation/inbound-handling';
import { createDeadlineHandling } from './conversation/deadline-handling';
import { registerHandlers } from './conversation/register-handlers';
import { DEFAULT_SLA_PATCH } from './conversation/default-sla';

/** The steps every module calls, as local activities (activity-proxies.ts). */
const STEPS: ConversationSteps = {
  conversation: conversationSteps,
  assignment: assignmentSteps,
  routing: routingSteps,
  delivery: deliverySteps,
};

/**
 * One customer conversation, from first message to resolution and beyond: records inbound messages, lets the bot
 * answer from the knowledge base or hands off to a person, assigns an agent, and watches the first-response,
 * inactivity, snooze and reopen clocks. Agent actions arrive as updates; the state can be queried. The parts live
 * in workflows/conversation/; this wires them over one state object and runs the main loop.
 */
export async function conversationWorkflow(input: ConversationWorkflowInput): Promise<void> {
  const { tenantId, conversationId, customerId, channel, settings } = input;
  const state = initialState(input);
  const inbox: InboundMessage[] = [];
  let version = 0;
  const changed = () => {
    version += 1;
  };
  const adoptAssignee = (agentId: string) => {
    const next = adoptedAssignee(state, agentId, nowIso());
    if (next) {
      commit(state, next);
      changed();
    }
  };
  const drainQueue = async () => {
    const { notices, assigneeId } = await assignmentSteps.drainAssignmentQueue({ tenantId, conversationId });
    await announceAssignments(notices, conversationId);
    if (assigneeId && state.assigneeId === null) {
      adoptAssignee(assigneeId);
    }
  };
  const ctx: ConversationContext = {
    ref: { tenantId, conversationId, customerId, channel },
    settings,
    state,
    steps: STEPS,
    routing: conversationRouting({ tenantId, conversationId, customerId, state, changed, drainQueue }),
    apply: (next) => commit(state, next),
    changed,
    drainQueue,
    patched,
    now: nowIso,
    log,
  };
  const handOff = createHandOff(ctx);
  const botTurn = createBotTurn(ctx, handOff);
  const handleInbound = createInboundHandling(ctx, botTurn, handOff);
  const handleDeadline = createDeadlineHandling(ctx);
  registerHandlers(ctx, inbox, (kind) => `${kind}:${currentUpdateInfo()?.id ?? uuid4()}`, adoptAssignee);

  const deadlineOptions: DeadlineOptions = { defaultSla: patched(DEFAULT_SLA_PATCH) };
  const alarm = new LazyAlarm();
  for (;;) {
    const upcoming = nextDeadline(state, settings, deadlineOptions);
    if (upcoming) {
      alarm.ensureBy(upcoming.at);
    }
    const seen = version;
    await condition(() => inbox.length > 0 || version !== seen || alarm.rang);
    alarm.rang = false;

    while (inbox.length > 0) {
      const message = inbox.shift() as InboundMessage;
      await handleOrDeadLetter(ctx.ref, message, () => handleInbound(message)); // a failure never blocks the next one
    }
    const due = nextDeadline(state, settings, deadlineOptions);
    if (due && Date.now() >= due.at) {
      if (due.kind === 'reopen_window_over') {
        await condition(allHandlersFinished);
        if (inbox.length === 0 && state.status === 'resolved') {
          return; // a later message starts a fresh run with the same workflow id
        }
        continue;
      }
      await handleDeadline(due);
    }
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > settings.continueAsNewAfterEvents) {
      await condition(allHandlersFinished);
      if (inbox.length === 0) {
        await continueAsNew<typeof conversationWorkflow>({ ...input, state });
      }
    }
  }
}
