import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { AiAnswer } from '../core/knowledge/answer/ai-answer';
import type { EscalateInput } from '../activities/conversation.activities';
import type { SlaTarget } from '../core/sla/sla-policy.types';
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
  type ConversationState,
  type ConversationWorkflowInput,
  type InboundMessage,
} from './conversation.definitions';
import { assignmentSteps, conversationSteps } from './activity-proxies';
import { conversationRouting } from './conversation-routing';
import { LazyAlarm } from './lazy-alarm';
import { nowIso } from './workflow-time';
import { announceAssignments } from './announce-assignments';
import { nextDeadline, type Deadline } from './conversation-deadlines';
import { handleOrDeadLetter } from './dead-letters';

/** A rejection the API turns into a 4xx: its type is a domain error code. */
const reject = (code: 'invalid_state' | 'validation_failed', message: string) =>
  ApplicationFailure.create({ type: code, message, nonRetryable: true });

const SLA_DEADLINES = {
  sla_first_response: 'first_response',
  sla_next_response: 'next_response',
  sla_resolution: 'resolution',
} as const satisfies Record<string, SlaTarget>;

/**
 * One customer conversation, from first message to resolution and beyond: records inbound messages, lets the bot
 * answer from the knowledge base or hands off to a person, assigns an agent, and watches the first-response,
 * inactivity, snooze and reopen clocks. Agent actions arrive as updates; the state can be queried.
 */
export async function conversationWorkflow(input: ConversationWorkflowInput): Promise<void> {
  const { tenantId, conversationId, customerId, channel, settings } = input;
  const ref = { tenantId, conversationId, customerId, channel };
  const state: ConversationState = {
    triaged: false,
    topic: null,
    teamId: null,
    sla: null,
    skillRelaxAt: null,
    ...input.state,
    excludedAgentIds: [...input.state.excludedAgentIds],
  };
  const inbox: InboundMessage[] = [];
  let version = 0;
  const changed = () => {
    version += 1;
  };
  const updateKey = (kind: string) => `${kind}:${currentUpdateInfo()?.id ?? uuid4()}`;

  const adoptAssignee = (agentId: string) => {
    if (state.status === 'open' && state.assigneeId !== agentId) {
      state.assigneeId = agentId;
      state.assignedAt = nowIso();
      changed();
    }
  };

  /** Runs the queue (this conversation may be in it), tells the others, and adopts this one's assignee. */
  const drainQueue = async () => {
    const { notices, assigneeId } = await assignmentSteps.drainAssignmentQueue({ tenantId, conversationId });
    await announceAssignments(notices, conversationId);
    if (assigneeId && state.assigneeId === null) {
      adoptAssignee(assigneeId);
    }
  };

  const routing = conversationRouting({ tenantId, conversationId, customerId, state, changed, drainQueue });

  const escalate = async (
    reason: EscalateInput['reason'],
    trigger: { messageId: string; body: string },
    answer?: AiAnswer,
  ): Promise<void> => {
    if (routing.enabled()) {
      // Team, skills and SLA are in place before the conversation joins the queue: no drain sees it unrouted.
      await routing.route(trigger.body, 'escalated', `routed:escalated:${trigger.messageId}`);
    }
    await conversationSteps.escalate({
      ...ref,
      triggerMessageId: trigger.messageId,
      reason,
      answer,
      threshold: settings.handoffConfidenceThreshold,
    });
    state.status = 'open';
    state.hadHuman = true;
    state.awaitingFirstResponse = true;
    changed();
    await drainQueue();
  };

  /** The hot path: one local activity stores the message, answers it and, when confident, sends the answer. */
  const botTurn = async (message: InboundMessage) => {
    // Both local activities run in the same workflow task: triage adds no round trip to the bot's answer.
    await routing.triageFirst(message, () => botTurnOnly(message));
  };

  const botTurnOnly = async (message: InboundMessage) => {
    const turn = await conversationSteps.takeBotTurn({
      ...ref,
      externalId: message.externalId,
      body: message.body,
      nextBotTurn: state.botTurns + 1,
      threshold: settings.handoffConfidenceThreshold,
    });
    if (!turn.fresh || !turn.answer) {
      // Already handled: a retried delivery (counted before), or this turn re-run after its result was lost (not yet).
      state.botTurns = Math.max(state.botTurns, turn.botTurns ?? state.botTurns);
      return;
    }
    state.lastActivityAt = nowIso();
    changed();
    if (turn.replied) {
      state.botTurns += 1;
      return;
    }
    await escalate(
      turn.answer.wantsHuman ? 'customer_requested_human' : 'low_confidence',
      { messageId: turn.messageId, body: message.body },
      turn.answer,
    );
  };

  const handleInbound = async (message: InboundMessage) => {
    if (state.status === 'bot' && state.botTurns < settings.maxBotTurns) {
      await botTurn(message);
      return;
    }
    const { messageId, created } = await conversationSteps.recordCustomerMessage({
      ...ref,
      externalId: message.externalId,
      body: message.body,
    });
    if (!created) {
      return; // a retried delivery of a message already handled
    }
    state.lastActivityAt = nowIso();
    changed();
    await routing.triageFirst(message);
    switch (state.status) {
      case 'bot':
        await escalate('max_bot_turns', { messageId, body: message.body });
        return;
      case 'open':
        await routing.customerWroteToHuman(messageId); // a person handles it
        return;
      case 'pending':
        await conversationSteps.changeStatus({
          tenantId,
          conversationId,
          status: 'open',
          actor: 'customer',
          reason: 'customer replied',
          eventKey: `customer_replied:${messageId}`,
        });
        state.status = 'open';
        await routing.customerWroteToHuman(messageId);
        if (state.assigneeId === null) {
          await drainQueue();
        }
        return;
      case 'snoozed':
        await conversationSteps.changeStatus({
          tenantId,
          conversationId,
          status: 'open',
          actor: 'customer',
          reason: 'customer wrote while snoozed',
          eventKey: `woken:${messageId}`,
        });
        state.status = 'open';
        state.snoozedUntil = null;
        if (state.assigneeId === null) {
          await drainQueue();
        }
        return;
      case 'resolved':
        if (state.hadHuman) {
          await assignmentSteps.reopenToQueue({ tenantId, conversationId, eventKey: `reopened:${messageId}` });
          Object.assign(state, { status: 'open', assigneeId: null, assignedAt: null, awaitingFirstResponse: true });
          await drainQueue();
          return;
        }
        await conversationSteps.changeStatus({
          tenantId,
          conversationId,
          status: 'bot',
          actor: 'customer',
          reason: 'customer wrote after resolution',
          eventKey: `reopened:${messageId}`,
        });
        state.status = 'bot';
        state.botTurns = 0;
        await botTurn(message); // finds the message stored and unanswered, and answers it
        return;
    }
  };

  const handleDeadline = async (deadline: Deadline) => {
    switch (deadline.kind) {
      case 'first_response': {
        const agentId = state.assigneeId;
        if (agentId === null) {
          return;
        }
        state.priority = await assignmentSteps.releaseAfterMissedFirstResponse({
          tenantId,
          conversationId,
          agentId,
          targetSeconds: settings.firstResponseTargetSeconds,
          eventKey: `first_response_breached:${agentId}:${state.assignedAt ?? ''}`,
        });
        state.assigneeId = null;
        state.assignedAt = null;
        state.excludedAgentIds.push(agentId);
        await drainQueue();
        return;
      }
      case 'queue_recheck':
        state.lastQueueCheckAt = nowIso();
        await drainQueue();
        return;
      case 'skills_relax':
        state.skillRelaxAt = null;
        await drainQueue();
        return;
      case 'sla_first_response':
      case 'sla_next_response':
      case 'sla_resolution':
        await routing.breachSla(SLA_DEADLINES[deadline.kind]);
        return;
      case 'snooze_over':
        await conversationSteps.changeStatus({
          tenantId,
          conversationId,
          status: 'open',
          actor: 'workflow',
          reason: 'snooze ended',
          eventKey: `woken:${state.snoozedUntil ?? ''}`,
        });
        state.status = 'open';
        state.snoozedUntil = null;
        if (state.assigneeId === null) {
          await drainQueue();
        }
        return;
      case 'inactive':
        await conversationSteps.changeStatus({
          tenantId,
          conversationId,
          status: 'resolved',
          actor: 'workflow',
          reason: `no activity for ${settings.inactivityResolveSeconds}s`,
          eventKey: `auto_resolved:${state.lastActivityAt}`,
        });
        state.status = 'resolved';
        state.awaitingFirstResponse = false;
        state.lastActivityAt = nowIso();
        await drainQueue();
        return;
      case 'reopen_window_over':
        return; // handled by the main loop, which ends the run
    }
  };

  setHandler(stateQuery, () => state);
  setHandler(inboundMessageSignal, (message) => {
    inbox.push(message);
  });
  setHandler(assignedSignal, ({ agentId }) => {
    if (state.assigneeId === null) {
      adoptAssignee(agentId);
    }
  });

  setHandler(
    agentReplyUpdate,
    async (request) => {
      if (state.status === 'resolved') {
        throw reject('invalid_state', 'The conversation is resolved; reopen it before replying');
      }
      if (state.status === 'bot' || state.assigneeId === null) {
        // An agent replying to an unowned conversation takes it over (a person's choice, so capacity may be exceeded).
        await assignmentSteps.assignConversation({
          tenantId,
          conversationId,
          agentId: request.agentId,
          actorAgentId: request.agentId,
          reason: 'replied to an unassigned conversation',
          eventKey: updateKey('taken_over'),
        });
        Object.assign(state, { status: 'open', assigneeId: request.agentId, assignedAt: nowIso(), hadHuman: true });
      }
      const message = await conversationSteps.recordAgentReply({ ...ref, ...request });
      if (state.sla) {
        state.sla.firstResponseDueAt = null;
        state.sla.nextResponseDueAt = null;
      }
      state.awaitingFirstResponse = false;
      state.lastActivityAt = nowIso();
      changed();
      return message;
    },
    {
      validator: (request) => {
        if (typeof request?.body !== 'string' || request.body.trim() === '') {
          throw reject('validation_failed', 'A reply needs a non-empty body');
        }
      },
    },
  );

  setHandler(assignUpdate, async (request) => {
    if (state.status === 'resolved') {
      throw reject('invalid_state', 'The conversation is resolved; reopen it before assigning it');
    }
    await assignmentSteps.assignConversation({
      tenantId,
      conversationId,
      agentId: request.agentId,
      actorAgentId: request.actorAgentId,
      reason: request.reason ?? (request.agentId ? 'assigned by an agent' : 'unassigned by an agent'),
      eventKey: updateKey(request.agentId ? 'assigned' : 'unassigned'),
      excludeAgentId: request.agentId === null ? state.assigneeId : null,
    });
    if (request.agentId === null && state.assigneeId !== null) {
      state.excludedAgentIds.push(state.assigneeId);
    }
    Object.assign(state, {
      status: 'open',
      hadHuman: true,
      snoozedUntil: null,
      assigneeId: request.agentId,
      assignedAt: request.agentId ? nowIso() : null,
    });
    changed();
    await drainQueue(); // a transfer frees the previous assignee's capacity; an unassign re-queues this one
    return { ...state };
  });

  setHandler(resolveUpdate, async (request) => {
    if (state.status === 'resolved') {
      return { ...state };
    }
    await conversationSteps.changeStatus({
      tenantId,
      conversationId,
      status: 'resolved',
      actor: `agent:${request.actorAgentId}`,
      reason: 'resolved by an agent',
      eventKey: updateKey('resolved'),
    });
    Object.assign(state, { status: 'resolved', awaitingFirstResponse: false, lastActivityAt: nowIso(), sla: null });
    state.excludedAgentIds = [];
    changed();
    await drainQueue(); // the assignee has room again
    return { ...state };
  });

  setHandler(reopenUpdate, async (request) => {
    if (state.status !== 'resolved' && state.status !== 'snoozed' && state.status !== 'pending') {
      throw reject(
        'invalid_state',
        `Only resolved, pending or snoozed conversations can be reopened; this one is ${state.status}`,
      );
    }
    await conversationSteps.changeStatus({
      tenantId,
      conversationId,
      status: 'open',
      actor: `agent:${request.actorAgentId}`,
      reason: 'reopened by an agent',
      eventKey: updateKey('reopened'),
    });
    Object.assign(state, { status: 'open', hadHuman: true, snoozedUntil: null, lastActivityAt: nowIso() });
    changed();
    if (state.assigneeId === null) {
      await drainQueue();
    }
    return { ...state };
  });

  setHandler(
    snoozeUpdate,
    async (request) => {
      if (state.status === 'resolved') {
        throw reject('invalid_state', 'A resolved conversation cannot be snoozed');
      }
      await conversationSteps.changeStatus({
        tenantId,
        conversationId,
        status: 'snoozed',
        actor: `agent:${request.actorAgentId}`,
        reason: 'snoozed by an agent',
        snoozedUntil: request.until,
        eventKey: updateKey('snoozed'),
      });
      Object.assign(state, { status: 'snoozed', snoozedUntil: request.until, awaitingFirstResponse: false });
      changed();
      await drainQueue(); // snoozed conversations do not count against capacity
      return { ...state };
    },
    {
      validator: (request) => {
        const until = Date.parse(request?.until ?? '');
        if (!Number.isFinite(until) || until <= Date.now()) {
          throw reject('validation_failed', 'Snooze needs an `until` time in the future');
        }
      },
    },
  );

  setHandler(pendUpdate, async (request) => {
    if (state.status !== 'open') {
      throw reject('invalid_state', `Only open conversations can wait on the customer; this one is ${state.status}`);
    }
    await conversationSteps.changeStatus({
      tenantId,
      conversationId,
      status: 'pending',
      actor: `agent:${request.actorAgentId}`,
      reason: 'waiting on the customer',
      eventKey: updateKey('pending'),
    });
    Object.assign(state, { status: 'pending', awaitingFirstResponse: false, lastActivityAt: nowIso() });
    if (state.sla) {
      state.sla.nextResponseDueAt = null;
    }
    changed();
    await drainQueue(); // pending conversations do not count against capacity
    return { ...state };
  });

  setHandler(
    retagUpdate,
    async (request) => {
      await routing.retag(request.topic, request.actorAgentId, updateKey);
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

  const alarm = new LazyAlarm();
  for (;;) {
    const upcoming = nextDeadline(state, settings);
    if (upcoming) {
      alarm.ensureBy(upcoming.at);
    }
    const seen = version;
    await condition(() => inbox.length > 0 || version !== seen || alarm.rang);
    alarm.rang = false;

    while (inbox.length > 0) {
      const message = inbox.shift() as InboundMessage;
      await handleOrDeadLetter(ref, message, () => handleInbound(message)); // a failure never blocks the next one
    }
    const due = nextDeadline(state, settings);
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
