import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  setHandler,
  sleep,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { AiAnswer } from '../core/ai/ai-answer';
import type { EscalateInput } from '../activities/conversation.activities';
import {
  agentReplyUpdate,
  assignUpdate,
  assignedSignal,
  inboundMessageSignal,
  reopenUpdate,
  resolveUpdate,
  snoozeUpdate,
  stateQuery,
  type ConversationState,
  type ConversationWorkflowInput,
  type InboundMessage,
} from './conversation.definitions';
import { assignmentSteps, conversationSteps } from './activity-proxies';
import { announceAssignments } from './announce-assignments';
import { nextDeadline, type Deadline } from './conversation-deadlines';

/** A rejection the API turns into a 4xx: its type is a domain error code. */
const reject = (code: 'invalid_state' | 'validation_failed', message: string) =>
  ApplicationFailure.create({ type: code, message, nonRetryable: true });

const nowIso = () => new Date(Date.now()).toISOString();

/**
 * One customer conversation, from first message to resolution and beyond: records inbound messages, lets the bot
 * answer from the knowledge base or hands off to a person, assigns an agent, and watches the first-response,
 * inactivity, snooze and reopen clocks. Agent actions arrive as updates; the state can be queried.
 */
export async function conversationWorkflow(input: ConversationWorkflowInput): Promise<void> {
  const { tenantId, conversationId, customerId, channel, settings } = input;
  const ref = { tenantId, conversationId, customerId, channel };
  const state: ConversationState = { ...input.state, excludedAgentIds: [...input.state.excludedAgentIds] };
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

  const escalate = async (
    reason: EscalateInput['reason'],
    triggerMessageId: string,
    answer?: AiAnswer,
  ): Promise<void> => {
    await conversationSteps.escalate({
      ...ref,
      triggerMessageId,
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
    const turn = await conversationSteps.takeBotTurn({
      ...ref,
      externalId: message.externalId,
      body: message.body,
      nextBotTurn: state.botTurns + 1,
      threshold: settings.handoffConfidenceThreshold,
    });
    if (!turn.fresh || !turn.answer) {
      return; // a retried delivery of a message already handled
    }
    state.lastActivityAt = nowIso();
    changed();
    if (turn.replied) {
      state.botTurns += 1;
      return;
    }
    await escalate(turn.answer.wantsHuman ? 'customer_requested_human' : 'low_confidence', turn.messageId, turn.answer);
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
    switch (state.status) {
      case 'bot':
        await escalate('max_bot_turns', messageId);
        return;
      case 'open':
        return; // a person handles it
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
    Object.assign(state, { status: 'resolved', awaitingFirstResponse: false, lastActivityAt: nowIso() });
    state.excludedAgentIds = [];
    changed();
    await drainQueue(); // the assignee has room again
    return { ...state };
  });

  setHandler(reopenUpdate, async (request) => {
    if (state.status !== 'resolved' && state.status !== 'snoozed') {
      throw reject(
        'invalid_state',
        `Only resolved or snoozed conversations can be reopened; this one is ${state.status}`,
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
      await handleInbound(inbox.shift() as InboundMessage);
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

/**
 * One durable timer for whatever deadline comes first. A deadline that moves later (every message pushes the
 * inactivity clock back) keeps the running timer, which rings early and is re-armed then; only an earlier deadline
 * replaces it. So an ordinary message costs no timer commands at all.
 */
class LazyAlarm {
  rang = false;
  private at: number | undefined;
  private scope: CancellationScope | undefined;

  ensureBy(at: number): void {
    if (this.at !== undefined && this.at <= at) {
      return;
    }
    this.scope?.cancel();
    const scope = new CancellationScope();
    this.scope = scope;
    this.at = at;
    scope
      .run(() => sleep(Math.max(1, at - Date.now())))
      .then(
        () => {
          if (this.scope === scope) {
            this.scope = undefined;
            this.at = undefined;
            this.rang = true;
          }
        },
        () => undefined, // replaced by an earlier deadline
      );
  }
}
