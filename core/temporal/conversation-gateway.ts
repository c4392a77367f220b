import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  inboundMessageSignal,
  type ConversationSettings,
  type ConversationWorkflowInput,
  type InboundMessage,
} from '../../workflows/conversation.definitions';
import {
  assignmentDispatcherWorkflowId,
  queueChangedSignal,
  type AssignmentDispatcherInput,
} from '../../workflows/assignment-dispatcher.definitions';
import { DomainError, type DomainErrorCode } from '../domain/domain-error';
import { toConversationState } from '../db/repositories/conversation.repository';
import type { ConversationEntity } from '../db/entities';

export const CONVERSATION_WORKFLOW = 'conversationWorkflow';
export const ASSIGNMENT_DISPATCHER_WORKFLOW = 'assignmentDispatcherWorkflow';

/**
 * The API's only door into Temporal: inbound messages by signal-with-start (durable while workers are down),
 * agent actions by update-with-start (the caller gets the workflow's answer or its rejection).
 */
export class ConversationGateway {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly settings: ConversationSettings,
    private readonly queueSweepSeconds: number,
  ) {}

  async deliverInbound(conversation: ConversationEntity, message: InboundMessage): Promise<void> {
    await this.client.workflow.signalWithStart(CONVERSATION_WORKFLOW, {
      workflowId: conversation.workflowId,
      taskQueue: this.taskQueue,
      args: [this.inputFor(conversation)],
      signal: inboundMessageSignal,
      signalArgs: [message],
    });
  }

  /** Runs an agent action inside the conversation's workflow, starting the workflow if it has closed. */
  async update<Ret, Args extends unknown[]>(
    conversation: ConversationEntity,
    update: UpdateDefinition<Ret, Args>,
    ...args: Args
  ): Promise<Ret> {
    const startWorkflowOperation = new WithStartWorkflowOperation(CONVERSATION_WORKFLOW, {
      workflowId: conversation.workflowId,
      taskQueue: this.taskQueue,
      args: [this.inputFor(conversation)],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    try {
      return await this.client.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation });
    } catch (error) {
      throw toDomainError(error);
    }
  }

  /** Tells the tenant's assignment dispatcher that capacity or the queue changed. */
  async notifyQueueChanged(tenantId: string): Promise<void> {
    const input: AssignmentDispatcherInput = { tenantId, sweepSeconds: this.queueSweepSeconds };
    await this.client.workflow.signalWithStart(ASSIGNMENT_DISPATCHER_WORKFLOW, {
      workflowId: assignmentDispatcherWorkflowId(tenantId),
      taskQueue: this.taskQueue,
      args: [input],
      signal: queueChangedSignal,
      signalArgs: [],
    });
  }

  private inputFor(conversation: ConversationEntity): ConversationWorkflowInput {
    return {
      tenantId: conversation.tenantId,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      channel: conversation.channel,
      settings: this.settings,
      state: toConversationState(conversation),
    };
  }
}

/** A workflow's rejection (ApplicationFailure with a domain code as its type) becomes a DomainError. */
function toDomainError(error: unknown): unknown {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.type && isDomainCode(cause.type)) {
    return new DomainError(cause.type, cause.message, undefined, { cause: error });
  }
  return error;
}

function isDomainCode(type: string): type is DomainErrorCode {
  return ['validation_failed', 'forbidden', 'not_found', 'conflict', 'invalid_state'].includes(type);
}
