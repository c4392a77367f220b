/**
 * The conversation workflow's contract: its input, signals, updates and query.
 * Imported by the workflow, the worker's activities and the API, so it must stay free of I/O.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Channel } from '../core/channels/channel';
import type { ConversationSettings } from '../core/platform/config/conversation-settings';
import type { ConversationState } from '../core/conversations/conversation-state';
import type { InboundMessage } from '../core/channels/inbound-message';
import type { MessageView } from '../core/conversations/message-view';

export type { ConversationSettings, ConversationState, InboundMessage, MessageView };
export { conversationWorkflowId } from '../core/conversations/conversation-workflow-id';

export interface ConversationWorkflowInput {
  tenantId: string;
  conversationId: string;
  customerId: string;
  channel: Channel;
  settings: ConversationSettings;
  state: ConversationState;
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
