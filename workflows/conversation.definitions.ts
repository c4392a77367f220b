/**
 * The conversation workflow's contract: its input, signals, updates and query.
 * Imported by the workflow, the worker's activities and the API, so it must stay free of I/O.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Channel } from '../core/domain/channel';
import type { ConversationStatus, Priority } from '../core/domain/conversation-status';
import type { SlaDueTimes } from '../core/sla/sla-policy.types';

/** Timings and thresholds are inputs, so tests can run them in seconds. */
export interface ConversationSettings {
  handoffConfidenceThreshold: number;
  maxBotTurns: number;
  firstResponseTargetSeconds: number;
  inactivityResolveSeconds: number;
  reopenWindowSeconds: number;
  queueRecheckSeconds: number;
  continueAsNewAfterEvents: number;
}

/** What the workflow knows about its conversation; carried across continue-as-new and loaded from the row on (re)start. */
export interface ConversationState {
  status: ConversationStatus;
  priority: Priority;
  assigneeId: string | null;
  botTurns: number;
  awaitingFirstResponse: boolean;
  /** Agents already passed over for this conversation (they let the first-response target lapse). */
  excludedAgentIds: string[];
  snoozedUntil: string | null;
  /** When the current assignee got the conversation; the first-response timer runs from here. */
  assignedAt: string | null;
  /** Last customer, bot or agent message; the inactivity timer runs from here. */
  lastActivityAt: string;
  /** A human has handled this conversation before, so a customer writing back reopens it to the inbox. */
  hadHuman: boolean;
  /** Last time a queued conversation re-ran the queue itself (safety net for a lost assignment notice). */
  lastQueueCheckAt?: string | null;
  /** Triage has tagged the conversation (topic, priority, sentiment, language). */
  triaged?: boolean;
  topic?: string | null;
  /** Where the routing policy sent it; null = the tenant-wide queue. */
  teamId?: string | null;
  /** SLA due times the workflow's timers wait on; a target is cleared once met or breached. */
  sla?: SlaDueTimes | null;
  /** When the skill strategy stops insisting on optional skills; the queue is re-run then. */
  skillRelaxAt?: string | null;
}

export interface ConversationWorkflowInput {
  tenantId: string;
  conversationId: string;
  customerId: string;
  channel: Channel;
  settings: ConversationSettings;
  state: ConversationState;
}

export interface InboundMessage {
  /** Provider or client id; the message is stored once per (tenant, channel, externalId). */
  externalId: string;
  body: string;
  receivedAt: string;
}

export interface AgentReplyRequest {
  agentId: string;
  body: string;
  /** Makes a retried REST call idempotent. */
  clientMessageId: string;
}

export interface AssignRequest {
  actorAgentId: string;
  /** null unassigns and returns the conversation to the queue. */
  agentId: string | null;
  reason?: string;
}

export interface ResolveRequest {
  actorAgentId: string;
}

export interface RetagRequest {
  actorAgentId: string;
  /** An existing topic category name. */
  topic: string;
}

export interface SnoozeRequest {
  actorAgentId: string;
  until: string;
}

export interface AssignedNotice {
  agentId: string;
}

export interface MessageView {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  authorKind: 'customer' | 'bot' | 'agent' | 'system';
  authorAgentId: string | null;
  channel: Channel;
  body: string;
  createdAt: string;
}

export const inboundMessageSignal = defineSignal<[InboundMessage]>('inboundMessage');
/** Sent by the assignment dispatcher when it gives a queued conversation to an agent. */
export const assignedSignal = defineSignal<[AssignedNotice]>('assigned');

export const agentReplyUpdate = defineUpdate<MessageView, [AgentReplyRequest]>('agentReply');
export const assignUpdate = defineUpdate<ConversationState, [AssignRequest]>('assign');
export const resolveUpdate = defineUpdate<ConversationState, [ResolveRequest]>('resolve');
export const reopenUpdate = defineUpdate<ConversationState, [ResolveRequest]>('reopen');
export const snoozeUpdate = defineUpdate<ConversationState, [SnoozeRequest]>('snooze');
/** The agent is waiting on the customer: the conversation stops counting against their capacity. */
export const pendUpdate = defineUpdate<ConversationState, [ResolveRequest]>('pend');
/** An agent corrects the topic; an unassigned conversation is routed again. */
export const retagUpdate = defineUpdate<ConversationState, [RetagRequest]>('retag');

export const stateQuery = defineQuery<ConversationState>('state');

export function conversationWorkflowId(tenantId: string, conversationId: string): string {
  return `conversation:${tenantId}:${conversationId}`;
}
