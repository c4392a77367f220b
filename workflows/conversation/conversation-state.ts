import type { Priority } from '../../core/conversations/conversation-status';
import type { ConversationState, ConversationWorkflowInput } from '../conversation.definitions';

/**
 * The conversation workflow's state transitions as pure functions: each takes the state (and the workflow's time, an
 * ISO string) and returns the next state, leaving its input untouched. The workflow applies them with `commit`.
 */

/** The state a run starts from: what the input carried over, with the fields later versions added defaulted. */
export function initialState(input: ConversationWorkflowInput): ConversationState {
  return {
    triaged: false,
    topic: null,
    teamId: null,
    sla: null,
    skillRelaxAt: null,
    ...input.state,
    excludedAgentIds: [...input.state.excludedAgentIds],
  };
}

/** A copy that shares nothing mutable with `state`. */
const copy = (state: ConversationState): ConversationState => ({
  ...state,
  excludedAgentIds: [...state.excludedAgentIds],
  sla: state.sla ? { ...state.sla, breachActions: { ...state.sla.breachActions } } : (state.sla ?? null),
});

const withSla = (state: ConversationState, fields: Partial<NonNullable<ConversationState['sla']>>) =>
  state.sla ? { ...state.sla, ...fields } : state.sla;

/** The queue (or the dispatcher) gave this open conversation to an agent; null when nothing changes. */
export function adoptedAssignee(state: ConversationState, agentId: string, now: string): ConversationState | null {
  if (state.status !== 'open' || state.assigneeId === agentId) {
    return null;
  }
  return { ...copy(state), assigneeId: agentId, assignedAt: now };
}

/** Handed to a person: the conversation is open and waits for its first human answer. */
export const afterEscalation = (state: ConversationState): ConversationState => ({
  ...copy(state),
  status: 'open',
  hadHuman: true,
  awaitingFirstResponse: true,
});

/** A customer, bot or agent message moved the conversation: the inactivity clock restarts. */
export const afterActivity = (state: ConversationState, now: string): ConversationState => ({
  ...copy(state),
  lastActivityAt: now,
});

/** The bot answered. */
export const afterBotReply = (state: ConversationState): ConversationState => ({
  ...copy(state),
  botTurns: state.botTurns + 1,
});

/** A bot turn already handled: the stored count wins if it is ahead (the turn re-ran after its result was lost). */
export const afterRepeatedBotTurn = (state: ConversationState, storedBotTurns?: number): ConversationState => ({
  ...copy(state),
  botTurns: Math.max(state.botTurns, storedBotTurns ?? state.botTurns),
});

/** The customer answered a conversation waiting on them: a person handles it again. */
export const afterCustomerReplied = (state: ConversationState): ConversationState => ({
  ...copy(state),
  status: 'open',
});

/** A snoozed conversation wakes (its time came, or the customer wrote). */
export const afterWake = (state: ConversationState): ConversationState => ({
  ...copy(state),
  status: 'open',
  snoozedUntil: null,
});

/** The customer wrote after a person resolved it: back to the queue, waiting for a first response again. */
export const afterReopenedToQueue = (state: ConversationState): ConversationState => ({
  ...copy(state),
  status: 'open',
  assigneeId: null,
  assignedAt: null,
  awaitingFirstResponse: true,
});

/** The customer wrote after the bot resolved it: the bot starts over. */
export const afterBackToBot = (state: ConversationState): ConversationState => ({
  ...copy(state),
  status: 'bot',
  botTurns: 0,
});

/** The assignee lost the conversation (a missed target, or away): back to the queue, optionally without them. */
export function afterRelease(
  state: ConversationState,
  options: { excludeAgentId?: string | null; priority?: Priority | null } = {},
): ConversationState {
  const next = copy(state);
  if (options.excludeAgentId) {
    next.excludedAgentIds.push(options.excludeAgentId);
  }
  return {
    ...next,
    priority: options.priority ?? state.priority,
    assigneeId: null,
    assignedAt: null,
    awaitingFirstResponse: true,
  };
}

/** The config first-response target lapsed (the path of runs recorded before it became a default SLA policy). */
export function afterMissedFirstResponse(
  state: ConversationState,
  agentId: string,
  priority: Priority,
): ConversationState {
  const next = copy(state);
  next.excludedAgentIds.push(agentId);
  return { ...next, priority, assigneeId: null, assignedAt: null };
}

/** The queue was re-run by the conversation itself. */
export const afterQueueRecheck = (state: ConversationState, now: string): ConversationState => ({
  ...copy(state),
  lastQueueCheckAt: now,
});

/** The skill strategy stopped insisting on optional skills. */
export const afterSkillsRelaxed = (state: ConversationState): ConversationState => ({
  ...copy(state),
  skillRelaxAt: null,
});

/** Nobody wrote for the inactivity period: resolved by the workflow. */
export const afterAutoResolve = (state: ConversationState, now: string): ConversationState => ({
  ...copy(state),
  status: 'resolved',
  awaitingFirstResponse: false,
  lastActivityAt: now,
});

/** An agent replied to an unowned conversation and took it over. */
export const afterTakeOver = (state: ConversationState, agentId: string, now: string): ConversationState => ({
  ...copy(state),
  status: 'open',
  assigneeId: agentId,
  assignedAt: now,
  hadHuman: true,
});

/** An agent answered: the response clocks stop, and the inactivity clock restarts. */
export const afterAgentReply = (state: ConversationState, now: string): ConversationState => ({
  ...copy(state),
  sla: withSla(state, { firstResponseDueAt: null, nextResponseDueAt: null }),
  awaitingFirstResponse: false,
  lastActivityAt: now,
});

/** An agent assigned it (to someone, or to nobody: back to the queue without the previous assignee). */
export function afterAssign(state: ConversationState, agentId: string | null, now: string): ConversationState {
  const next = copy(state);
  if (agentId === null && state.assigneeId !== null) {
    next.excludedAgentIds.push(state.assigneeId);
  }
  return {
    ...next,
    status: 'open',
    hadHuman: true,
    snoozedUntil: null,
    assigneeId: agentId,
    assignedAt: agentId ? now : null,
  };
}

/** An agent resolved it: no clocks but the reopen window, and nobody is passed over any more. */
export const afterResolve = (state: ConversationState, now: string): ConversationState => ({
  ...copy(state),
  status: 'resolved',
  awaitingFirstResponse: false,
  lastActivityAt: now,
  sla: null,
  excludedAgentIds: [],
});

/** An agent reopened it. */
export const afterReopen = (state: ConversationState, now: string): ConversationState => ({
  ...copy(state),
  status: 'open',
  hadHuman: true,
  snoozedUntil: null,
  lastActivityAt: now,
});

/** An agent snoozed it until a time. */
export const afterSnooze = (state: ConversationState, until: string): ConversationState => ({
  ...copy(state),
  status: 'snoozed',
  snoozedUntil: until,
  awaitingFirstResponse: false,
});

/** The agent waits on the customer: the next-response clock stops. */
export const afterPend = (state: ConversationState, now: string): ConversationState => ({
  ...copy(state),
  status: 'pending',
  awaitingFirstResponse: false,
  lastActivityAt: now,
  sla: withSla(state, { nextResponseDueAt: null }),
});

/**
 * Makes `next` the workflow's state in place, so the query handler and the routing closures keep seeing one object.
 * The SLA due times keep their object too (routing holds it across a step), unless a transition drops or sets it.
 */
export function commit(state: ConversationState, next: ConversationState): void {
  const { sla, ...rest } = next;
  Object.assign(state, rest);
  if (sla && state.sla) {
    Object.assign(state.sla, sla);
  } else {
    state.sla = sla;
  }
}
